// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.ArgoCd.Tests;

/// <summary>The package README's first snippet, line for line, with github.com sent to the fake GitHub.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task ReadmeUsage_PrintsEachRepositorysCredentialAndVerdict_AndTheFindings()
    {
        using var github = FakeGitHubServer.Start();
        github.AddRepository(new FakeGitHubRepository { FullName = "acme/app" });
        var token = github.AddToken(FakeGitHubToken.Classic("repo").WithRepository("acme/app", new FakeGitHubGrant { Role = "write" }));
        var folder = Directory.CreateTempSubdirectory("gts-argocd-");
        var path = Path.Combine(folder.FullName, "secrets.yaml");
        await File.WriteAllTextAsync(path, $"""
            kind: Secret
            metadata:
              name: github-acme
              labels:
                argocd.argoproj.io/secret-type: repository
            stringData:
              url: https://github.com/acme/app
              password: {token.Value}
            """);
        using var output = new StringWriter();

        try
        {
            // From the README:
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddGitTokenScopes().AddGitHub().AddGitLab().AddBitbucketCloud().AddBitbucketServer();
            await using var provider = services.BuildServiceProvider();

            var secrets = ArgoCdSecretReader.Read(await File.ReadAllTextAsync(path));
            var options = new ArgoCdAuditOptions();
            options.Servers["gitlab.example.com"] = new ArgoCdGitServer(GitProvider.GitLab);
            options.Servers["github.com"] = new ArgoCdGitServer(GitProvider.GitHub, apiUrl: github.ApiUrl);   // the test's only addition
            options.Runtimes.Add("production");

            var audit = new ArgoCdAudit(provider.GetRequiredService<ITokenValidator>());
            var result = await audit.AuditAsync(secrets, options);
            foreach (var row in result.Rows)
            {
                output.WriteLine($"{row.Assignment.Url}: {row.Assignment.Credential} -> {row.Verdict?.ToWireName() ?? "not validated"}");
            }

            foreach (var finding in result.Findings)
            {
                output.WriteLine(finding);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        output.ToString().Should().Be(
            $"https://github.com/acme/app: password {token.Fingerprint} from 'github-acme' (user x-access-token) -> pass{Environment.NewLine}" +
            $"default-username: 'github-acme' has a password but no username: Argo CD sends 'x-access-token' for https://github.com/acme/app, which works with a token.{Environment.NewLine}");
    }
}

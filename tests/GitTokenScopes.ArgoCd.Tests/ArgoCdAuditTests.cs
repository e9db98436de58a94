// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.ArgoCd.Tests;

public sealed class ArgoCdAuditTests(AcmeProviders fakes) : IClassFixture<AcmeProviders>
{
    private async Task<ArgoCdAuditResult> AuditAsync(params string[] runtimes)
    {
        var secrets = ArgoCdSecretReader.Read(AcmeSecrets.Yaml(fakes.Tokens));
        return await fakes.CreateAudit().AuditAsync(secrets, fakes.Options(runtimes));
    }

    [Fact]
    public async Task Audit_ValidatesEveryDistinctTokenOnce_ForEverythingItServes_AndEveryRuntime()
    {
        // A cache of its own: the class's other audits have inspected these tokens already.
        await using var services = AcmeProviders.BuildServices();
        fakes.GitHub.ResetRequests();

        var result = await new ArgoCdAudit(services.GetRequiredService<ITokenValidator>())
            .AuditAsync(ArgoCdSecretReader.Read(AcmeSecrets.Yaml(fakes.Tokens)), fakes.Options("production", "staging"));

        var fingerprints = new[] { fakes.Tokens.Runtime, fakes.Tokens.Platform, fakes.Tokens.Jane, fakes.Tokens.TeamX, fakes.Tokens.GitLabA, fakes.Tokens.GitLabB, fakes.Tokens.Write, fakes.Tokens.Bitbucket }
            .Select(GitCredential.FingerprintOf);
        result.Tokens.Select(t => t.Fingerprint).Should().BeEquivalentTo(fingerprints);
        result.Tokens.Should().OnlyContain(t => t.Reports.Count == 2 && t.Reports[0].Runtime == "production" && t.Reports[1].Runtime == "staging");
        fakes.GitHub.Requests.Where(r => r.Path == "/user").GroupBy(r => r.TokenFingerprint)
            .Should().HaveCount(5).And.OnlyContain(g => g.Count() == 1, "one inspection per token, whatever it serves and for however many runtimes");
    }

    [Fact]
    public async Task Audit_RuntimeTemplate_IsTheRuntimeToken_AndItsRowsCarryVerdictExpiryAndMissingScopes()
    {
        var result = await AuditAsync();

        var runtime = result.Tokens.Single(t => t.SecretNames.Contains("runtime-repo-creds-secret"));
        runtime.Kind.Should().Be(TokenKind.Runtime);
        runtime.Repositories.Should().ContainSingle().Which.Should().Match<RepositoryRequest>(r => r.Name == "acme/gitops-config" && r.Access == RepositoryAccess.Read);
        runtime.Verdict.Should().Be(ValidationVerdict.Fail);
        var row = result.Rows.Single(r => r.Assignment.RepositorySecretName == "repo-gitops-config");
        row.Verdict.Should().Be(ValidationVerdict.Fail);
        row.MissingScopes.Should().Equal("admin:repo_hook");
        row.ExpiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(20), TimeSpan.FromMinutes(5), "the fake runtime token expires in 20 days");
        row.RepositoryState.Should().Be(RepositoryAccessState.Granted);
        result.Tokens.Single(t => t.SecretNames.Contains("repo-payments")).Kind.Should().Be(TokenKind.User);
        result.Verdict.Should().Be(ValidationVerdict.Fail);
    }

    [Fact]
    public async Task Audit_WriteToken_MustReadAndWrite_AndFailsWithReadOnlyAccess()
    {
        var result = await AuditAsync();

        var write = result.Tokens.Single(t => t.SecretNames.Contains("write-creds-acme"));
        write.Repositories.Should().ContainSingle().Which.Access.Should().Be(RepositoryAccess.ReadWrite);
        var row = result.Rows.Single(r => r.Assignment.IsWrite);
        row.RepositoryState.Should().Be(RepositoryAccessState.Insufficient);
        row.Verdict.Should().Be(ValidationVerdict.Fail);
    }

    [Fact]
    public async Task Audit_ReadSecretAccess_CanDemandReadAndWrite()
    {
        var options = fakes.Options();
        options.ReadSecretAccess = RepositoryAccess.ReadWrite;

        var result = await fakes.CreateAudit().AuditAsync(ArgoCdSecretReader.Read(AcmeSecrets.Yaml(fakes.Tokens)), options);

        result.Tokens.Single(t => t.SecretNames.Contains("repo-payments")).Repositories.Should().ContainSingle().Which.Access.Should().Be(RepositoryAccess.ReadWrite);
    }

    [Fact]
    public async Task Audit_BitbucketPasswordWithoutUsername_FailsAsArgoCdWould()
    {
        var result = await AuditAsync();

        // Argo CD sends x-access-token; Bitbucket knows the app password by its owner's user name only.
        var row = result.Rows.Single(r => r.Assignment.RepositorySecretName == "repo-deploy-bitbucket");
        row.Assignment.Credential.Username.Should().Be("x-access-token");
        row.Verdict.Should().Be(ValidationVerdict.Fail);
    }

    [Fact]
    public async Task Audit_CredentialsItCannotCheck_HaveRowsWithoutVerdict_AndUnusedTemplatesAreStillValidated()
    {
        var result = await AuditAsync();

        result.Rows.Where(r => r.Assignment.Credential.Kind is ArgoCdCredentialKind.SshPrivateKey or ArgoCdCredentialKind.GitHubApp
                or ArgoCdCredentialKind.GoogleCloud or ArgoCdCredentialKind.AzureWorkloadIdentity)
            .Should().HaveCount(4).And.OnlyContain(r => r.Token == null && r.Verdict == null);
        var unused = result.Tokens.Single(t => t.SecretNames.Contains("gitlab-team-b"));
        unused.Repositories.Should().BeEmpty();
        unused.Reports.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Audit_NoSecretValue_InReportsRowsFindingsOrLogs()
    {
        fakes.Logs.Clear();

        var result = await AuditAsync("production");

        var texts = new List<string>();
        texts.AddRange(result.Reports.Select(r => r.ToJson()));
        texts.AddRange(result.Reports.Select(r => r.ToString()));
        texts.AddRange(result.Tokens.Select(t => t.ToString()));
        texts.AddRange(result.Rows.Select(r => r.Assignment.ToString()));
        texts.AddRange(result.Findings.Select(f => f.ToString()));
        var logs = fakes.Logs.GetSnapshot();
        logs.Should().Contain(l => l.Id.Id == 500).And.Contain(l => l.Id.Id == 501).And.Contain(l => l.Id.Id == 503);
        texts.AddRange(logs.Select(l => $"{l.Message} {l.Exception} {string.Join(";", l.StructuredState ?? [])}"));
        SecretText.ShouldNotContainAny(texts, fakes.Tokens.All);
    }

    [Fact]
    public async Task Audit_TokenThatCannotTravelInAHeader_IsAFindingWithoutTheValue()
    {
        var secrets = new[] { ArgoCdResolverTests.Secret("bad", "repository", ("url", "https://github.com/acme/payments"), ("password", "ghp_line\nbreak-in-token-000")) };

        var result = await fakes.CreateAudit().AuditAsync(secrets, fakes.Options());

        result.Tokens.Should().ContainSingle().Which.Problem.Should().NotBeNullOrWhiteSpace().And.NotContain("break-in-token");
        result.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.InvalidSecret).Which.Message.Should().NotContain("break-in-token");
        result.Verdict.Should().Be(ValidationVerdict.Indeterminate);
    }
}

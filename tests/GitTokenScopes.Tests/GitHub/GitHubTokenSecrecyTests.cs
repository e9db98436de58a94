// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>A token is a secret: across every inspection path, it appears in no log (trace level), message, note or ToString.</summary>
public sealed class GitHubTokenSecrecyTests
{
    [Fact]
    public async Task InspectAsync_EveryPath_NeverExposesTheToken()
    {
        using var github = new GitHubInspectorFixture(new FakeGitHubServerOptions(), o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "secret/config" });
        github.Server.AddRepository(new FakeGitHubRepository { FullName = "sso/config" });
        var permissions = FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read"));
        var tokens = new List<FakeGitHubToken>
        {
            FakeGitHubToken.Classic("repo").WithRepository("secret/config", new FakeGitHubGrant { Role = "admin" }),
            FakeGitHubToken.LegacyClassic(),
            FakeGitHubToken.FineGrained().WithRepository("secret/config", permissions),
            FakeGitHubToken.AppInstallation().WithRepository("secret/config", permissions),
            Configure(FakeGitHubToken.Classic("repo"), t => t.Revoked = true),
            Configure(FakeGitHubToken.Classic("repo"), t => t.RateLimit = new FakeGitHubRateLimit { ResetAt = DateTimeOffset.UtcNow.AddHours(1) }),
            Configure(FakeGitHubToken.Classic("repo"), t => t.ServerErrorStatus = 502),
            Configure(FakeGitHubToken.Classic("repo"), t => t.Delay = TimeSpan.FromSeconds(1)),
            Configure(FakeGitHubToken.Classic("repo").WithRepository("sso/config", new FakeGitHubGrant()), t => t.SsoOrganization = "sso"),
            Configure(FakeGitHubToken.FineGrained().WithRepository("secret/config", permissions), t => t.AnswerWriteProbesWithSuccess = true),
        };
        var texts = new List<string>();

        foreach (var token in tokens)
        {
            var inspection = await github.InspectAsync(token, [new("secret/config"), new("sso/config", RepositoryAccess.Read)], [GitHubInspectorFixture.Requirement(TokenKind.User, TokenFamily.FineGrained)]);
            texts.Add(inspection.ToString());
            texts.Add(inspection.Message ?? string.Empty);
            texts.AddRange(inspection.Notes);
            texts.AddRange(inspection.Repositories.Select(r => r.ToString()));
            texts.Add(inspection.ActionUrl?.ToString() ?? string.Empty);
            texts.Add(JsonSerializer.Serialize(inspection.Repositories));
            texts.Add(github.Credential(token).ToString());
            texts.AddRange(github.Server.Requests.Select(r => r.ToString()));
            texts.Add(token.ToString());
        }

        var unreachable = new GitCredential(GitProvider.GitHub, FakeGitHubToken.Classic().Value, apiUrl: new Uri("http://127.0.0.1:1/"));
        texts.Add((await github.Inspector.InspectAsync(new TokenInspectionRequest(unreachable))).ToString());

        var logs = github.Logs.GetSnapshot();
        logs.Should().NotBeEmpty();
        texts.AddRange(logs.Select(r => r.Message));
        texts.AddRange(logs.SelectMany(r => r.StructuredState ?? []).Select(kv => $"{kv.Key}={kv.Value}"));
        texts.AddRange(logs.Select(r => r.Exception?.ToString() ?? string.Empty));

        foreach (var secret in tokens.Select(t => t.Value).Append(unreachable.Token))
        {
            var slice = secret.Substring(4, 16);
            texts.Should().NotContain(t => t.Contains(secret, StringComparison.Ordinal));
            texts.Should().NotContain(t => t.Contains(slice, StringComparison.Ordinal), "not even a slice of the token");
        }

        logs.Should().Contain(r => r.Message.Contains("sha256:", StringComparison.Ordinal), "logs identify tokens by fingerprint");
    }

    private static FakeGitHubToken Configure(FakeGitHubToken token, Action<FakeGitHubToken> configure)
    {
        configure(token);
        return token;
    }
}

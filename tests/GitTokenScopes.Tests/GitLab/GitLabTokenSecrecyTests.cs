// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>A token is a secret: across every inspection path, it appears in no log (trace level), message, note, exception or ToString.</summary>
public sealed class GitLabTokenSecrecyTests
{
    [Fact]
    public async Task InspectAsync_EveryPath_NeverExposesTheToken()
    {
        using var gitlab = new GitLabInspectorFixture(new FakeGitLabServerOptions(), o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        using var legacy = new GitLabInspectorFixture(new FakeGitLabServerOptions { SupportsPersonalAccessTokensSelf = false });
        gitlab.Server.AddProject(new FakeGitLabProject { PathWithNamespace = "secret/config" });
        var tokens = new List<FakeGitLabToken>
        {
            FakeGitLabToken.Personal("api").WithProject("secret/config", FakeGitLabAccessLevel.Owner),
            FakeGitLabToken.Personal("read_repository"),
            FakeGitLabToken.ProjectBot(1, "read_api"),
            FakeGitLabToken.GroupBot(2, "api"),
            FakeGitLabToken.FineGrainedPersonal(new FakeGitLabGranularScope { Access = "all_memberships", Permissions = ["download_code"] }),
            Configure(FakeGitLabToken.Personal("api"), t => t.Revoked = true),
            Configure(FakeGitLabToken.Personal("api"), t => t.ExpiresAt = new DateOnly(2020, 1, 1)),
            Configure(FakeGitLabToken.Personal("api"), t => t.RateLimitRetryAfter = TimeSpan.FromMinutes(5)),
            Configure(FakeGitLabToken.Personal("api"), t => t.ServerErrorStatus = 502),
            Configure(FakeGitLabToken.Personal("api"), t => t.Delay = TimeSpan.FromSeconds(1)),
            Configure(FakeGitLabToken.Personal("api"), t => t.MalformedJson = true),
        };
        var texts = new List<string>();

        foreach (var token in tokens)
        {
            var inspection = await gitlab.InspectAsync(token, [new("secret/config"), new("other/project", RepositoryAccess.Read)]);
            Collect(texts, inspection);
            texts.Add(gitlab.Credential(token).ToString());
            texts.AddRange(gitlab.Server.Requests.Select(r => r.ToString()));
            texts.Add(token.ToString());
        }

        var legacyToken = FakeGitLabToken.Personal("read_api");
        Collect(texts, await legacy.InspectAsync(legacyToken));
        var unreachable = new GitCredential(GitProvider.GitLab, FakeGitLabToken.Personal().Value, apiUrl: new Uri("http://127.0.0.1:1/api/v4/"));
        Collect(texts, await gitlab.Inspector.InspectAsync(new TokenInspectionRequest(unreachable)));

        var cancelled = Configure(FakeGitLabToken.Personal("api"), t => t.Delay = TimeSpan.FromSeconds(5));
        gitlab.Server.AddToken(cancelled);
        using (var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            var exception = await Record.ExceptionAsync(() => gitlab.Inspector.InspectAsync(new TokenInspectionRequest(gitlab.Credential(cancelled)), cancellation.Token));
            exception.Should().BeAssignableTo<OperationCanceledException>();
            texts.Add(exception!.ToString());
        }

        var logs = gitlab.Logs.GetSnapshot().Concat(legacy.Logs.GetSnapshot()).ToArray();
        logs.Should().Contain(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Trace, "trace level is on and used");
        texts.AddRange(logs.Select(r => r.Message));
        texts.AddRange(logs.SelectMany(r => r.StructuredState ?? []).Select(kv => $"{kv.Key}={kv.Value}"));
        texts.AddRange(logs.Select(r => r.Exception?.ToString() ?? string.Empty));

        foreach (var secret in tokens.Append(legacyToken).Append(cancelled).Select(t => t.Value).Append(unreachable.Token))
        {
            var slice = secret.Substring(6, 12);
            texts.Should().NotContain(t => t.Contains(secret, StringComparison.Ordinal));
            texts.Should().NotContain(t => t.Contains(slice, StringComparison.Ordinal), "not even a slice of the token");
        }

        logs.Should().Contain(r => r.Message.Contains("sha256:", StringComparison.Ordinal), "logs identify tokens by fingerprint");
        logs.Where(r => r.Category?.StartsWith("GitTokenScopes.GitLab", StringComparison.Ordinal) == true).Select(r => r.Id.Id)
            .Should().NotBeEmpty().And.OnlyContain(id => id >= 90 && id <= 99, "the inspectors' event ids");
    }

    private static void Collect(List<string> texts, TokenInspection inspection)
    {
        texts.Add(inspection.ToString());
        texts.Add(inspection.Message ?? string.Empty);
        texts.AddRange(inspection.Notes);
        texts.AddRange(inspection.Repositories.Select(r => r.ToString()));
        texts.Add(JsonSerializer.Serialize(inspection.Repositories));
        texts.Add(inspection.Granted?.ToString() ?? string.Empty);
        texts.Add(inspection.Account?.ToString() ?? string.Empty);
    }

    private static FakeGitLabToken Configure(FakeGitLabToken token, Action<FakeGitLabToken> configure)
    {
        configure(token);
        return token;
    }
}

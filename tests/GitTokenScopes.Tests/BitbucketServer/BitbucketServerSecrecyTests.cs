// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using GitTokenScopes.Testing;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>A token is a secret: across every inspection path, it appears in no log (trace level), message, note, result or ToString.</summary>
public sealed class BitbucketServerSecrecyTests
{
    [Fact]
    public async Task InspectAsync_EveryPath_NeverExposesTheToken()
    {
        using var readable = new BitbucketServerInspectorFixture(new FakeBitbucketServerOptions { ContextPath = "/bitbucket" }, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        using var probing = new BitbucketServerInspectorFixture(new FakeBitbucketServerOptions { AccessTokenMetadataReadable = false }, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        var tokens = new List<FakeBitbucketServerToken>
        {
            FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN").WithRepository("CF/config", "REPO_ADMIN"),
            FakeBitbucketServerToken.Project("CF", "PROJECT_WRITE"),
            FakeBitbucketServerToken.Repository("CF", "config", "REPO_READ"),
            Configure(FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ"), t => t.Revoked = true),
            Configure(FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ"), t => t.RateLimited = true),
            Configure(FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ"), t => t.ServerErrorStatus = 503),
            Configure(FakeBitbucketServerToken.Personal("codefresh-bot", "REPO_READ"), t => t.Delay = TimeSpan.FromSeconds(1)),
            Configure(FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_WRITE").WithRepository("CF/config"), t => t.AnswerWriteProbesWithSuccess = true),
        };
        var texts = new List<string>();

        foreach (var fixture in new[] { readable, probing })
        {
            foreach (var token in tokens)
            {
                var inspection = await fixture.InspectAsync(token, [new("CF/config"), new("OTHER/secret", RepositoryAccess.Read)]);
                texts.Add(inspection.ToString());
                texts.Add(inspection.Message ?? string.Empty);
                texts.AddRange(inspection.Notes);
                texts.AddRange(inspection.Repositories.Select(r => r.ToString()));
                texts.Add(JsonSerializer.Serialize(inspection.Repositories));
                texts.Add(fixture.Credential(token).ToString());
                texts.AddRange(fixture.Server.Requests.Select(r => r.ToString()));
                texts.Add(token.ToString());
            }
        }

        var unreachable = new GitCredential(GitProvider.BitbucketServer, FakeBitbucketServerToken.Personal("x").Value, serverUrl: new Uri("http://127.0.0.1:1/"));
        texts.Add((await readable.Inspector.InspectAsync(new TokenInspectionRequest(unreachable))).ToString());

        var logs = readable.Logs.GetSnapshot().Concat(probing.Logs.GetSnapshot()).ToArray();
        logs.Should().Contain(r => r.Level == LogLevel.Trace, "trace logging is on");
        texts.AddRange(logs.Select(r => r.Message));
        texts.AddRange(logs.SelectMany(r => r.StructuredState ?? []).Select(kv => $"{kv.Key}={kv.Value}"));
        texts.AddRange(logs.Select(r => r.Exception?.ToString() ?? string.Empty));

        foreach (var secret in tokens.Select(t => t.Value).Append(unreachable.Token))
        {
            var slice = secret.Substring(5, 16);
            texts.Should().NotContain(t => t.Contains(secret, StringComparison.Ordinal));
            texts.Should().NotContain(t => t.Contains(slice, StringComparison.Ordinal), "not even a slice of the token");
        }

        logs.Should().Contain(r => r.Message.Contains("sha256:", StringComparison.Ordinal), "logs identify tokens by fingerprint");
        logs.Where(r => r.Category?.StartsWith("GitTokenScopes.BitbucketServer", StringComparison.Ordinal) == true).Select(r => r.Id.Id)
            .Should().NotBeEmpty().And.OnlyContain(id => id >= 90 && id <= 99, "the inspectors' event ids; the resilience pipeline logs under Polly's category");
    }

    private static FakeBitbucketServerToken Configure(FakeBitbucketServerToken token, Action<FakeBitbucketServerToken> configure)
    {
        configure(token);
        return token;
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>A credential is a secret: across every inspection path, it appears in no log (trace level), message, note, result or ToString.</summary>
public sealed class BitbucketCloudSecrecyTests
{
    [Fact]
    public async Task InspectAsync_EveryPath_NeverExposesTheSecret()
    {
        using var bitbucket = new BitbucketCloudInspectorFixture(new FakeBitbucketCloudServerOptions(), o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        bitbucket.Server.AddRepository(new FakeBitbucketCloudRepository { FullName = "ws/config" });
        var credentials = new List<FakeBitbucketCloudCredential>
        {
            FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account", "repository:write").WithRepository("ws/config"),
            FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "team"),
            FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket", "read:repository:bitbucket").WithRepository("ws/config"),
            FakeBitbucketCloudCredential.RepositoryAccessToken("repository").WithRepository("ws/config"),
            FakeBitbucketCloudCredential.OAuth("account", "repository").WithRepository("ws/config"),
            Configure(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"), c => c.Revoked = true),
            Configure(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"), c => c.RateLimited = true),
            Configure(FakeBitbucketCloudCredential.OAuth("account"), c => c.ServerErrorStatus = 502),
            Configure(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"), c => c.Delay = TimeSpan.FromSeconds(1)),
            Configure(FakeBitbucketCloudCredential.AppPassword("codefresh-bot", "account"), c => c.MalformedBodies = true),
        };
        var texts = new List<string>();

        foreach (var credential in credentials)
        {
            var inspection = await bitbucket.InspectAsync(credential, [new("ws/config")]);
            texts.Add(inspection.ToString());
            texts.Add(inspection.Message ?? string.Empty);
            texts.AddRange(inspection.Notes);
            texts.AddRange(inspection.Repositories.Select(r => r.ToString()));
            texts.Add(JsonSerializer.Serialize(inspection.Repositories));
            texts.Add(inspection.Granted?.ToString() ?? string.Empty);
            texts.Add(bitbucket.Credential(credential).ToString());
            texts.AddRange(bitbucket.Server.Requests.Select(r => r.ToString()));
            texts.Add(credential.ToString());
        }

        var unreachable = new GitCredential(GitProvider.BitbucketCloud, FakeBitbucketCloudCredential.AppPassword("x").Secret, apiUrl: new Uri("http://127.0.0.1:1/2.0/"), username: "codefresh-bot");
        texts.Add((await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(unreachable))).ToString());

        var logs = bitbucket.Logs.GetSnapshot();
        logs.Should().Contain(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Trace, "trace logging is on");
        texts.AddRange(logs.Select(r => r.Message));
        texts.AddRange(logs.SelectMany(r => r.StructuredState ?? []).Select(kv => $"{kv.Key}={kv.Value}"));
        texts.AddRange(logs.Select(r => r.Exception?.ToString() ?? string.Empty));

        foreach (var secret in credentials.Select(c => c.Secret).Append(unreachable.Token))
        {
            var slice = secret.Substring(4, 12);
            texts.Should().NotContain(t => t.Contains(secret, StringComparison.Ordinal));
            texts.Should().NotContain(t => t.Contains(slice, StringComparison.Ordinal), "not even a slice of the secret");
            var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("codefresh-bot:" + secret));
            texts.Should().NotContain(t => t.Contains(basic, StringComparison.Ordinal), "nor the Basic credential");
        }

        logs.Should().Contain(r => r.Message.Contains("sha256:", StringComparison.Ordinal), "logs identify credentials by fingerprint");
        logs.Where(r => r.Category?.StartsWith("GitTokenScopes.BitbucketCloud", StringComparison.Ordinal) == true).Select(r => r.Id.Id)
            .Should().NotBeEmpty().And.OnlyContain(id => id >= 90 && id <= 99, "the inspectors' event ids; the resilience pipeline logs under Polly's category");
    }

    private static FakeBitbucketCloudCredential Configure(FakeBitbucketCloudCredential credential, Action<FakeBitbucketCloudCredential> configure)
    {
        configure(credential);
        return credential;
    }
}

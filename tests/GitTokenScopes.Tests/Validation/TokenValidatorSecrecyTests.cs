// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Text;
using GitTokenScopes.Testing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitTokenScopes.Tests.Validation;

/// <summary>Runs every validation path at trace level and searches everything the library emits for the tokens.</summary>
public sealed class TokenValidatorSecrecyTests
{
    [Fact]
    public async Task EveryPath_NeverExposesTheToken()
    {
        var distributed = new RecordingDistributedCache();
        var throwing = new FakeTokenInspector(GitProvider.BitbucketServer)
            .Answer(request => throw new InvalidOperationException($"host inspector bug with {request.Credential.Token}"));
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GitTokenScopesDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var harness = new ValidationHarness(
            o => o.Validation.User.SkipGitPermissionValidation = false,
            services =>
            {
                services.AddSingleton<IDistributedCache>(distributed);
                services.AddSingleton<ITokenInspector>(throwing);
            });
        harness.Server.AddRepository(new FakeGitHubRepository { FullName = "acme/config" });

        var passing = FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository("acme/config", new FakeGitHubGrant { Role = "write" });
        var missing = FakeGitHubToken.Classic("repo");
        var revoked = FakeGitHubToken.Classic("repo");
        revoked.Revoked = true;
        var limited = FakeGitHubToken.Classic("repo");
        limited.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(5) };
        var broken = FakeGitHubToken.Classic("repo");
        broken.ServerErrorStatus = 500;
        var fineGrained = FakeGitHubToken.FineGrained().WithRepository("acme/config", FakeGitHubGrant.WithPermissions(("contents", "read")));
        var expiring = FakeGitHubToken.Classic("repo", "admin:repo_hook", "delete_repo");
        expiring.ExpiresAt = DateTimeOffset.UtcNow.AddDays(1);
        var unknown = "ghp_" + new string('u', 36);
        var unreachable = "ghp_" + new string('z', 36);
        var bitbucket = "BBDC-" + new string('b', 40);
        var config = new[] { new RepositoryRequest("acme/config") };

        var reports = new List<TokenValidationReport>
        {
            await harness.ValidateAsync(passing, repositories: config),
            await harness.ValidateAsync(passing, repositories: config),
            await harness.ValidateAsync(missing),
            await harness.ValidateAsync(revoked),
            await harness.ValidateAsync(limited),
            await harness.ValidateAsync(broken),
            await harness.ValidateAsync(fineGrained, TokenKind.User, repositories: config),
            await harness.ValidateAsync(fineGrained, TokenKind.User),
            await harness.ValidateAsync(expiring),
            await harness.ValidateAsync(missing, skipValidation: true),
            await harness.ValidateAsync(missing, TokenKind.User, skipPermissions: true, repositories: config),
            await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitHub, unknown, apiUrl: harness.Server.ApiUrl), TokenKind.Runtime)),
            await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitHub, unreachable, apiUrl: new Uri("http://127.0.0.1:9/")), TokenKind.Runtime)),
            await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.BitbucketServer, bitbucket, serverUrl: new Uri("https://bitbucket.example.com")), TokenKind.User)),
        };
        reports.AddRange(await harness.Validator.ValidateForRuntimesAsync(new TokenValidationRequest(harness.Credential(missing), TokenKind.User), ["dev", "prod"]));
        await harness.Validator.InvalidateAsync(harness.Credential(passing));

        var exceptions = new List<string>();
        try
        {
            await harness.Validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitLab, "glpat-" + new string('g', 20)), TokenKind.User));
        }
        catch (InvalidOperationException exception)
        {
            exceptions.Add(exception.ToString());
        }

        var inUrl = "glpat-" + new string('q', 20);
        try
        {
            _ = new GitCredential(GitProvider.GitLab, inUrl, serverUrl: new Uri($"https://oauth2:{inUrl}@gitlab.example.com/"));
        }
        catch (ArgumentException exception)
        {
            exceptions.Add(exception.ToString());
        }

        var health = new ServiceCollection();
        health.AddLogging();
        health.AddSingleton(harness.Validator);
        health.AddHealthChecks().AddGitTokenScopesCheck("token", _ => new TokenValidationRequest(harness.Credential(missing), TokenKind.Runtime));
        await using var healthServices = health.BuildServiceProvider();
        var healthReport = await healthServices.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        // Listeners are global: other tests' activities keep stopping while this one reads, so read a snapshot.
        Activity[] stopped;
        lock (activities)
        {
            stopped = [.. activities];
        }

        var texts = new List<string>();
        texts.AddRange(reports.Select(r => r.ToString()));
        texts.AddRange(reports.Select(r => r.ToJson(indented: true)));
        texts.AddRange(harness.Logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception} {string.Join(",", r.StructuredState?.Select(kv => kv.Value) ?? [])}"));
        texts.AddRange(exceptions);
        texts.AddRange(distributed.Writes.Select(w => w.Key + " " + Encoding.UTF8.GetString(w.Value)));
        texts.AddRange(stopped.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")));
        texts.AddRange(healthReport.Entries.Values.Select(e => e.Description + string.Join(",", e.Data.Values)));

        reports.Select(r => r.Verdict).Distinct().Should().HaveCount(4, "the test covers every verdict");
        distributed.Writes.Should().NotBeEmpty("the second tier was written to, so its keys and payloads were searched");
        stopped.Should().NotBeEmpty();
        exceptions.Should().HaveCount(2);
        texts.Should().Contain(t => t.Contains("sha256:", StringComparison.Ordinal), "tokens are identified by fingerprint");

        var secrets = new[] { passing, missing, revoked, limited, broken, fineGrained, expiring }.Select(t => t.Value).Concat([unknown, unreachable, bitbucket, inUrl]);
        foreach (var secret in secrets)
        {
            texts.Should().NotContain(t => t.Contains(secret, StringComparison.Ordinal), "the token must never leave the credential");
            foreach (var offset in new[] { 4, secret.Length / 2 - 6, secret.Length - 12 })
            {
                var slice = secret.Substring(offset, 12);
                texts.Should().NotContain(t => t.Contains(slice, StringComparison.Ordinal), "not even a slice of it");
            }
        }
    }
}

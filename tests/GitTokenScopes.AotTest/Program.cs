// Licensed under the MIT License. See LICENSE in the repository root.

// The Native AOT check: .ci/aot-check publishes this program with PublishAot=true (no trim or AOT warning allowed), then
// runs it. It wires the library as a host does (configuration binding, every provider, HybridCache with a distributed
// tier, a health check) and checks that what the analysis cannot see still works compiled ahead of time: binding,
// options validation, JSON, the cache's serializer, HTTP. Exit code 0 when every check held.
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GitTokenScopes;
using GitTokenScopes.BitbucketCloud;
using GitTokenScopes.BitbucketServer;
using GitTokenScopes.GitHub;
using GitTokenScopes.GitLab;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var failures = new List<string>();
void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

// A hang is a failure too: every call below gets this token.
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = deadline.Token;

// Port 9 (discard) on loopback: nothing listens there, so every provider must answer "unreachable", never throw.
const string Nowhere = "http://127.0.0.1:9/";
var settings = new Dictionary<string, string?>
{
    ["GitTokenScopes:Edition"] = ScopeEditions.SeedName,
    ["GitTokenScopes:Validation:CacheEnabled"] = "true",
    ["GitTokenScopes:Validation:FailCacheDuration"] = "00:05:00",
    ["GitTokenScopes:Resilience:MaxRetryAttempts"] = "1",
    ["GitTokenScopes:Resilience:RetryBaseDelay"] = "00:00:00.010",
    ["GitTokenScopes:Overrides:0:Provider"] = "github",
    ["GitTokenScopes:Overrides:0:Kind"] = "runtime",
    ["GitTokenScopes:Overrides:0:TokenFamily"] = "classic",
    ["GitTokenScopes:Overrides:0:Runtime"] = "aot",
    ["GitTokenScopes:Overrides:0:Clauses:0:Label"] = "aot-repo",
    ["GitTokenScopes:Overrides:0:Clauses:0:AnyOf:0"] = "repo",
    ["GitTokenScopes:GitHub:UserAgentProduct"] = "GitTokenScopes-AotTest",
    ["GitTokenScopes:GitLab:MaxConcurrentRequests"] = "4",
    ["GitTokenScopes:BitbucketCloud:RequestTimeout"] = "00:00:20",
    ["GitTokenScopes:BitbucketServer:ReadTokenMetadata"] = "false",
};

var distributed = new CountingDistributedCache();
await using var first = Build(settings, distributed);
await using var second = Build(settings, distributed);

// 1. Configuration binding (the source generator) and options validation at start.
try
{
    first.GetService<IStartupValidator>()?.Validate();
    var core = first.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value;
    Check(core.Resilience.MaxRetryAttempts == 1 && core.Validation.FailCacheDuration == TimeSpan.FromMinutes(5), "core options bound from configuration");
    var requirement = first.GetRequiredService<IScopeRequirements>().GetRequirement(new ScopeRequirementKey(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic), "aot");
    Check(requirement.AppliedOverrides.Contains("GitTokenScopes:Overrides:0") && requirement.Clauses.Count == 1, "an override bound from configuration applies");
    Check(first.GetRequiredService<IOptions<GitHubInspectorOptions>>().Value.UserAgentProduct == "GitTokenScopes-AotTest", "GitHub options bound");
    Check(first.GetRequiredService<IOptions<GitLabInspectorOptions>>().Value.MaxConcurrentRequests == 4, "GitLab options bound");
    Check(first.GetRequiredService<IOptions<BitbucketCloudInspectorOptions>>().Value.RequestTimeout == TimeSpan.FromSeconds(20), "Bitbucket Cloud options bound");
    Check(!first.GetRequiredService<IOptions<BitbucketServerInspectorOptions>>().Value.ReadTokenMetadata, "Bitbucket Server options bound");
}
catch (Exception exception)
{
    Check(false, $"options: {exception.GetType().Name}: {exception.Message}");
}

// An unknown key is a clear error, not a silently ignored setting.
try
{
    await using var wrong = Build(new Dictionary<string, string?>(settings) { ["GitTokenScopes:Validation:CacheEnabld"] = "false" }, new CountingDistributedCache());
    _ = wrong.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value;
    Check(false, "an unknown configuration key is rejected");
}
catch (InvalidOperationException exception)
{
    Check(exception.Message.Contains("CacheEnabld", StringComparison.Ordinal), "an unknown configuration key is rejected, by name");
}

// 2. Every provider against an address where nothing listens: indeterminate, unreachable, through the cache.
GitCredential[] credentials =
[
    new(GitProvider.GitHub, "ghp_aotcheckaotcheckaotcheckaotcheck0000", apiUrl: new Uri(Nowhere)),
    new(GitProvider.GitLab, "glpat-aotcheckaotcheck00", apiUrl: new Uri(Nowhere + "api/v4/")),
    new(GitProvider.BitbucketCloud, "aot-check-app-password", apiUrl: new Uri(Nowhere + "2.0/"), username: "aot-bot"),
    new(GitProvider.BitbucketServer, "aot-check-http-access-token", serverUrl: new Uri(Nowhere), username: "aot-bot"),
];
var firstValidator = first.GetRequiredService<ITokenValidator>();
var secondValidator = second.GetRequiredService<ITokenValidator>();
foreach (var credential in credentials)
{
    var name = credential.Provider.ToString();
    try
    {
        var writesBefore = distributed.Writes;
        var report = await firstValidator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime), ct);
        Check(report.Verdict == ValidationVerdict.Indeterminate && report.Status == InspectionStatus.Unreachable,
            $"{name}: unreachable address is indeterminate/unreachable (got {report.Verdict}/{report.Status})");
        Check(report.Provider == credential.Provider && report.TokenFingerprint == credential.Fingerprint, $"{name}: report names the provider and the fingerprint");

        // JSON: the source-generated contract, both ways, and no token in it.
        var json = report.ToJson();
        var back = TokenValidationReport.FromJson(json);
        Check(back.ToJson() == json && back.Verdict == report.Verdict && back.Status == report.Status && back.CheckedAt == report.CheckedAt,
            $"{name}: ToJson/FromJson round trip");
        Check(TokenValidationReport.FromJson(report.ToJson(indented: true)).ToJson() == json, $"{name}: indented JSON reads back");
        Check(!json.Contains(credential.Token, StringComparison.Ordinal) && !report.ToString().Contains(credential.Token, StringComparison.Ordinal), $"{name}: the token is not in the report");

        // The cache: a new request object on this instance is a local hit; the other instance reads the distributed tier
        // (HybridCache's serializer, compiled ahead of time); an invalidation makes this instance inspect again.
        Check(distributed.Writes > writesBefore, $"{name}: the inspection was written to the distributed tier");
        var again = await firstValidator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime), ct);
        Check(again.CheckedAt == report.CheckedAt, $"{name}: second validation is a cache hit");
        var readsBefore = distributed.Hits;
        var other = await secondValidator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime), ct);
        Check(distributed.Hits > readsBefore && other.CheckedAt == report.CheckedAt && other.ToJson() == json,
            $"{name}: another instance reads the same inspection from the distributed tier");
        await firstValidator.InvalidateAsync(credential, ct);
        var fresh = await firstValidator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime), ct);
        Check(fresh.CheckedAt > report.CheckedAt && fresh.Status == InspectionStatus.Unreachable, $"{name}: after InvalidateAsync the token is inspected again");

        var perRuntime = await firstValidator.ValidateForRuntimesAsync(new TokenValidationRequest(credential, TokenKind.User), [null], ct);
        Check(perRuntime.Count == 1 && perRuntime[0].Verdict == ValidationVerdict.Indeterminate, $"{name}: ValidateForRuntimesAsync");
        var skipped = await firstValidator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime) { SkipValidation = true }, ct);
        Check(skipped.Verdict == ValidationVerdict.Skipped, $"{name}: a skipped validation");
    }
    catch (Exception exception)
    {
        Check(false, $"{name}: threw {exception.GetType().Name}: {exception.Message}");
    }
}

// 3. A passing GitHub classic token against a loopback GitHub (the full HTTP and parsing path, Octokit included).
try
{
    using var github = new LoopbackGitHub();
    var token = new GitCredential(GitProvider.GitHub, "ghp_aotpassaotpassaotpassaotpassaotpass00", apiUrl: github.Address);
    var report = await firstValidator.ValidateAsync(new TokenValidationRequest(token, TokenKind.Runtime), ct);
    Check(report.Verdict == ValidationVerdict.Pass && report.Status == InspectionStatus.Ok && report.GrantedScopes.Contains("repo"),
        $"GitHub: a classic token with repo and admin:repo_hook passes (got {report.Verdict}/{report.Status}: {report.Message})");
    Check(github.Requests > 0, "GitHub: the loopback server was asked");
    Check(TokenValidationReport.FromJson(report.ToJson()).ToJson() == report.ToJson(), "GitHub: a passing report's JSON round trip");
}
catch (Exception exception)
{
    Check(false, $"GitHub pass: threw {exception.GetType().Name}: {exception.Message}");
}

// 4. The health check.
try
{
    var health = await first.GetRequiredService<HealthCheckService>().CheckHealthAsync(ct);
    Check(health.Entries.TryGetValue("aot", out var entry) && entry.Status == HealthStatus.Degraded, "health check: an unreachable provider is degraded");
}
catch (Exception exception)
{
    Check(false, $"health check: threw {exception.GetType().Name}: {exception.Message}");
}

Console.WriteLine(failures.Count == 0 ? "AOT test passed." : $"AOT test failed: {failures.Count} check(s).");
return failures.Count == 0 ? 0 : 1;

static ServiceProvider Build(Dictionary<string, string?> settings, IDistributedCache distributed)
{
    var section = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("GitTokenScopes");
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton(distributed);
    services.AddGitTokenScopes(section)
        .AddGitHub(section.GetSection("GitHub"))
        .AddGitLab(section.GetSection("GitLab"))
        .AddBitbucketCloud(section.GetSection("BitbucketCloud"))
        .AddBitbucketServer(section.GetSection("BitbucketServer"));
    services.AddHealthChecks().AddGitTokenScopesCheck("aot", _ => new TokenValidationRequest(
        new GitCredential(GitProvider.GitLab, "glpat-aothealthaothealth0", apiUrl: new Uri("http://127.0.0.1:9/api/v4/")), TokenKind.Runtime));
    return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}

/// <summary>A distributed tier in memory that counts writes and hits, shared by two service providers.</summary>
internal sealed class CountingDistributedCache : IDistributedCache
{
    private readonly ConcurrentDictionary<string, byte[]> _entries = new();
    private int _writes;
    private int _hits;

    public int Writes => Volatile.Read(ref _writes);

    public int Hits => Volatile.Read(ref _hits);

    public byte[]? Get(string key)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            Interlocked.Increment(ref _hits);
            return value;
        }

        return null;
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        Interlocked.Increment(ref _writes);
        _entries[key] = value;
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => _entries.TryRemove(key, out _);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Just enough of GitHub on 127.0.0.1 for a classic token: <c>GET /user</c> with <c>X-OAuth-Scopes</c>; everything else
/// is 404. Plain sockets, so that nothing but the library's own HTTP path is under test.
/// </summary>
internal sealed class LoopbackGitHub : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public LoopbackGitHub()
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Address { get; }

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            Interlocked.Increment(ref _requests);
            var requestLine = head.ToString().Split("\r\n")[0];
            var isUser = requestLine.StartsWith("GET /user ", StringComparison.Ordinal);
            var body = isUser
                ? """{"login":"aot-bot","id":1,"node_id":"U_aot","type":"User","site_admin":false,"name":"AOT Bot","html_url":"https://github.com/aot-bot"}"""
                : """{"message":"Not Found"}""";
            var answer = new StringBuilder()
                .Append(isUser ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n")
                .Append("Content-Type: application/json; charset=utf-8\r\n")
                .Append(isUser ? "X-OAuth-Scopes: repo, admin:repo_hook\r\n" : string.Empty)
                .Append("X-Accepted-OAuth-Scopes: \r\n")
                .Append("X-RateLimit-Limit: 5000\r\nX-RateLimit-Remaining: 4999\r\nX-RateLimit-Reset: 4102444800\r\nX-RateLimit-Used: 1\r\nX-RateLimit-Resource: core\r\n")
                .Append(CultureInvariant($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n"))
                .Append("Connection: close\r\n\r\n")
                .Append(body);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer.ToString()), _stop.Token);
        }
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}

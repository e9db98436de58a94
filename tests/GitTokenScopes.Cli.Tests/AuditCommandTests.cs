// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Tests.Support;
using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;

namespace GitTokenScopes.Cli.Tests;

public sealed class AuditCommandTests(FakeProviders fakes) : IClassFixture<FakeProviders>
{
    [Fact]
    public async Task YamlManifest_Table_SummarizesEveryReportAndExitsWithTheWorstVerdict()
    {
        var (env, _) = ThreeTokens();
        using var manifest = new TempFile("tokens.yaml", $"""
            # Committed with the runtime's configuration: it names variables, never tokens.
            tokens:
              - name: platform runtime
                provider: github
                apiUrl: {fakes.GitHub.ApiUrl}
                kind: runtime
                runtimes: [production, staging]
                repositories:
                  - {FakeProviders.ConfigRepository}
                tokenEnv: RUNTIME_TOKEN
              - name: jane
                provider: github
                apiUrl: "{fakes.GitHub.ApiUrl}"
                kind: user
                tokenEnv: JANE_TOKEN
              - provider: gitlab
                server: {fakes.GitLab.Url}
                kind: runtime
                runtime: production
                tokenEnv: GITLAB_RUNTIME_TOKEN
            """);

        var run = await CliRun.RunAsync(env, null, "audit", "--manifest", manifest.Path);

        run.ExitCode.Should().Be(1, run.Stderr + run.Stdout);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should()
            .Contain("platform runtime").And.Contain("staging").And.Contain("jane").And.Contain("missing repo")
            .And.Contain("gitlab runtime (production)").And.Contain("rate-limited")
            .And.Contain("audit: 4 reports: 2 pass, 1 fail, 1 indeterminate, 0 skipped");
        ShouldNotLeak(run, env);
    }

    [Fact]
    public async Task JsonManifest_JsonFormat_PrintsOneReportPerLineInManifestOrder()
    {
        var (env, tokens) = ThreeTokens();
        using var manifest = new TempFile("tokens.json", $$"""
            {
              "tokens": [
                { "provider": "github", "apiUrl": "{{fakes.GitHub.ApiUrl}}", "kind": "runtime", "runtimes": ["production", "staging"], "tokenEnv": "RUNTIME_TOKEN" },
                { "provider": "github", "apiUrl": "{{fakes.GitHub.ApiUrl}}", "kind": "user", "tokenEnv": "JANE_TOKEN" },
                { "provider": "gitlab", "server": "{{fakes.GitLab.Url}}", "kind": "runtime", "tokenEnv": "GITLAB_RUNTIME_TOKEN" }
              ]
            }
            """);

        var run = await CliRun.RunAsync(env, null, "audit", "--manifest", manifest.Path, "--format", "json", "--parallelism", "2");

        run.ExitCode.Should().Be(1);
        var lines = run.Stdout.TrimEnd().Split(Environment.NewLine);
        var reports = lines.Select(TokenValidationReport.FromJson).ToArray();
        reports.Select(r => CliRun.Relaxed(r.ToJson())).Should().Equal(lines, "each line is exactly a report's JSON, relaxed-escaped");
        lines.Should().OnlyContain(l => ShippedReportSchema.Violations(l).Count == 0, "each report validates against the package's JSON Schema");
        reports.Select(r => (r.TokenFingerprint, r.Runtime, r.Verdict)).Should().Equal(
            (tokens[0], "production", ValidationVerdict.Pass),
            (tokens[0], "staging", ValidationVerdict.Pass),
            (tokens[1], null, ValidationVerdict.Fail),
            (tokens[2], null, ValidationVerdict.Indeterminate));
        run.Stderr.Trim().Should().Be("audit: 4 reports: 2 pass, 1 fail, 1 indeterminate, 0 skipped");
        ShouldNotLeak(run, env);
    }

    [Fact]
    public async Task OnlyIndeterminate_ExitsTwo_AndAllPassing_ExitsZero()
    {
        var (env, _) = ThreeTokens();
        using var indeterminate = new TempFile("a.yaml", $$"""
            tokens:
              - {{Entry("github", "runtime", "RUNTIME_TOKEN")}}
              - { provider: gitlab, server: "{{fakes.GitLab.Url}}", kind: runtime, tokenEnv: GITLAB_RUNTIME_TOKEN }
            """);
        using var passing = new TempFile("b.yaml", $"""
            tokens:
              - {Entry("github", "runtime", "RUNTIME_TOKEN")}
            """);

        var two = await CliRun.RunAsync(env, null, "audit", "--manifest", indeterminate.Path, "--format", "json");
        var zero = await CliRun.RunAsync(env, null, "audit", "--manifest", passing.Path, "--format", "json");

        two.ExitCode.Should().Be(2, two.Stderr);
        zero.ExitCode.Should().Be(0, zero.Stderr);
    }

    [Fact]
    public async Task Parallelism_BoundsHowManyTokensAreValidatedAtOnce()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var token = FakeGitLabToken.Personal("read_api", "read_repository");
            token.Delay = TimeSpan.FromMilliseconds(300);
            fakes.GitLab.AddToken(token);
            env[$"SLOW_{i}"] = token.Value;
            entries.Add($"  - {{ provider: gitlab, server: \"{fakes.GitLab.Url}\", kind: runtime, tokenEnv: SLOW_{i} }}");
        }

        using var manifest = new TempFile("slow.yaml", "tokens:\n" + string.Join("\n", entries));

        // The GitLab inspector asks two things at once per token, so one token at a time peaks at two requests.
        fakes.GitLab.ResetRequests();
        var one = await CliRun.RunAsync(env, null, "audit", "--manifest", manifest.Path, "--parallelism", "1", "--format", "json");
        var onePeak = fakes.GitLab.PeakConcurrentRequests;
        fakes.GitLab.ResetRequests();
        var four = await CliRun.RunAsync(env, null, "audit", "--manifest", manifest.Path, "--parallelism", "4", "--format", "json");
        var fourPeak = fakes.GitLab.PeakConcurrentRequests;

        one.ExitCode.Should().Be(0, one.Stderr);
        four.ExitCode.Should().Be(0, four.Stderr);
        onePeak.Should().BeLessThanOrEqualTo(2);
        fourPeak.Should().BeGreaterThan(2);
    }

    [Theory]
    [InlineData("tokens:\n  - { provider: github, kind: runtime, tokenEnv: NOT_SET }", "tokens[0]: the environment variable NOT_SET is not set")]
    [InlineData("tokens:\n  - { name: ci, provider: github, kind: runtime }", "tokens[0] (ci): tokenEnv is required")]
    [InlineData("tokens:\n  - { provider: githab, kind: runtime, tokenEnv: RUNTIME_TOKEN }", "provider 'githab' is not one of")]
    [InlineData("tokens:\n  - { provider: github, kind: robot, tokenEnv: RUNTIME_TOKEN }", "kind 'robot' is not one of")]
    [InlineData("tokens:\n  - { provider: github, kind: runtime, tokenEnvv: RUNTIME_TOKEN }", "tokenEnvv")]
    [InlineData("tokens:\n  - { provider: github, kind: runtime, tokenEnv: RUNTIME_TOKEN, server: 'http://github.example.com' }", "tokens[0]: server: 'http://github.example.com' uses plain HTTP")]
    [InlineData("tokens:\n  - { provider: github, kind: runtime, tokenEnv: RUNTIME_TOKEN, repositories: [config] }", "tokens[0]: repositories: 'config' is not a repository name")]
    [InlineData("tokens: []", "lists no tokens")]
    [InlineData("tokens: [ { provider: github", "is not valid YAML")]
    public async Task BadManifest_IsAUsageErrorNamingTheEntry(string content, string expected)
    {
        var (env, _) = ThreeTokens();
        using var manifest = new TempFile("bad.yaml", content);

        var run = await CliRun.RunAsync(env, null, "audit", "--manifest", manifest.Path);

        run.ExitCode.Should().Be(64, run.Stdout);
        run.Stdout.Should().BeEmpty();
        var lines = run.Stderr.TrimEnd().Split(Environment.NewLine);
        lines.Should().HaveCount(2, run.Stderr);
        lines[0].Should().StartWith("error: --manifest: ").And.Contain(expected);
        ShouldNotLeak(run, env);
    }

    [Fact]
    public async Task ManifestWithSeveralErrors_ReportsEveryOneWithItsEntry_AndAsksNoProvider()
    {
        var (env, _) = ThreeTokens();
        using var manifest = new TempFile("bad.yaml", $$"""
            version: 2
            tokens:
              - {{Entry("github", "runtime", "RUNTIME_TOKEN")}}
              - { name: ci, provider: githab, kind: robot, tokenEnv: RUNTIME_TOKEN }
              - { provider: github, kind: runtime, tokenEnvv: RUNTIME_TOKEN, repositories: [config] }
              - { provider: gitlab, kind: user, tokenEnv: NOT_SET, server: 'http://gitlab.example.com' }
              - { name: empty }
              - just a string
            """);
        fakes.GitHub.ResetRequests();

        var run = await CliRun.RunAsync(env, null, "audit", "--manifest", manifest.Path);

        run.ExitCode.Should().Be(64, run.Stdout);
        run.Stdout.Should().BeEmpty();
        var lines = run.Stderr.TrimEnd().Split(Environment.NewLine);
        lines.Should().Equal(
            "error: --manifest: unknown key 'version' at the top level; the manifest holds only 'tokens'.",
            "error: --manifest: tokens[1] (ci): provider 'githab' is not one of github, gitlab, bitbucket-cloud, bitbucket-server.",
            "error: --manifest: tokens[1] (ci): kind 'robot' is not one of runtime, user.",
            "error: --manifest: tokens[2]: unknown key 'tokenEnvv'; expected name, provider, server, apiUrl, kind, runtime, runtimes, repositories, tokenEnv, username, usernameEnv.",
            "error: --manifest: tokens[2]: repositories: 'config' is not a repository name of the form owner/repo, optionally followed by :read or :write.",
            "error: --manifest: tokens[3]: the environment variable NOT_SET is not set.",
            "error: --manifest: tokens[3]: server: 'http://gitlab.example.com' uses plain HTTP; use https:// (http:// is accepted only for loopback hosts).",
            "error: --manifest: tokens[4] (empty): provider is required (one of github, gitlab, bitbucket-cloud, bitbucket-server).",
            "error: --manifest: tokens[4] (empty): kind is required (one of runtime, user).",
            "error: --manifest: tokens[4] (empty): tokenEnv is required (the name of the environment variable that holds the token; never the token).",
            "error: --manifest: tokens[5]: expected a mapping with provider, kind and tokenEnv.",
            "Try 'audit --help' for usage.");
        fakes.GitHub.Requests.Should().BeEmpty("no provider is asked while the manifest has errors");
        ShouldNotLeak(run, env);
    }

    [Theory]
    [InlineData("--parallelism", "0")]
    [InlineData("--manifest", "/nonexistent/tokens.yaml")]
    public async Task BadOption_IsAUsageError(string option, string value)
    {
        using var manifest = new TempFile("tokens.yaml", $"tokens:\n  - {Entry("github", "runtime", "RUNTIME_TOKEN")}");
        string[] args = option == "--manifest" ? ["audit", option, value] : ["audit", "--manifest", manifest.Path, option, value];

        var run = await CliRun.RunAsync(ThreeTokens().Env, null, args);

        run.ExitCode.Should().Be(64);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("error: ").And.Contain(option);
    }

    [Fact]
    public async Task MissingManifestOption_IsAUsageError()
    {
        var run = await CliRun.RunAsync(ThreeTokens().Env, null, "audit");

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().Contain("--manifest");
    }

    /// <summary>A passing Runtime token, a User token missing repo, and a rate-limited GitLab token; their fingerprints.</summary>
    private (Dictionary<string, string> Env, string[] Fingerprints) ThreeTokens()
    {
        var runtime = fakes.GoodRuntimeToken();
        var jane = fakes.GitHub.AddToken(FakeGitHubToken.Classic("public_repo"));
        var limited = FakeGitLabToken.Personal("read_api", "read_repository");
        limited.RateLimitRetryAfter = TimeSpan.FromMinutes(30);
        fakes.GitLab.AddToken(limited);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RUNTIME_TOKEN"] = runtime.Value,
            ["JANE_TOKEN"] = jane.Value,
            ["GITLAB_RUNTIME_TOKEN"] = limited.Value,
        };
        return (env, [runtime.Fingerprint, jane.Fingerprint, limited.Fingerprint]);
    }

    private string Entry(string provider, string kind, string tokenEnv)
        => $"{{ provider: {provider}, apiUrl: \"{fakes.GitHub.ApiUrl}\", kind: {kind}, tokenEnv: {tokenEnv} }}";

    private static void ShouldNotLeak(CliRun run, Dictionary<string, string> env)
        => SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], env.Values);
}

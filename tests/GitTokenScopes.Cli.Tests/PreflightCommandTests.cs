// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Commands;
using GitTokenScopes.Cli.Tests.Support;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Cli.Tests;

public sealed class PreflightCommandTests(FakeProviders fakes) : IClassFixture<FakeProviders>
{
    [Fact]
    public async Task LiteralPassword_ValidatesTheRuntimeTokenForTheValuesRuntime()
    {
        var token = fakes.GoodRuntimeToken();
        using var values = Values(name: "production", password: $"value: {token.Value}");

        var run = await Preflight(values, [], null);

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        run.Stdout.Should()
            .Contain("Values: runtime production · installer.skipValidation=(unset)")
            .And.Contain("password.value (plain text in the values file; prefer a secretKeyRef)")
            .And.Contain("PASS  github runtime token · github-classic · runtime production");
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token.Value]);
    }

    [Fact]
    public async Task LiteralPassword_Json_PrintsOnlyTheReportAndWarnsOnStandardError()
    {
        var token = fakes.GitHub.AddToken(FakeGitHubToken.Classic("repo"));
        using var values = Values(name: "production", password: $"value: \"{token.Value}\"");

        var run = await Preflight(values, [], null, "--format", "json");

        run.ExitCode.Should().Be(1);
        var report = run.ReadReport();
        report.TokenKind.Should().Be(TokenKind.Runtime);
        report.Runtime.Should().Be("production");
        report.MissingScopes.Should().Equal("admin:repo_hook");
        run.Stderr.Trim().Should().Be(PreflightCommand.PlainTextWarning);
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token.Value]);
    }

    [Fact]
    public async Task SecretKeyRef_WithoutTokenEnv_SaysItCannotBeResolvedOffline()
    {
        using var values = Values(password: "secretKeyRef: { name: git-runtime-token, key: token }");

        var run = await Preflight(values, [], null);

        run.ExitCode.Should().Be(64);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("error: global.runtime.gitCredentials.password.secretKeyRef points at secret 'git-runtime-token' key 'token', which cannot be read offline")
            .And.Contain("--token-env");
    }

    [Fact]
    public async Task SecretKeyRef_WithTokenEnv_ValidatesThatToken()
    {
        var token = fakes.GoodRuntimeToken();
        using var values = Values(name: "staging", password: "secretKeyRef:\n          name: git-runtime-token\n          key: token");

        var run = await Preflight(values, new() { ["RUNTIME_GIT_TOKEN"] = token.Value }, null, "--token-env", "RUNTIME_GIT_TOKEN", "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        var report = run.ReadReport();
        report.TokenFingerprint.Should().Be(token.Fingerprint);
        report.Runtime.Should().Be("staging");
    }

    [Fact]
    public async Task TokenStdin_OverridesTheLiteralPassword()
    {
        var good = fakes.GoodRuntimeToken();
        var stale = fakes.GitHub.AddToken(FakeGitHubToken.Classic("read:org"));
        using var values = Values(password: $"value: {stale.Value}");

        var run = await Preflight(values, [], good.Value, "--token-stdin", "--runtime", "dev", "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var report = run.ReadReport();
        report.TokenFingerprint.Should().Be(good.Fingerprint);
        report.Runtime.Should().Be("dev", "--runtime wins over global.runtime.name");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"true\"")]
    [InlineData("yes")] // Helm's YAML booleans, as Helm reads them
    [InlineData("Yes")]
    [InlineData("ON")]
    [InlineData("y")]
    [InlineData("TRUE")]
    [InlineData("\"on\"")]
    public async Task InstallerSkipValidation_IsHonouredWithoutAskingTheProvider(string flag)
    {
        var unknown = "ghp_" + new string('p', 36);
        using var values = Values(password: $"value: {unknown}", extra: $"installer:\n  skipValidation: {flag}\n");

        var run = await Preflight(values, [], null, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.ReadReport().Verdict.Should().Be(ValidationVerdict.Skipped);
        fakes.GitHub.Requests.Should().NotContain(r => r.TokenFingerprint == GitCredential.FingerprintOf(unknown));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("Off")]
    [InlineData("N")]
    [InlineData("False")]
    public async Task InstallerSkipValidation_HelmsFalseBooleans_StillValidate(string flag)
    {
        var unknown = "ghp_" + new string('o', 36);
        using var values = Values(password: $"value: {unknown}", extra: $"installer:\n  skipValidation: {flag}\n");

        var run = await Preflight(values, [], null, "--format", "json");

        run.ExitCode.Should().Be(1, run.Stderr);
        run.ReadReport().Status.Should().Be(InspectionStatus.Invalid);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("Yes", true)]
    [InlineData("off", false)]
    [InlineData("n", false)]
    public async Task SkipGitPermissionValidation_AcceptsHelmsYamlBooleans(string flag, bool skipped)
    {
        var token = fakes.GoodRuntimeToken();
        using var values = Values(password: $"value: {token.Value}", extra: $"app-proxy:\n  config:\n    skipGitPermissionValidation: {flag}\n");

        var run = await Preflight(values, [], null);

        // The library reads only true or false: a yes/on reaching it unchanged would end the run with an exception.
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().Contain($"app-proxy.config.skipGitPermissionValidation={flag}");
        if (skipped)
        {
            run.Stdout.Should().Contain("skipGitPermissionValidation: user tokens' scopes will not be checked");
        }
        else
        {
            run.Stdout.Should().NotContain("user tokens' scopes will not be checked");
        }

        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token.Value]);
    }

    [Fact]
    public async Task InstallerSkipValidationFalse_StillValidates()
    {
        var unknown = "ghp_" + new string('f', 36);
        using var values = Values(password: $"value: {unknown}", extra: "installer:\n  skipValidation: false\n");

        var run = await Preflight(values, [], null, "--format", "json");

        run.ExitCode.Should().Be(1);
        run.ReadReport().Status.Should().Be(InspectionStatus.Invalid);
    }

    [Fact]
    public async Task SkipGitPermissionValidation_IsShownWithWhatStillMustHold()
    {
        var token = fakes.GoodRuntimeToken();
        using var values = Values(password: $"value: {token.Value}", extra: "app-proxy:\n  config:\n    skipGitPermissionValidation: \"true\"\n");

        var run = await Preflight(values, [], null);

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("app-proxy.config.skipGitPermissionValidation=true").And.Contain("Shared Configuration Repository");
    }

    [Theory]
    [InlineData("installer:\n  skipValidation: maybe\n", "installer.skipValidation must be true or false (or yes/no, on/off, y/n, as Helm reads YAML); found 'maybe'")]
    [InlineData("installer:\n  skipValidation: yess\n", "installer.skipValidation must be true or false")]
    [InlineData("app-proxy:\n  config:\n    skipGitPermissionValidation: enabled\n", "app-proxy.config.skipGitPermissionValidation must be true or false")]
    [InlineData("app-proxy:\n  config:\n    skipGitPermissionValidation: 1\n", "skipGitPermissionValidation must be true or false")]
    public async Task BadFlag_IsAUsageError(string extra, string expected)
    {
        using var values = Values(password: "value: ghp_" + new string('b', 36), extra: extra);

        var run = await Preflight(values, [], null);

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().Contain(expected);
    }

    [Fact]
    public async Task NoCredentials_IsAUsageError()
    {
        using var values = new TempFile("values.yaml", "global:\n  runtime:\n    name: production\n");

        var run = await Preflight(values, [], null);

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().Contain("has no Git credentials");
    }

    [Fact]
    public async Task MissingFile_IsAUsageError()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, "preflight", "--values", "/nonexistent/values.yaml", "--provider", "github");

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().StartWith("error: --values: cannot read '/nonexistent/values.yaml'");
    }

    private Task<CliRun> Preflight(TempFile values, Dictionary<string, string> env, string? stdin, params string[] more)
        => CliRun.RunAsync(env, stdin, ["preflight", "--values", values.Path, "--provider", "github", "--api-url", fakes.GitHub.ApiUrl.AbsoluteUri, .. more]);

    /// <summary>A values file shaped like the gitops-runtime chart's.</summary>
    private static TempFile Values(string? name = null, string password = "value:", string extra = "")
        => new("values.yaml", $"""
            global:
              codefresh:
                accountId: "abc123"
              runtime:
                name: {name ?? string.Empty}
                gitCredentials:
                  username: "username"
                  password:
                    {password}
            {extra}
            """);
}

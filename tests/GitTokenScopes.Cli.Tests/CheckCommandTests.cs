// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Tests.Support;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Cli.Tests;

public sealed class CheckCommandTests(FakeProviders fakes) : IClassFixture<FakeProviders>
{
    private string GitHubApi => fakes.GitHub.ApiUrl.AbsoluteUri;

    [Fact]
    public async Task GoodRuntimeToken_FromTheDefaultVariable_PassesWithExitCodeZero()
    {
        var token = fakes.GoodRuntimeToken();

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", GitHubApi, "--repository", FakeProviders.ConfigRepository);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().StartWith("PASS  github runtime token · github-classic")
            .And.Contain("Repository acme/gitops-config (needs read-write): granted")
            .And.Contain(token.Fingerprint);
        ShouldNotLeak(run, token.Value);
    }

    [Fact]
    public async Task MissingScope_JsonFormat_PrintsExactlyTheReportAndExitsOne()
    {
        var token = fakes.GitHub.AddToken(FakeGitHubToken.Classic("repo"));

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", GitHubApi, "--format", "json");

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().BeEmpty();
        var report = run.ReadReport();
        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.MissingScopes.Should().Equal("admin:repo_hook");
        report.Remediation!.CreateTokenUrl!.Query.Should().Contain("scopes=repo,admin:repo_hook");
        ShouldNotLeak(run, token.Value);
    }

    [Fact]
    public async Task RateLimited_IsIndeterminateWithExitCodeTwo()
    {
        var token = FakeGitHubToken.Classic("repo", "admin:repo_hook");
        token.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(5) };
        fakes.GitHub.AddToken(token);

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", GitHubApi, "--format", "json");

        run.ExitCode.Should().Be(2);
        var report = run.ReadReport();
        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.Status.Should().Be(InspectionStatus.RateLimited);
        ShouldNotLeak(run, token.Value);
    }

    [Fact]
    public async Task SkipValidation_IsSkippedWithExitCodeZeroAndNoProviderCall()
    {
        var unknown = "ghp_" + new string('s', 36);
        var before = fakes.GitHub.Requests.Count(r => r.TokenFingerprint == GitCredential.FingerprintOf(unknown));

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", unknown)), null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", GitHubApi, "--skip-validation", "--format", "json");

        run.ExitCode.Should().Be(0);
        run.ReadReport().Verdict.Should().Be(ValidationVerdict.Skipped);
        fakes.GitHub.Requests.Count(r => r.TokenFingerprint == GitCredential.FingerprintOf(unknown)).Should().Be(before);
        ShouldNotLeak(run, unknown);
    }

    [Fact]
    public async Task SkipPermissionValidation_UserTokenWithoutTheScope_IsNotFailed()
    {
        var token = fakes.GitHub.AddToken(FakeGitHubToken.Classic("read:org"));

        var checkedRun = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null,
            "check", "--provider", "github", "--kind", "user", "--api-url", GitHubApi, "--format", "json");
        var skippedRun = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null,
            "check", "--provider", "github", "--kind", "user", "--api-url", GitHubApi, "--format", "json", "--skip-permission-validation");

        checkedRun.ExitCode.Should().Be(1);
        skippedRun.ExitCode.Should().Be(0, skippedRun.Stdout);
        skippedRun.ReadReport().Warnings.Select(w => w.Code).Should().Contain(ValidationWarningCode.PermissionValidationSkipped);
    }

    [Fact]
    public async Task TokenFromStandardInput_IsUsed()
    {
        var token = fakes.GoodRuntimeToken();

        var run = await CliRun.RunAsync(Env(), token.Value + "\n",
            "check", "--provider", "github", "--kind", "runtime", "--api-url", GitHubApi, "--token-stdin", "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.ReadReport().TokenFingerprint.Should().Be(token.Fingerprint);
        ShouldNotLeak(run, token.Value);
    }

    [Fact]
    public async Task TokenEnv_NamesAnotherVariable()
    {
        var token = fakes.GoodRuntimeToken();
        var decoy = fakes.GitHub.AddToken(FakeGitHubToken.Classic("read:org"));

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", decoy.Value), ("RUNTIME_GIT_TOKEN", token.Value)), null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", GitHubApi, "--token-env", "RUNTIME_GIT_TOKEN", "--format", "json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.ReadReport().TokenFingerprint.Should().Be(token.Fingerprint);
    }

    [Fact]
    public async Task RepositoryWithReadSuffix_NeedsReadOnly()
    {
        var token = fakes.GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository(FakeProviders.ConfigRepository, new FakeGitHubGrant { Role = "read" }));
        string[] args = ["check", "--provider", "github", "--kind", "user", "--api-url", GitHubApi, "--format", "json", "--repository"];

        var readWrite = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null, [.. args, FakeProviders.ConfigRepository]);
        var read = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null, [.. args, FakeProviders.ConfigRepository + ":read"]);

        readWrite.ExitCode.Should().Be(1);
        readWrite.ReadReport().Repositories.Single().Should().Match<RepositoryAccessResult>(r => r.Needed == RepositoryAccess.ReadWrite && r.State == RepositoryAccessState.Insufficient);
        read.ExitCode.Should().Be(0, read.Stdout);
        read.ReadReport().Repositories.Single().Should().Match<RepositoryAccessResult>(r => r.Needed == RepositoryAccess.Read && r.State == RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task RuntimeAndEdition_AreThoseOfTheReport()
    {
        var token = fakes.GoodRuntimeToken();

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null,
            "check", "--provider", "github", "--kind", "runtime", "--api-url", GitHubApi, "--runtime", "staging", "--edition", "codefresh-docs-2026-05", "--format", "json");

        var report = run.ReadReport();
        report.Runtime.Should().Be("staging");
        report.Edition.Should().Be("codefresh-docs-2026-05");
    }

    [Fact]
    public async Task GitLab_ServerUrl_ExpiredTokenFails()
    {
        var token = FakeGitLabToken.Personal("read_api", "read_repository");
        token.ExpiresAt = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        fakes.GitLab.AddToken(token);

        var run = await CliRun.RunAsync(Env(("GITLAB_TOKEN", token.Value)), null,
            "check", "--provider", "gitlab", "--kind", "runtime", "--server", fakes.GitLab.Url.AbsoluteUri, "--format", "json");

        run.ExitCode.Should().Be(1);
        var report = run.ReadReport();
        report.Status.Should().Be(InspectionStatus.Expired);
        report.ApiUrl!.AbsoluteUri.Should().Be(fakes.GitLab.ApiUrl.AbsoluteUri, "the API base is derived from --server");
        ShouldNotLeak(run, token.Value);
    }

    [Fact]
    public async Task BitbucketAppPassword_TakesTheUserNameFromItsDefaultVariable()
    {
        var password = fakes.Bitbucket.AddCredential(FakeBitbucketCloudCredential
            .AppPassword("acme-bot", "account", "team", "webhook", "repository:write", "repository:admin")
            .WithRepository(FakeProviders.ConfigRepository, "admin"));

        var run = await CliRun.RunAsync(Env(("BITBUCKET_TOKEN", password.Secret), ("BITBUCKET_USERNAME", password.Username!)), null,
            "check", "--provider", "bitbucket-cloud", "--kind", "runtime", "--api-url", fakes.Bitbucket.ApiUrl.AbsoluteUri,
            "--repository", FakeProviders.ConfigRepository, "--format", "json");

        run.ExitCode.Should().Be(0, run.Stdout);
        var report = run.ReadReport();
        report.TokenType.Should().Be(TokenType.BitbucketAppPassword);
        report.Warnings.Select(w => w.Code).Should().Contain(ValidationWarningCode.AppPasswordRetiring);
        ShouldNotLeak(run, password.Secret);
    }

    [Fact]
    public async Task BitbucketAppPassword_UsernameOption_IsUsed_AndAWrongOneFails()
    {
        var password = fakes.Bitbucket.AddCredential(FakeBitbucketCloudCredential.AppPassword("acme-bot", "account", "team", "webhook", "repository:write", "repository:admin"));
        string[] args = ["check", "--provider", "bitbucket-cloud", "--kind", "runtime", "--api-url", fakes.Bitbucket.ApiUrl.AbsoluteUri, "--format", "json"];

        var right = await CliRun.RunAsync(Env(("BITBUCKET_TOKEN", password.Secret)), null, [.. args, "--username", "acme-bot"]);
        var wrong = await CliRun.RunAsync(Env(("BITBUCKET_TOKEN", password.Secret), ("CI_BB_USER", "someone-else")), null, [.. args, "--username-env", "CI_BB_USER"]);

        right.ExitCode.Should().Be(0, right.Stdout);
        wrong.ExitCode.Should().Be(1, wrong.Stdout);
        wrong.ReadReport().Status.Should().Be(InspectionStatus.Invalid);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN is not set")]
    public async Task NoToken_IsAUsageErrorNamingTheVariable(string expected)
    {
        var run = await CliRun.RunAsync(Env(), null, "check", "--provider", "github", "--kind", "runtime", "--api-url", GitHubApi);

        ShouldBeUsageError(run, expected);
    }

    [Theory]
    [InlineData("--server", "http://github.example.com", "plain HTTP")]
    [InlineData("--api-url", "http://10.0.0.5/api/v3", "plain HTTP")]
    [InlineData("--server", "github.example.com", "not an absolute http(s) URL")]
    [InlineData("--api-url", "ftp://127.0.0.1/", "not an absolute http(s) URL")]
    [InlineData("--repository", "gitops-config", "not a repository name")]
    [InlineData("--username-env", "NOT_SET", "NOT_SET is not set")]
    public async Task BadValue_IsAUsageErrorWithOneLine(string option, string value, string expected)
    {
        var token = "ghp_" + new string('q', 36);

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token)), null, "check", "--provider", "github", "--kind", "runtime", option, value);

        ShouldBeUsageError(run, expected);
        ShouldNotLeak(run, token);
    }

    [Fact]
    public async Task HttpToLoopback_IsAccepted()
    {
        var token = fakes.GoodRuntimeToken();

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", token.Value)), null, "check", "--provider", "github", "--kind", "runtime", "--api-url", $"http://localhost:{fakes.GitHub.ApiUrl.Port}/");

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
    }

    [Fact]
    public async Task TokenEnvAndTokenStdinTogether_IsAUsageError()
    {
        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", "ghp_" + new string('x', 36))), "ghp_" + new string('y', 36),
            "check", "--provider", "github", "--kind", "runtime", "--token-env", "GITHUB_TOKEN", "--token-stdin");

        ShouldBeUsageError(run, "cannot be used together");
    }

    [Fact]
    public async Task EmptyStandardInput_IsAUsageError()
    {
        var run = await CliRun.RunAsync(Env(), "\n", "check", "--provider", "github", "--kind", "runtime", "--token-stdin");

        ShouldBeUsageError(run, "standard input is empty");
    }

    [Theory]
    [InlineData("--provider", "githab")]
    [InlineData("--kind", "robot")]
    [InlineData("--format", "xml")]
    [InlineData("--edition", "nope")]
    public async Task UnknownValue_IsAUsageError(string option, string value)
    {
        string[] args = ["check", "--provider", "github", "--kind", "runtime"];
        var index = Array.IndexOf(args, option);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args = [.. args, option, value];
        }

        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", "ghp_" + new string('x', 36))), null, args);

        ShouldBeUsageError(run, $"'{value}'");
    }

    [Fact]
    public async Task MissingKind_IsAUsageError()
    {
        var run = await CliRun.RunAsync(Env(("GITHUB_TOKEN", "ghp_" + new string('x', 36))), null, "check", "--provider", "github");

        run.ExitCode.Should().Be(64);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("--kind");
    }

    [Theory]
    [InlineData("--token")]
    [InlineData("--token=")]
    [InlineData("")]
    public async Task TokenAsAnArgument_IsRefusedAndNeverEchoed(string option)
    {
        var token = "ghp_" + new string('a', 36);
        string[] args = ["check", "--provider", "github", "--kind", "runtime"];
        args = option switch
        {
            "--token" => [.. args, "--token", token],
            "--token=" => [.. args, "--token=" + token],
            _ => [.. args, token],
        };

        var run = await CliRun.RunAsync(Env(), null, args);

        run.ExitCode.Should().Be(64);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("--token-env").And.Contain("<redacted>");
        ShouldNotLeak(run, token);
    }

    private static Dictionary<string, string> Env(params (string Name, string Value)[] variables)
        => variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    private static void ShouldBeUsageError(CliRun run, string expected)
    {
        run.ExitCode.Should().Be(64, run.Stderr + run.Stdout);
        run.Stdout.Should().BeEmpty();
        var lines = run.Stderr.TrimEnd().Split(Environment.NewLine);
        lines.Should().HaveCount(2, "one line for the error and one for the hint, in: {0}", run.Stderr);
        lines[0].Should().StartWith("error: ").And.Contain(expected);
        lines[1].Should().Contain("--help");
    }

    private static void ShouldNotLeak(CliRun run, string token) => SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token]);
}

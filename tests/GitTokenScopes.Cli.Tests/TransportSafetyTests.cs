// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

/// <summary>Issue 15, items 5 and 6: a token that could inject a header is a usage error; a token typed as a name is never echoed.</summary>
public sealed class TransportSafetyTests
{
    [Theory]
    [InlineData("glpat-abcdefghij0123456789\r\nX-Injected: 1")]
    [InlineData("glpat-abcdefg hij0123456789")]
    [InlineData("glpat-abcdéfghij0123456789")]
    public async Task TokenThatCouldInjectAHeader_IsAUsageError_ThatNeverQuotesIt(string token)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["GITLAB_TOKEN"] = token }, null,
            "check", "--provider", "gitlab", "--kind", "runtime", "--api-url", "http://127.0.0.1:9/api/v4/");

        run.ExitCode.Should().Be(64, run.Stderr);
        run.Stderr.Should().StartWith("error: the token: The token must be printable ASCII");
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token]);
        run.Stderr.Should().NotContain("glpat").And.NotContain("X-Injected");
    }

    [Theory]
    [InlineData("ghp_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("glpat-Zx81kQ2mWp9sLt4vRb7n")]
    [InlineData("9fK2mQ7xLp3ZrT8vWc1NhY5d")]
    public async Task TokenGivenWhereAVariableNameBelongs_IsRedacted(string token)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, "check", "--provider", "github", "--kind", "runtime", "--token-env", token);

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().Contain("the environment variable <redacted> is not set");
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token]);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN_2024_PROD")]
    [InlineData("RUNTIME_GIT_TOKEN")]
    public async Task VariableName_IsStillNamed(string name)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, "check", "--provider", "github", "--kind", "runtime", "--token-env", name);

        run.Stderr.Should().Contain($"the environment variable {name} is not set");
    }

    [Fact]
    public async Task ManifestNamingATokenAsItsVariable_IsRedacted()
    {
        var token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        using var manifest = new TempFile("manifest.json", $$"""{"tokens":[{"provider":"github","kind":"runtime","tokenEnv":"{{token}}"}]}""");

        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, "audit", "--manifest", manifest.Path);

        run.ExitCode.Should().Be(64, run.Stderr);
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token]);
    }
}

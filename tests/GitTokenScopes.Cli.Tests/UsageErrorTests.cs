// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("githab", "catalogue", "--provider", "githab")]
    [InlineData("robot", "catalogue", "--kind", "robot")]
    [InlineData("nope", "catalogue", "--edition", "nope")]
    [InlineData("xml", "catalogue", "--format", "xml")]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("extra", "catalogue", "extra")]
    [InlineData("--verbose", "demo", "--verbose")]
    public async Task RunAsync_BadArgument_ExitsWithUsageCodeAndOneLineNamingIt(string badValue, params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.Should().Be(64);
        run.Stdout.Should().BeEmpty();
        var lines = run.Stderr.TrimEnd().Split(Environment.NewLine);
        lines.Should().HaveCount(2, "one line for the error and one for the hint, in: {0}", run.Stderr);
        lines[0].Should().StartWith("error: ").And.Contain($"'{badValue}'");
        lines[1].Should().Contain("--help");
    }

    [Fact]
    public async Task RunAsync_UnknownProvider_NamesTheOptionAndEveryAllowedValue()
    {
        var run = await CliRun.RunAsync("catalogue", "--provider", "githab");

        run.Stderr.Should().Contain("--provider");
        foreach (var provider in WireNames.ProviderNames)
        {
            run.Stderr.Should().Contain($"'{provider}'");
        }

        run.Stderr.Should().Contain("Try 'catalogue --help'");
    }

    [Fact]
    public async Task RunAsync_TwoBadValues_ReportsBoth()
    {
        var run = await CliRun.RunAsync("catalogue", "--provider", "githab", "--kind", "robot");

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().Contain("'githab'").And.Contain("'robot'");
    }

    [Fact]
    public async Task RunAsync_OptionWithoutValue_ExitsWithUsageCode()
    {
        var run = await CliRun.RunAsync("catalogue", "--edition");

        run.ExitCode.Should().Be(64);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("--edition");
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_PointsAtTheRootHelp()
    {
        var run = await CliRun.RunAsync("frobnicate");

        run.Stderr.Should().Contain("Try '--help'");
    }
}

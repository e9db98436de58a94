// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task RunAsync_Help_ExitsZeroAndListsTheCommands()
    {
        var run = await CliRun.RunAsync("--help");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().Contain("catalogue").And.Contain("demo").And.Contain("check").And.Contain("audit").And.Contain("preflight");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("preflight")]
    public async Task ValidatingCommand_Help_OffersNoWayToPassTheTokenAsAnArgument(string command)
    {
        var run = await CliRun.RunAsync(command, "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--token-env").And.Contain("--token-stdin");
        var options = run.Stdout.Split(Environment.NewLine).Select(l => l.TrimStart()).Where(l => l.StartsWith("--", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]);
        options.Should().NotContain(o => o == "--token" || o == "--password");
    }

    [Fact]
    public async Task Catalogue_Help_ExitsZeroAndListsEveryAllowedValue()
    {
        var run = await CliRun.RunAsync("catalogue", "--help");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        var allowed = WireNames.ProviderNames
            .Concat(WireNames.TokenKindNames)
            .Concat(ScopeEditions.All.Select(e => e.Name))
            .Concat(["table", "json"]);
        foreach (var value in allowed)
        {
            run.Stdout.Should().Contain(value);
        }

        run.Stdout.Should().Contain("[default: seed]").And.Contain("[default: table]");
    }

    [Fact]
    public async Task Catalogue_HelpWithABadValue_StillShowsHelp()
    {
        var run = await CliRun.RunAsync("catalogue", "--provider", "githab", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--provider");
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Commands;
using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_NoOptions_SaysItIsAPlaceholderThenPrintsTheCatalogue()
    {
        var run = await CliRun.RunAsync("demo");
        var catalogue = await CliRun.RunAsync("catalogue");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().StartWith(DemoCommand.PlaceholderNote + Environment.NewLine);
        DemoCommand.PlaceholderNote.Should().Contain("inspectors");
        run.Stdout.Should().EndWith(catalogue.Stdout);
    }

    [Fact]
    public async Task RunAsync_NoArguments_RunsTheDemo()
    {
        var run = await CliRun.RunAsync();
        var demo = await CliRun.RunAsync("demo");

        run.ExitCode.Should().Be(0);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().NotBeEmpty().And.Be(demo.Stdout);
    }
}

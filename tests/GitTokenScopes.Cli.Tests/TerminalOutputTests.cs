// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

/// <summary>
/// Spectre.Console detects colour support from the environment, not from the writer, so these tests pretend to run in
/// a true-colour terminal: a captured writer must still get plain text.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class TerminalOutputTests
{
    private static readonly Dictionary<string, string?> ColourTerminal = new(StringComparer.Ordinal)
    {
        ["TERM"] = "xterm-256color",
        ["COLORTERM"] = "truecolor",
        ["NO_COLOR"] = null,
    };

    [Theory]
    [InlineData("catalogue", "github · runtime · classic")]
    [InlineData("demo", "PASS  github runtime token")]
    public async Task RunAsync_CapturedTableInAColourTerminal_WritesNoAnsiEscapes(string command, string expected)
    {
        CliRun run;
        using (new EnvironmentVariableScope(ColourTerminal))
        {
            run = await CliRun.RunAsync(command);
        }

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain(expected).And.NotContain("\u001b");
    }

    [Fact]
    public async Task RunAsync_CapturedTable_UsesTheNonTerminalWidth()
    {
        CliRun run;
        using (new EnvironmentVariableScope(ColourTerminal))
        {
            run = await CliRun.RunAsync("catalogue");
        }

        // Spectre.Console falls back to 80 columns for a writer it cannot measure; the catalogue's purposes need more.
        var widths = run.Stdout.Split(Environment.NewLine).Select(l => l.Length).ToArray();
        widths.Max().Should().BeGreaterThan(80).And.BeLessThanOrEqualTo(CliConsole.NonTerminalWidth);
    }

    [Fact]
    public async Task RunAsync_Captured_PrintsEachCreationLinkOnceWholeOnItsOwnLine()
    {
        var run = await CliRun.RunAsync("demo");

        var lines = run.Stdout.Split(Environment.NewLine);
        var links = lines.Select(l => l.Trim()).Where(l => l.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).ToArray();
        links.Should().NotBeEmpty().And.OnlyHaveUniqueItems("each link is printed once")
            .And.Contain(l => l.Length > CliConsole.NonTerminalWidth, "a link longer than the table width is not cut");
        links.Should().OnlyContain(l => !l.Contains(' ', StringComparison.Ordinal) && l.Contains("settings/", StringComparison.Ordinal), "each line is a whole creation link");
        foreach (var link in links)
        {
            run.Stdout.Split(link).Length.Should().Be(2, $"{link} appears exactly once");
        }

        lines.Should().Contain(l => l.Contains("• Create a replacement token with the required scopes from the link below, then update it where the runtime uses it.", StringComparison.Ordinal),
            "a step is one line, however long");
    }

    [Fact]
    public async Task RunAsync_FixList_NamesAClauseLabelledWithItsScopeOnce()
    {
        var run = await CliRun.RunAsync("demo");

        run.Stdout.Should().Contain("• Missing repo: ").And.NotContain("Missing repo (repo)");
    }
}

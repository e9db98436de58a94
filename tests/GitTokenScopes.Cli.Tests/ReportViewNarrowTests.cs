// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Tests.Support;

namespace GitTokenScopes.Cli.Tests;

/// <summary>A report's clause table at 80 columns: every scope name whole on one line, nothing wider than the terminal.</summary>
public sealed class ReportViewNarrowTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void FineGrainedFindings_AtNarrowWidths_KeepEveryScopeNameWhole(int width)
    {
        var report = new TokenValidationReport
        {
            Verdict = ValidationVerdict.Fail,
            Provider = GitProvider.GitHub,
            TokenKind = TokenKind.Runtime,
            TokenFingerprint = "sha256:0123456789ab",
            Findings =
            [
                Finding("Repository access: All repositories or Only select repositories", ClauseState.Satisfied, "repository_selection=selected", "repository_selection=all", "repository_selection=selected"),
                Finding("Administration: Read and write", ClauseState.Missing, null, "administration=write"),
                Finding("Webhook: Read and write", ClauseState.Unknown, null, "repository_hooks=write"),
                Finding("read_api", ClauseState.Satisfied, "api", "read_api"),
            ],
        };
        var lines = PlainConsole.Render(width, console => ReportView.Write(console, report)).Split(Environment.NewLine);
        lines.Where(l => l.StartsWith('│') || l.StartsWith('╭')).Should().OnlyContain(l => l.Length <= width);
        foreach (var scope in report.Findings.SelectMany(f => f.Scopes))
        {
            lines.Should().Contain(l => l.Contains(scope, StringComparison.Ordinal), $"{scope} is printed whole at {width} columns");
        }

        lines.Should().Contain(l => l.Contains("held (via api)", StringComparison.Ordinal), "a clause held through a broader scope says which");
    }

    private static ClauseFinding Finding(string label, ClauseState state, string? satisfiedBy, params string[] scopes)
        => new() { Label = label, State = state, Scopes = scopes, Purpose = "Argo CD clones the Git repositories, pulls changes and syncs them", SatisfiedBy = satisfiedBy };
}

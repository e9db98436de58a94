// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using FluentAssertions.Execution;

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>Compares requirements read back from the CLI's JSON with the library's own objects.</summary>
internal static class RequirementAssertions
{
    /// <summary>Asserts that <paramref name="actual"/> reproduces <paramref name="expected"/> in order, field by field.</summary>
    public static void ShouldMatch(IReadOnlyList<JsonRequirement> actual, IReadOnlyList<ScopeRequirement> expected)
    {
        actual.Select(r => r.Key).Should().Equal(expected.Select(r => r.Key.ToString()));
        for (var i = 0; i < expected.Count; i++)
        {
            ShouldMatch(actual[i], expected[i]);
        }
    }

    public static void ShouldMatch(JsonRequirement actual, ScopeRequirement expected)
    {
        using var scope = new AssertionScope(expected.Key.ToString());
        actual.Provider.Should().Be(expected.Key.Provider.ToWireName());
        actual.TokenKind.Should().Be(expected.Key.Kind.ToWireName());
        actual.TokenType.Should().Be(expected.Key.Family.ToWireName());
        actual.Edition.Should().Be(expected.Edition);
        actual.Notes.Should().Be(expected.Notes);
        actual.Source.Document.Should().Be(expected.Source.Document);
        actual.Source.Date.Should().Be(expected.Source.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        actual.Source.Url.Should().Be(expected.Source.Url?.AbsoluteUri);
        actual.Source.Note.Should().Be(expected.Source.Note);

        actual.Clauses.Select(c => c.Label).Should().Equal(expected.Clauses.Select(c => c.Label));
        for (var i = 0; i < Math.Min(actual.Clauses.Count, expected.Clauses.Count); i++)
        {
            actual.Clauses[i].AnyOf.Should().Equal(expected.Clauses[i].AnyOf, "clause {0} ('{1}') lists its scopes in order", i, expected.Clauses[i].Label);
            actual.Clauses[i].Purpose.Should().Be(expected.Clauses[i].Purpose);
        }
    }
}

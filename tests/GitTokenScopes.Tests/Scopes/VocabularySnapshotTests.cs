// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.Tests.Snapshots;

namespace GitTokenScopes.Tests.Scopes;

/// <summary>
/// Every built-in scope language read whole: its description, every scope it knows, what each implies directly and in
/// closure, and how it judges the shape and case of scopes it does not know. The expected text is committed
/// (<c>vocabularies.snapshot.txt</c>); a provider fact changes only with a reviewed diff of that file.
/// </summary>
public sealed class VocabularySnapshotTests
{
    // Written as a user or a provider might: other case, padding, the wrong separator, another provider's spelling.
    private static readonly string[] ShapeProbes =
    [
        "", " ", "repo", " Repo ", "REPO_WRITE", "repo:status", "a:b:c", "9repo", "repo-x", "read:user:bitbucket",
        "read:ssh-key:bitbucket", "read:repository", "contents=read", "contents=write", "contents=admin", "contents=none",
        "=read", "=admin", "repository_selection=all", "repository_selection=none", "read_api", "api:scope.v1-x", "push_code",
        "PROJECT_ADMIN", "project_admin", "REPO__READ", "_REPO", "x=admin", "x=write", "x=read", "x=",
    ];

    [Fact]
    public void BuiltInVocabularies_ReadWhole_AreThePublishedFacts()
    {
        var text = new StringBuilder();
        foreach (var vocabulary in ScopeVocabulary.All)
        {
            text.AppendLine($"# {vocabulary} ({vocabulary.Provider}, {vocabulary.Family})");
            text.AppendLine(vocabulary.Description);
            text.AppendLine($"families of {vocabulary.Provider}: {string.Join(", ", ScopeVocabulary.FamiliesOf(vocabulary.Provider))}");
            foreach (var scope in vocabulary.KnownScopes)
            {
                var direct = vocabulary.GetImpliedScopes(scope);
                var closure = vocabulary.Expand([scope]).Where(s => s != scope).Order(StringComparer.Ordinal);
                text.AppendLine($"  {scope}{(vocabulary.IsWellFormed(scope) ? "" : " (ill-formed!)")}"
                    + $" -> [{string.Join(", ", direct)}] closure [{string.Join(", ", closure)}]");
            }

            foreach (var probe in ShapeProbes)
            {
                var normalized = vocabulary.Normalize(probe);
                text.AppendLine($"  probe \"{probe}\" -> \"{normalized}\" well-formed={vocabulary.IsWellFormed(probe)} known={vocabulary.IsKnown(probe)}"
                    + $" implies [{string.Join(", ", vocabulary.GetImpliedScopes(probe))}]");
            }
        }

        Snapshot.Match(text.ToString(), "Scopes/vocabularies.snapshot.txt");
    }

    [Fact]
    public void BuiltInVocabularies_EveryKnownScope_IsWellFormedInItsOwnLanguage()
    {
        foreach (var vocabulary in ScopeVocabulary.All)
        {
            vocabulary.KnownScopes.Where(s => !vocabulary.IsWellFormed(s)).Should().BeEmpty($"{vocabulary} knows only scopes of its own shape");
        }
    }
}

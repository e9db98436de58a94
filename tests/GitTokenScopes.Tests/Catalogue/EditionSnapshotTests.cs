// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.Catalogue.Internal;
using GitTokenScopes.Tests.Snapshots;

namespace GitTokenScopes.Tests.Catalogue;

/// <summary>
/// Both built-in editions read whole: every requirement with its labels, purposes, scopes, notes and source, and how
/// the other edition differs. The expected text is committed (<c>editions.snapshot.txt</c>): a requirement changes only
/// with a reviewed diff of that file.
/// </summary>
public sealed class EditionSnapshotTests
{
    [Fact]
    public void BuiltInEditions_ReadWhole_AreTheSourceTables()
    {
        var text = new StringBuilder();
        text.AppendLine($"default: {ScopeEditions.Default.Name}");
        foreach (var edition in ScopeEditions.All)
        {
            text.AppendLine($"# {edition} ({edition.Requirements.Count} requirements)");
            text.AppendLine(edition.Description);
            foreach (var requirement in edition.Requirements.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal))
            {
                text.AppendLine($"## {requirement.Key} in {requirement.Edition}, vocabulary {requirement.Vocabulary}");
                text.AppendLine($"  source: {requirement.Source.Document} | {requirement.Source.Date?.ToString("yyyy-MM-dd") ?? "undated"} | {requirement.Source.Url} | {requirement.Source.Note}");
                text.AppendLine($"  notes: {requirement.Notes ?? "(none)"}");
                text.AppendLine($"  overrides: [{string.Join(", ", requirement.AppliedOverrides)}]");
                foreach (var clause in requirement.Clauses)
                {
                    text.AppendLine($"  - {clause.Label} => {string.Join(" | ", clause.AnyOf)} (preferred {clause.Preferred}): {clause.Purpose}");
                }

                text.AppendLine($"  drift: {BuiltInEditions.DriftOf(requirement) ?? "(none)"}");
            }
        }

        Snapshot.Match(text.ToString(), "Catalogue/editions.snapshot.txt");
    }

    [Fact]
    public void BuiltInEditions_EachHoldEveryKey_Once()
    {
        foreach (var edition in ScopeEditions.All)
        {
            edition.Requirements.Select(r => r.Key).Should().BeEquivalentTo(ScopeRequirementKey.All, $"{edition} covers every provider, kind and family");
            edition.Requirements.Should().OnlyContain(r => r.Edition == edition.Name && edition[r.Key] == r);
        }
    }

    [Fact]
    public void DriftOf_ARequirementFromNoBuiltInEdition_IsNone()
    {
        var seed = ScopeEditions.Seed[new ScopeRequirementKey(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken)];
        var custom = new ScopeRequirement(seed.Key, seed.Clauses, "house-rules", seed.Source);

        BuiltInEditions.DriftOf(seed).Should().Contain("also requires api").And.Contain("does not require read_api; read_repository");
        BuiltInEditions.DriftOf(custom).Should().BeNull();
    }
}

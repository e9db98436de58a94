// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// One line of a requirement: any one of its scopes satisfies it (an OR). A requirement needs all of its clauses.
/// </summary>
public sealed class ScopeClause
{
    /// <summary>Initializes a new instance of the <see cref="ScopeClause"/> class.</summary>
    /// <param name="label">The human label, as the source document writes it (for example "Webhooks: Read and write").</param>
    /// <param name="anyOf">The scopes that satisfy the clause, the preferred one first.</param>
    /// <param name="purpose">Why the clause is needed (for example "Argo Events creates webhooks in Git repositories").</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument or a scope is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="label"/> or <paramref name="purpose"/> is blank, or <paramref name="anyOf"/> is empty or holds a blank scope.</exception>
    public ScopeClause(string label, IEnumerable<string> anyOf, string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(anyOf);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var scopes = anyOf.Select(scope =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(scope, nameof(anyOf));
            return scope.Trim();
        }).Distinct(StringComparer.Ordinal).ToArray();
        if (scopes.Length == 0)
        {
            throw new ArgumentException($"Clause '{label}' must list at least one scope.", nameof(anyOf));
        }

        Label = label.Trim();
        AnyOf = scopes;
        Purpose = purpose.Trim();
    }

    /// <summary>Gets the human label, as the source document writes it.</summary>
    public string Label { get; }

    /// <summary>Gets the scopes that satisfy the clause, the preferred one first.</summary>
    public IReadOnlyList<string> AnyOf { get; }

    /// <summary>Gets why the clause is needed.</summary>
    public string Purpose { get; }

    /// <summary>Gets the preferred scope: the one to ask for when the clause is missing.</summary>
    public string Preferred => AnyOf[0];

    /// <inheritdoc/>
    public override string ToString() => $"{Label}: {string.Join(" | ", AnyOf)}";
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>One row of the audit table: a repository, the credential Argo CD uses for it, and what the validation of that credential said.</summary>
public sealed class ArgoCdAuditRow
{
    internal ArgoCdAuditRow(ArgoCdRepositoryAssignment assignment, ArgoCdTokenAudit? token)
    {
        Assignment = assignment;
        Token = token;
    }

    /// <summary>Gets the repository and its credential.</summary>
    public ArgoCdRepositoryAssignment Assignment { get; }

    /// <summary>Gets the validation of the row's token, or <see langword="null"/> when the credential is not a token the library can check.</summary>
    public ArgoCdTokenAudit? Token { get; }

    /// <summary>Gets the token's worst verdict, or <see langword="null"/> when it was not validated.</summary>
    public ValidationVerdict? Verdict => Token?.Verdict;

    /// <summary>Gets when the token expires, when the provider said.</summary>
    public DateTimeOffset? ExpiresAt => Token?.Reports.Select(r => r.ExpiresAt).FirstOrDefault(e => e is not null);

    /// <summary>Gets the scopes the token lacks (across runtimes, each once).</summary>
    public IReadOnlyList<string> MissingScopes => [.. (Token?.Reports ?? []).SelectMany(r => r.MissingScopes).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets whether the token reaches this repository as needed (the worst across runtimes), or <see langword="null"/> when not checked.</summary>
    public RepositoryAccessState? RepositoryState
    {
        get
        {
            var states = (Token?.Reports ?? [])
                .SelectMany(r => r.Repositories)
                .Where(r => string.Equals(r.Repository, Assignment.RepositoryName, StringComparison.OrdinalIgnoreCase))
                .Select(r => r.State)
                .ToArray();
            return states.Length == 0 ? null : states.Max();
        }
    }
}

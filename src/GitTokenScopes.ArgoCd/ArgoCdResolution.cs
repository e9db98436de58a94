// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>What <see cref="ArgoCdResolver"/> found: which credential Argo CD uses for each repository, and what is worth knowing about the configuration.</summary>
public sealed class ArgoCdResolution
{
    internal ArgoCdResolution(IReadOnlyList<ArgoCdRepositoryAssignment> assignments, IReadOnlyList<ArgoCdFinding> findings, int secretCount)
    {
        Assignments = assignments;
        Findings = findings;
        SecretCount = secretCount;
    }

    /// <summary>Gets one row per repository (per project, read and write apart), then one per template that serves none of them.</summary>
    public IReadOnlyList<ArgoCdRepositoryAssignment> Assignments { get; }

    /// <summary>Gets the findings, in the order they were made.</summary>
    public IReadOnlyList<ArgoCdFinding> Findings { get; }

    /// <summary>Gets how many Argo CD repository secrets were read (secrets of other roles are not counted).</summary>
    public int SecretCount { get; }
}

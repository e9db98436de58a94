// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>The shapes a repository's result takes on every provider, and the three-valued logic that decides them.</summary>
internal static class RepositoryResults
{
    public static RepositoryAccessResult Unknown(this RepositoryRequest repository, string message)
        => new(repository.Name, repository.Access, RepositoryAccessState.Unknown, null, null, message);

    public static RepositoryAccessResult NotVisible(this RepositoryRequest repository, string message)
        => new(repository.Name, repository.Access, RepositoryAccessState.NotVisible, false, false, message);

    /// <summary>Granted, insufficient or unknown, as <paramref name="enough"/> says.</summary>
    public static RepositoryAccessResult Judged(this RepositoryRequest repository, bool? enough, bool? canRead, bool? canWrite, string? message)
    {
        var state = enough switch { true => RepositoryAccessState.Granted, false => RepositoryAccessState.Insufficient, null => RepositoryAccessState.Unknown };
        return new(repository.Name, repository.Access, state, canRead, canWrite, message);
    }

    /// <summary>Whether a grant holds a scope: yes, no, or unknown when an undetermined scope may give it.</summary>
    public static bool? Holds(GrantedScopes granted, string scope)
        => granted.Grants(scope) ? true : granted.AllOthersUndetermined || granted.PossibleClosure.Contains(scope) ? null : false;

    /// <summary>Three-valued AND: false when any is false, true when all are true, otherwise unknown.</summary>
    public static bool? All(params ReadOnlySpan<bool?> values)
    {
        bool? all = true;
        foreach (var value in values)
        {
            if (value == false)
            {
                return false;
            }

            all = value is null ? null : all;
        }

        return all;
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>The REST endpoints the fake answers; everything else is <see cref="Unknown"/> (404).</summary>
internal enum GitHubFakeEndpoint
{
    Unknown,
    Root,
    User,
    InstallationRepositories,
    Repository,
    ListCommits,
    PutContents,
    ActionsPermissions,
    RuleSuites,
    ListHooks,
    UpdateHook,
    ListStatuses,
    CreateStatus,
    ListPulls,
    CreatePull,
}

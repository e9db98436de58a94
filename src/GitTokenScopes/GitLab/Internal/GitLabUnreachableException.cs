// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab.Internal;

/// <summary>Raised inside an inspection when GitLab cannot be reached; turned into <see cref="InspectionStatus.Unreachable"/>.</summary>
internal sealed class GitLabUnreachableException(string message) : Exception(message);

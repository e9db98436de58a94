// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitHub.Internal;

/// <summary>Raised inside an inspection when GitHub cannot be reached; turned into <see cref="InspectionStatus.Unreachable"/>.</summary>
internal sealed class GitHubUnreachableException(string message) : Exception(message);

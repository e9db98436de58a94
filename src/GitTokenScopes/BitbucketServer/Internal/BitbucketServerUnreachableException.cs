// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>Raised inside an inspection when Bitbucket Server cannot be reached; turned into <see cref="InspectionStatus.Unreachable"/>.</summary>
internal sealed class BitbucketServerUnreachableException(string message) : Exception(message);

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>Raised inside an inspection when Bitbucket Cloud cannot be reached; turned into <see cref="InspectionStatus.Unreachable"/>.</summary>
internal sealed class BitbucketCloudUnreachableException(string message) : Exception(message);

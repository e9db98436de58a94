// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// Raised inside an inspection when a provider gave no usable answer: none (time-out, transport failure;
/// <see cref="InspectionStatus.Unreachable"/>) or one the transport rules refuse (a redirect elsewhere, a body past the
/// limit, a page that is not the API; <see cref="InspectionStatus.ProviderError"/>). The message names the method and
/// path, never a header or the query.
/// </summary>
internal sealed class ProviderUnreachableException(string message, InspectionStatus status = InspectionStatus.Unreachable) : Exception(message)
{
    /// <summary>Gets the inspection's status when the call was one it depends on.</summary>
    public InspectionStatus Status { get; } = status;
}

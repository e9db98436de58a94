// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// Raised inside an inspection when a provider gave no answer (time-out, transport failure); turned into
/// <see cref="InspectionStatus.Unreachable"/>. The message names the method and path, never a header or the query.
/// </summary>
internal sealed class ProviderUnreachableException(string message) : Exception(message);

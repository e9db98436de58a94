// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>An answer, or why there is none: for requests about one repository, whose loss must not fail the inspection.</summary>
internal readonly record struct ProviderReply(ProviderAnswer? Answer, string? Unreachable);

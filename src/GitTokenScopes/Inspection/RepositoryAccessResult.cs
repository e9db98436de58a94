// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>What an inspection learned about one requested repository.</summary>
/// <param name="Repository">The repository's full name.</param>
/// <param name="Needed">The access the request asked for.</param>
/// <param name="State">Whether the token has that access.</param>
/// <param name="CanRead">Whether the token can read the repository; <see langword="null"/> when unknown.</param>
/// <param name="CanWrite">Whether the token can write to the repository; <see langword="null"/> when unknown or not checked.</param>
/// <param name="Message">What the provider's answers showed, in a sentence; never contains the token.</param>
public sealed record RepositoryAccessResult(string Repository, RepositoryAccess Needed, RepositoryAccessState State, bool? CanRead, bool? CanWrite, string? Message);

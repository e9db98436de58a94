// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>
/// What is known about one requested repository: in an inspection, what the provider showed; in a report, whether the
/// access the request needed is there. Its JSON name for <see cref="Repository"/> is <c>name</c>. Two values are equal
/// when every property is.
/// </summary>
/// <param name="Repository">The repository's full name (<c>owner/repo</c>, or a GitLab path with groups).</param>
/// <param name="Needed">The access the request asked for.</param>
/// <param name="State">Whether the token has that access; <see cref="RepositoryAccessState.Unknown"/> when it could not be learnt.</param>
/// <param name="CanRead">Whether the token can read the repository; <see langword="null"/> when unknown.</param>
/// <param name="CanWrite">Whether the token can write to the repository; <see langword="null"/> when unknown or not checked.</param>
/// <param name="Message">Why the state is what it is, in a sentence, when there is something to say; never contains the token.</param>
public sealed record RepositoryAccessResult(
    [property: JsonPropertyName("name")] string Repository,
    RepositoryAccess Needed,
    RepositoryAccessState State,
    bool? CanRead,
    bool? CanWrite,
    string? Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Repository} ({Needed.ToWireName()}): {State.ToWireName()}";
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>One request the <see cref="FakeGitLabServer"/> answered. Never holds the token itself.</summary>
/// <param name="Method">The HTTP method, upper case as sent.</param>
/// <param name="Path">
/// The path relative to <see cref="FakeGitLabServer.ApiUrl"/>, starting with <c>/</c>, without the query, URL-decoded
/// (<c>/user</c>, <c>/projects/group/app</c> for <c>/projects/group%2Fapp</c>). A request outside the API keeps its full path.
/// </param>
/// <param name="Query">The raw query string with its <c>?</c>, or an empty string; a <c>private_token</c> value reads <c>[REDACTED]</c>.</param>
/// <param name="StatusCode">The status code answered.</param>
/// <param name="HadPrivateToken">Whether the request carried a <c>PRIVATE-TOKEN</c> header.</param>
/// <param name="HadAuthorization">Whether the request carried an <c>Authorization</c> header.</param>
/// <param name="TokenFingerprint">
/// <c>sha256:</c> and the first 12 lowercase hexadecimal characters of the SHA-256 of the presented token (see
/// <see cref="FakeGitLabToken.Fingerprint"/>), also for unknown tokens; <see langword="null"/> when none was presented.
/// </param>
/// <param name="StartedAt">When the request arrived, by <see cref="FakeGitLabServerOptions.TimeProvider"/>.</param>
public sealed record FakeGitLabRequest(string Method, string Path, string Query, int StatusCode, bool HadPrivateToken, bool HadAuthorization, string? TokenFingerprint, DateTimeOffset StartedAt);

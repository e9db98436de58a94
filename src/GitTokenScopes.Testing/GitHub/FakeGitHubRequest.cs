// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>One request the <see cref="FakeGitHubServer"/> answered. Never holds the token itself.</summary>
/// <param name="Method">The HTTP method, upper case as sent (<c>GET</c>, <c>HEAD</c>, <c>PUT</c>, …).</param>
/// <param name="Path">
/// The URL-decoded path relative to <see cref="FakeGitHubServer.ApiUrl"/>, starting with <c>/</c>, without the query
/// (<c>/user</c>, <c>/repos/octo/app/commits</c>). An Enterprise request outside <c>/api/v3/</c> keeps its full path.
/// </param>
/// <param name="Query">The raw query string with its <c>?</c> (<c>?per_page=1</c>), or an empty string.</param>
/// <param name="StatusCode">The status code answered.</param>
/// <param name="HadAuthorization">Whether the request carried an <c>Authorization</c> header.</param>
/// <param name="TokenFingerprint">
/// <c>sha256:</c> followed by the first 12 lowercase hexadecimal characters of the SHA-256 of the presented token's
/// UTF-8 bytes (see <see cref="FakeGitHubToken.Fingerprint"/>), also for unknown tokens; <see langword="null"/> when
/// no token could be read from the request.
/// </param>
public sealed record FakeGitHubRequest(string Method, string Path, string Query, int StatusCode, bool HadAuthorization, string? TokenFingerprint);

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>One request the <see cref="FakeBitbucketServer"/> answered. Never holds the token itself.</summary>
/// <param name="Method">The HTTP method, upper case as sent.</param>
/// <param name="Path">The URL-decoded path relative to <see cref="FakeBitbucketServer.Url"/> (after the context path), starting with <c>/</c> (<c>/rest/api/1.0/application-properties</c>); a path outside the context path keeps its full path.</param>
/// <param name="Query">The raw query string with its <c>?</c>, or an empty string.</param>
/// <param name="StatusCode">The status code answered.</param>
/// <param name="AuthenticationScheme">The <c>Authorization</c> scheme as sent (<c>Bearer</c>, <c>Basic</c>), or <see langword="null"/> without one.</param>
/// <param name="TokenFingerprint">The fingerprint of the token presented (see <see cref="FakeBitbucketServerToken.Fingerprint"/>), also for unknown ones; <see langword="null"/> when none could be read.</param>
public sealed record FakeBitbucketServerRequest(string Method, string Path, string Query, int StatusCode, string? AuthenticationScheme, string? TokenFingerprint);

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>One request the <see cref="FakeBitbucketCloudServer"/> answered. Never holds the secret or the password itself.</summary>
/// <param name="Method">The HTTP method, upper case as sent.</param>
/// <param name="Path">The URL-decoded path relative to <see cref="FakeBitbucketCloudServer.ApiUrl"/>, starting with <c>/</c> (<c>/user</c>); a path outside <c>/2.0/</c> keeps its full path.</param>
/// <param name="Query">The raw query string with its <c>?</c>, or an empty string.</param>
/// <param name="StatusCode">The status code answered.</param>
/// <param name="AuthenticationScheme">The <c>Authorization</c> scheme as sent (<c>Basic</c>, <c>Bearer</c>), or <see langword="null"/> without one.</param>
/// <param name="CredentialFingerprint">The fingerprint of the secret presented (see <see cref="FakeBitbucketCloudCredential.Fingerprint"/>), also for unknown ones; <see langword="null"/> when none could be read.</param>
public sealed record FakeBitbucketCloudRequest(string Method, string Path, string Query, int StatusCode, string? AuthenticationScheme, string? CredentialFingerprint);

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.Internal;

/// <summary>
/// An answer as <see cref="FakeWireHost"/> writes it: status, content type, the fake's headers in order (empty values
/// included: they go on the wire as they are), and the body, sent as UTF-8 (left out for <c>HEAD</c>, as HTTP says).
/// The host adds <c>Date</c>, <c>Content-Length</c> and, when the connection ends, <c>Connection: close</c>.
/// </summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The <c>Content-Type</c> header.</param>
/// <param name="Headers">The other headers, in order.</param>
/// <param name="Body">The body.</param>
internal sealed record FakeWireResponse(int StatusCode, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body);

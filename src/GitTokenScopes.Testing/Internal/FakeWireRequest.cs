// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.Internal;

/// <summary>
/// A request as <see cref="FakeWireHost"/> read it off the wire, before a fake's router sees it: the method as sent, the
/// request target split into path and query, the header lines in order, and the body as UTF-8 text.
/// </summary>
internal sealed class FakeWireRequest
{
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;

    /// <summary>Initializes a request.</summary>
    /// <param name="method">The method, as sent.</param>
    /// <param name="target">The request target in origin form: <c>/path?query</c>, still escaped.</param>
    /// <param name="headers">The header lines, names as sent, values without surrounding whitespace.</param>
    /// <param name="body">The body; <see langword="null"/> when there is none.</param>
    public FakeWireRequest(string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers, string? body)
    {
        Method = method;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        RawPath = question < 0 ? target : target[..question];
        Query = question < 0 || question == target.Length - 1 ? string.Empty : target[question..];
        _headers = headers;
        Body = body;
    }

    /// <summary>Gets the method, as sent.</summary>
    public string Method { get; }

    /// <summary>Gets the path from the server root, still escaped (GitLab tells <c>group%2Fapp</c> from <c>group/app</c>).</summary>
    public string RawPath { get; }

    /// <summary>Gets the path from the server root, unescaped.</summary>
    public string Path => Uri.UnescapeDataString(RawPath);

    /// <summary>Gets the query with its leading <c>?</c>, still escaped; empty when there is none.</summary>
    public string Query { get; }

    /// <summary>Gets the body; <see langword="null"/> when there is none.</summary>
    public string? Body { get; }

    /// <summary>Gets a value indicating whether the method is <c>HEAD</c>, whose answer carries no body.</summary>
    public bool IsHead => string.Equals(Method, "HEAD", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first value of a header, looked up ignoring case; <see langword="null"/> when absent.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in _headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>One HTTP answer from GitLab: status, headers (looked up ignoring case) and body text.</summary>
internal sealed class GitLabAnswer(int statusCode, IReadOnlyDictionary<string, string> headers, string? body)
{
    private GitLabError? _error;
    private bool _errorRead;

    public int StatusCode { get; } = statusCode;

    public string? Body { get; } = body;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>Gets GitLab's JSON error body (<c>message</c>, or OAuth's <c>error</c>/<c>error_description</c>/<c>scope</c>); <see langword="null"/> when the body is not one.</summary>
    public GitLabError? Error
    {
        get
        {
            if (!_errorRead)
            {
                _error = GitLabJson.Error(Body);
                _errorRead = true;
            }

            return _error;
        }
    }

    /// <summary>Gets a header's value; <see langword="null"/> when absent.</summary>
    public string? Header(string name)
    {
        if (Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        // A response's headers are looked up ignoring case already; only a dictionary built by hand needs the scan.
        if (Headers is HttpAnswerHeaders)
        {
            return null;
        }

        foreach (var (key, candidate) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>What GitLab said, in one line for messages: the error description, the message, or the error code.</summary>
    public string? Said()
        => Error switch
        {
            { Description: { Length: > 0 } description } => description,
            { Message: { Length: > 0 } message } => message,
            { Code: { Length: > 0 } code } => code,
            _ => null,
        };
}

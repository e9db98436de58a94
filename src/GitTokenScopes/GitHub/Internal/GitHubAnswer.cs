// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using GitTokenScopes.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>One HTTP answer from GitHub: status, headers (looked up ignoring case) and body text.</summary>
internal sealed class GitHubAnswer(int statusCode, IReadOnlyDictionary<string, string> headers, string? body)
{
    public int StatusCode { get; } = statusCode;

    public string? Body { get; } = body;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>Gets a header's value; <see langword="null"/> when absent. An empty value is returned as empty.</summary>
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

    /// <summary>Gets the <c>message</c> of a JSON error body, if there is one.</summary>
    public string? ErrorMessage()
    {
        if (string.IsNullOrWhiteSpace(Body) || Body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

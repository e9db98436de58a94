// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.GitLab.Internal;

/// <summary>An answer of the fake before it goes on the wire: status, headers in order, body and content type.</summary>
internal sealed class GitLabFakeAnswer(int statusCode, string body, string contentType = GitLabFakeAnswer.Json)
{
    public const string Json = "application/json";

    public const string Html = "text/html; charset=utf-8";

    public const string Text = "text/plain";

    public int StatusCode { get; } = statusCode;

    public string Body { get; set; } = body;

    public string ContentType { get; } = contentType;

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public GitLabFakeAnswer With(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}

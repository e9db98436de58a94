// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.BitbucketCloud.Internal;

/// <summary>An answer of a Bitbucket fake before it goes on the wire: status, headers in order, body and content type.</summary>
internal sealed class BitbucketFakeAnswer(int statusCode, string body, string contentType = BitbucketFakeAnswer.Json)
{
    public const string Json = "application/json; charset=utf-8";

    public const string Text = "text/plain; charset=utf-8";

    public const string Html = "text/html; charset=utf-8";

    public int StatusCode { get; } = statusCode;

    public string Body { get; } = body;

    public string ContentType { get; } = contentType;

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public BitbucketFakeAnswer With(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}

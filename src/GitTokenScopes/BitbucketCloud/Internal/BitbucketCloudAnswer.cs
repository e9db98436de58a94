// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>One HTTP answer from Bitbucket Cloud: status, headers (looked up ignoring case) and body text.</summary>
internal sealed class BitbucketCloudAnswer(int statusCode, IReadOnlyDictionary<string, string> headers, string? body)
{
    public int StatusCode { get; } = statusCode;

    public string? Body { get; } = body;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>Gets a header's value; <see langword="null"/> when absent. An empty value is returned as empty.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

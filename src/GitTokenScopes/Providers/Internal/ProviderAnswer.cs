// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GitTokenScopes.Providers.Internal;

/// <summary>One HTTP answer from a provider: status, headers (looked up ignoring case) and body text.</summary>
internal sealed partial class ProviderAnswer
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public ProviderAnswer(int statusCode, IEnumerable<KeyValuePair<string, string>> headers, string? body)
    {
        StatusCode = statusCode;
        Body = body;
        foreach (var (name, value) in headers)
        {
            _headers.TryAdd(name, value);
        }
    }

    public int StatusCode { get; }

    public string? Body { get; }

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>Gets a header's value; <see langword="null"/> when absent. An empty value is returned as empty.</summary>
    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Gets a header as a whole non-negative number; <see langword="null"/> when absent, not one, or too large.</summary>
    public int? Int(string name)
        => int.TryParse(Header(name)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <inheritdoc cref="Int"/>
    public long? Long(string name)
        => long.TryParse(Header(name)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Gets a header as an HTTP date (<c>Wed, 21 Oct 2026 07:28:00 GMT</c>); <see langword="null"/> when absent or not one.</summary>
    public DateTimeOffset? Date(string name)
        => Header(name)?.Trim() is { Length: > 0 } value
            && DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    /// <summary>Gets <c>Retry-After</c>, in seconds or as an HTTP date (a date in the past is zero); <see langword="null"/> when absent.</summary>
    public TimeSpan? RetryAfter(TimeProvider time)
        => Int("Retry-After") is { } seconds ? TimeSpan.FromSeconds(seconds)
            : Date("Retry-After") is { } at ? (at - time.GetUtcNow()) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;

    /// <summary>
    /// The rate limit from the named headers, <c>Retry-After</c> and <paramref name="reset"/> (read by the provider);
    /// <see langword="null"/> when none of limit, remaining, reset and <c>Retry-After</c> was sent.
    /// </summary>
    public RateLimitInfo? RateLimit(TimeProvider time, string limit, string? remaining, DateTimeOffset? reset, string? resource = null)
    {
        var (max, left, retryAfter) = (Int(limit), remaining is null ? null : Int(remaining), RetryAfter(time));
        var name = resource is null ? null : Header(resource)?.Trim();
        return max is null && left is null && reset is null && retryAfter is null
            ? null
            : new RateLimitInfo(max, left, reset, retryAfter, string.IsNullOrEmpty(name) ? null : name);
    }

    /// <summary>Reads <paramref name="body"/> as <typeparamref name="T"/>; <see langword="null"/> when it is not a JSON object of that shape.</summary>
    public static T? Read<T>(string? body, JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Gets the <c>message</c> of a JSON error body (GitHub's shape), if there is one.</summary>
    public string? ErrorMessage() => Read(Body, MessageContext.Default.MessageBody)?.Message;

    internal sealed record MessageBody([property: JsonPropertyName("message")] string? Message);

    [JsonSerializable(typeof(MessageBody))]
    private sealed partial class MessageContext : JsonSerializerContext;
}

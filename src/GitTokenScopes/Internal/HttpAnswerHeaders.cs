// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace GitTokenScopes.Internal;

/// <summary>
/// A response's headers (response and content), looked up ignoring case when asked for, repeated values joined with a
/// separator (or, without one, the first value only, as Octokit's answers had them). The inspectors read a handful of headers, so copying every one into a dictionary per request was wasted
/// work. Lookups use the non-validating view: it does not parse or mutate the collection, so concurrent reads are safe.
/// </summary>
internal sealed class HttpAnswerHeaders(HttpResponseHeaders response, HttpContentHeaders? content, string? separator) : IReadOnlyDictionary<string, string>
{
    public int Count => response.NonValidated.Count + (content?.NonValidated.Count ?? 0);

    public IEnumerable<string> Keys => this.Select(h => h.Key);

    public IEnumerable<string> Values => this.Select(h => h.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No header named {key}.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (response.NonValidated.TryGetValues(key, out var values) || (content is not null && content.NonValidated.TryGetValues(key, out values)))
        {
            value = Join(values);
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var (name, values) in response.NonValidated)
        {
            yield return new(name, Join(values));
        }

        if (content is not null)
        {
            foreach (var (name, values) in content.NonValidated)
            {
                yield return new(name, Join(values));
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // One value (the usual case) is returned as it is, without a copy.
    private string Join(HeaderStringValues values)
        => values.Count == 1 ? values.ToString()
            : separator is null ? values.First()
            : string.Join(separator, values);
}

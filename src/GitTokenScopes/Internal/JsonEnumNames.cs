// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GitTokenScopes.Internal;

/// <summary>
/// The JSON names of enum values, read from their <c>[JsonStringEnumMemberName]</c> attributes through source-generated
/// metadata, so that the attributes stay the one place a name is written.
/// </summary>
internal static class JsonEnumNames
{
    public static string Of<T>(T value, JsonTypeInfo<T> info)
        where T : struct, Enum
        => Cache<T>.Names.GetOrAdd(value, static (v, i) => Compute(v, i), info);

    private static string Compute<T>(T value, JsonTypeInfo<T> info)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(T).Name} value.");
        }

        // The names are plain lowercase ASCII, so the JSON string needs no unescaping: drop the quotes.
        var json = JsonSerializer.Serialize(value, info);
        return json[1..^1];
    }

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> Names = new();
    }
}

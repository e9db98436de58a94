// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GitTokenScopes.Internal;

/// <summary>The JSON names of enum values, read from their <c>[JsonStringEnumMemberName]</c> attributes, the one place a name is written.</summary>
internal static class JsonEnumNames
{
    public static string Of<T>(T value, JsonTypeInfo<T> info)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(T).Name} value.");
        }

        // The names are plain lowercase ASCII, so the JSON string needs no unescaping: drop the quotes. Serializing is
        // slow next to the validator's other work, and an enum's names never change: each is read once.
        return Names<T>.ByValue.GetOrAdd(value, static (v, i) => JsonSerializer.Serialize(v, i)[1..^1], info);
    }

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> ByValue = new();
    }
}

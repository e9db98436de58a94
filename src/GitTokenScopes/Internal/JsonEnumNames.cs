// Licensed under the MIT License. See LICENSE in the repository root.

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

        // The names are plain lowercase ASCII, so the JSON string needs no unescaping: drop the quotes.
        return JsonSerializer.Serialize(value, info)[1..^1];
    }
}

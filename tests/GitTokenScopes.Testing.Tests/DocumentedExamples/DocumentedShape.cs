// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;

namespace GitTokenScopes.Testing.Tests.DocumentedExamples;

/// <summary>
/// Compares the shape of a JSON answer with a provider's documented example: every property the example has must be in
/// the answer with a compatible JSON kind (object, array, string, number, boolean), recursively into objects and array
/// items; the answer may not have properties the example lacks. <see cref="ShapeRules"/> names the documented
/// exceptions. Violations are JSON paths (<c>/permissions/project_access</c>, <c>/values/0/repository</c>) and what differs.
/// </summary>
/// <remarks>
/// An example value of <c>null</c> says nothing about the kind, so any kind matches it. The items of an example array
/// (of every example given) are taken together: a property is required when every example item has it, allowed when
/// some has it, and its kind is checked against the items that have it.
/// </remarks>
internal static class DocumentedShape
{
    /// <summary>Reads a documented example's recorded shape, copied to the test output.</summary>
    public static JsonElement Example(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "DocumentedExamples", relativePath);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>Compares <paramref name="actual"/> with <paramref name="example"/>; the violations, empty when the shapes match.</summary>
    public static IReadOnlyList<string> Compare(JsonElement example, JsonElement actual, ShapeRules? rules = null)
    {
        var violations = new List<string>();
        Compare([example], actual, "", "", rules ?? ShapeRules.None, violations);
        return violations;
    }

    /// <summary>Compares a JSON text with an example (for bodies read off the wire).</summary>
    public static IReadOnlyList<string> Compare(JsonElement example, string actual, ShapeRules? rules = null)
    {
        using var document = JsonDocument.Parse(actual);
        return Compare(example, document.RootElement, rules);
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    private static void Compare(IReadOnlyList<JsonElement> examples, JsonElement actual, string path, string pattern, ShapeRules rules, List<string> violations)
    {
        var shown = examples.Where(e => e.ValueKind != JsonValueKind.Null).ToArray();
        if (shown.Length == 0)
        {
            return;
        }

        var expected = Kind(shown[0].ValueKind);
        var got = Kind(actual.ValueKind);
        if (got == "null")
        {
            if (!rules.MayBeNull.ContainsKey(pattern))
            {
                violations.Add($"{Display(path)}: null, the docs show {expected}");
            }

            return;
        }

        if (got != expected)
        {
            if (!rules.AnyKind.ContainsKey(pattern))
            {
                violations.Add($"{Display(path)}: {got}, the docs show {expected}");
            }

            return;
        }

        if (actual.ValueKind == JsonValueKind.Object)
        {
            var objects = shown.Where(e => e.ValueKind == JsonValueKind.Object).ToArray();
            var known = objects.SelectMany(o => o.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToArray();
            var present = actual.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in known)
            {
                var withIt = objects.Where(o => o.TryGetProperty(name, out _)).Select(o => o.GetProperty(name)).ToArray();
                var childPath = path + "/" + name;
                var childPattern = pattern + "/" + name;
                if (!actual.TryGetProperty(name, out var value))
                {
                    if (withIt.Length == objects.Length && !rules.MayBeAbsent.ContainsKey(childPattern))
                    {
                        violations.Add($"{Display(childPath)}: missing");
                    }

                    continue;
                }

                Compare(withIt, value, childPath, childPattern, rules, violations);
            }

            foreach (var name in present.Where(n => !known.Contains(n, StringComparer.Ordinal)))
            {
                if (!rules.ExtraAllowed.ContainsKey(pattern + "/" + name))
                {
                    violations.Add($"{Display(path + "/" + name)}: not in the docs' example");
                }
            }
        }
        else if (actual.ValueKind == JsonValueKind.Array)
        {
            var items = shown.Where(e => e.ValueKind == JsonValueKind.Array).SelectMany(e => e.EnumerateArray()).ToArray();
            if (items.Length == 0)
            {
                return;
            }

            var index = 0;
            foreach (var item in actual.EnumerateArray())
            {
                Compare(items, item, $"{path}/{index++}", pattern + "/*", rules, violations);
            }
        }
    }

    private static string Display(string path) => path.Length == 0 ? "/" : path;
}

/// <summary>
/// The documented exceptions to an example, by path pattern (<c>/a/b</c>; <c>*</c> stands for every array item): each
/// entry's value says where the docs (or, failing them, what) justify it. Keep them few.
/// </summary>
internal sealed class ShapeRules
{
    public static readonly ShapeRules None = new();

    /// <summary>Gets properties the answer may have although the example lacks them.</summary>
    public Dictionary<string, string> ExtraAllowed { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Gets properties of the example the answer may leave out (the docs show them only under a condition the fake's setup does not meet).</summary>
    public Dictionary<string, string> MayBeAbsent { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Gets properties the answer may set to <c>null</c> although the example shows a value.</summary>
    public Dictionary<string, string> MayBeNull { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Gets properties whose kind differs from the example for a stated reason.</summary>
    public Dictionary<string, string> AnyKind { get; init; } = new(StringComparer.Ordinal);
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes;

/// <summary>
/// The stable lowercase names used for the library's enumerations in JSON, configuration and command lines
/// (<c>github</c>, <c>bitbucket-cloud</c>, <c>fine-grained</c>, …).
/// </summary>
/// <remarks>
/// <c>ToWireName</c> throws <see cref="ArgumentOutOfRangeException"/> for a value that is not defined. <c>TryParse</c> accepts
/// the wire name or the C# member name, ignoring case and surrounding white space, so <c>bitbucket-cloud</c>,
/// <c>BitbucketCloud</c> and <c>BITBUCKET-CLOUD</c> all name <see cref="GitProvider.BitbucketCloud"/>.
/// </remarks>
public static class WireNames
{
    /// <summary>Gets the wire names of every provider, in declaration order.</summary>
    public static IReadOnlyList<string> ProviderNames { get; } = NamesOf<GitProvider>();

    /// <summary>Gets the wire names of every token kind, in declaration order.</summary>
    public static IReadOnlyList<string> TokenKindNames { get; } = NamesOf<TokenKind>();

    /// <summary>Gets the wire names of every token family, in declaration order.</summary>
    public static IReadOnlyList<string> TokenFamilyNames { get; } = NamesOf<TokenFamily>();

    /// <summary>Gets the wire name of a provider (<c>github</c>, <c>bitbucket-cloud</c>, …).</summary>
    public static string ToWireName(this GitProvider provider) => NameOf(provider);

    /// <summary>Gets the wire name of a token kind (<c>runtime</c> or <c>user</c>).</summary>
    public static string ToWireName(this TokenKind kind) => NameOf(kind);

    /// <summary>Gets the wire name of a token family (<c>classic</c>, <c>fine-grained</c>, …).</summary>
    public static string ToWireName(this TokenFamily family) => NameOf(family);

    /// <summary>Gets the JSON name of an inspection status (<c>ok</c>, <c>rate-limited</c>, …).</summary>
    public static string ToWireName(this InspectionStatus status) => NameOf(status);

    /// <summary>Gets the JSON name of a token type (<c>github-classic</c>, <c>gitlab-project</c>, …).</summary>
    public static string ToWireName(this TokenType type) => NameOf(type);

    /// <summary>Gets the JSON name of a verdict (<c>pass</c>, <c>fail</c>, <c>indeterminate</c>, <c>skipped</c>).</summary>
    public static string ToWireName(this ValidationVerdict verdict) => NameOf(verdict);

    /// <summary>Gets the JSON name of a clause state (<c>satisfied</c>, <c>missing</c>, <c>unknown</c>, <c>skipped</c>).</summary>
    public static string ToWireName(this ClauseState state) => NameOf(state);

    /// <summary>Gets the JSON name of a warning code (<c>token-expiring</c>, …).</summary>
    public static string ToWireName(this ValidationWarningCode code) => NameOf(code);

    /// <summary>Gets the JSON name of a repository access level (<c>read</c>, <c>read-write</c>).</summary>
    public static string ToWireName(this RepositoryAccess access) => NameOf(access);

    /// <summary>Gets the JSON name of a repository access state (<c>granted</c>, <c>insufficient</c>, …).</summary>
    public static string ToWireName(this RepositoryAccessState state) => NameOf(state);

    /// <summary>Parses a provider name (a wire name or member name); <see langword="true"/> when it names one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out GitProvider provider) => TryParseName(value, out provider);

    /// <summary>Parses a token kind name (a wire name or member name); <see langword="true"/> when it names one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out TokenKind kind) => TryParseName(value, out kind);

    /// <summary>Parses a token family name (a wire name or member name); <see langword="true"/> when it names one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out TokenFamily family) => TryParseName(value, out family);

    internal static string[] NamesOf<T>()
        where T : struct, Enum
        => [.. Enum.GetValues<T>().Select(NameOf)];

    internal static bool TryParseName<T>([NotNullWhen(true)] string? value, out T result)
        where T : struct, Enum
    {
        var trimmed = value?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(trimmed, NameOf(candidate), StringComparison.OrdinalIgnoreCase) || string.Equals(trimmed, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    private static string NameOf<T>(T value)
        where T : struct, Enum
        => Names<T>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(T).Name} value.");

    /// <summary>
    /// Each value's name, read once from its <c>[JsonStringEnumMemberName]</c> attribute through the source-generated
    /// JSON context, the one place a name is written. The names are plain lowercase ASCII, so dropping the quotes is enough.
    /// </summary>
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ByValue = Enum.GetValues<T>().ToDictionary(
            v => v,
            v => JsonSerializer.Serialize(v, (JsonTypeInfo<T>)ReportJsonContext.Default.GetTypeInfo(typeof(T))!)[1..^1]);
    }
}

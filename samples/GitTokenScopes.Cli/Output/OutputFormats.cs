// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Output;

/// <summary>The command-line names of <see cref="OutputFormat"/>.</summary>
internal static class OutputFormats
{
    /// <summary>The name of <see cref="OutputFormat.Table"/>, the default.</summary>
    public const string Table = "table";

    /// <summary>The name of <see cref="OutputFormat.Json"/>.</summary>
    public const string Json = "json";

    /// <summary>Gets every name, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Table, Json];

    /// <summary>Parses a name; the option's validator has already rejected anything else.</summary>
    public static OutputFormat Parse(string? name)
        => string.Equals(name, Json, StringComparison.Ordinal) ? OutputFormat.Json : OutputFormat.Table;
}

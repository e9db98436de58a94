// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Output;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>A table for people reading a terminal.</summary>
    Table,

    /// <summary>JSON for scripts: standard output holds the JSON document and nothing else.</summary>
    Json,
}

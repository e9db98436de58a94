// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>A clause as read back from the CLI's JSON.</summary>
internal sealed record JsonClause(string Label, IReadOnlyList<string> AnyOf, string Purpose);

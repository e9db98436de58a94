// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>A requirement's source as read back from the CLI's JSON.</summary>
internal sealed record JsonSource(string Document, string? Date, string? Url, string? Note);

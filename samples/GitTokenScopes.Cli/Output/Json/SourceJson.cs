// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Output.Json;

/// <summary>Where a requirement comes from.</summary>
/// <param name="Document">The document's name.</param>
/// <param name="Date">The document's date as <c>yyyy-MM-dd</c>, or <see langword="null"/> when unknown.</param>
/// <param name="Url">Where the document is published, or <see langword="null"/>.</param>
/// <param name="Note">What else a reader should know about the copy, or <see langword="null"/>.</param>
internal sealed record SourceJson(string Document, string? Date, string? Url, string? Note);

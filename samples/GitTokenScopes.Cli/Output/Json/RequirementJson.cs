// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Output.Json;

/// <summary>One requirement as the CLI prints it. The CLI owns its JSON shape rather than serializing library types.</summary>
/// <param name="Provider">The provider's wire name, for example <c>bitbucket-cloud</c>.</param>
/// <param name="TokenKind">The token kind's wire name: <c>runtime</c> or <c>user</c>.</param>
/// <param name="TokenType">The token family's wire name, for example <c>fine-grained</c>.</param>
/// <param name="Edition">The catalogue edition the requirement belongs to.</param>
/// <param name="Source">The document the requirement reproduces.</param>
/// <param name="Notes">Remarks on how the source was read, or <see langword="null"/>.</param>
/// <param name="Clauses">The clauses, all of which are needed.</param>
internal sealed record RequirementJson(
    string Provider,
    string TokenKind,
    string TokenType,
    string Edition,
    SourceJson Source,
    string? Notes,
    IReadOnlyList<ClauseJson> Clauses);

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Audit;

/// <summary>One manifest entry, checked and ready to validate: its label, its request and the runtimes to judge it for.</summary>
/// <param name="Label">How the summary names it.</param>
/// <param name="Request">The validation request (the token read from the environment).</param>
/// <param name="Runtimes">The runtimes; empty for the default requirements, several for one inspection judged per runtime.</param>
internal sealed record AuditJob(string Label, TokenValidationRequest Request, IReadOnlyList<string> Runtimes);

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Demo;

/// <summary>One token of the demo: what it is, what to look for in its report, and the request that validates it.</summary>
/// <param name="Title">A short heading.</param>
/// <param name="Story">One sentence on the token and what its report shows.</param>
/// <param name="Request">The validation request (its credential points at a fake provider on loopback).</param>
/// <param name="ExpectedVerdict">The verdict the scenario is built to show; the tests hold the demo to it.</param>
internal sealed record DemoScenario(string Title, string Story, TokenValidationRequest Request, ValidationVerdict ExpectedVerdict);

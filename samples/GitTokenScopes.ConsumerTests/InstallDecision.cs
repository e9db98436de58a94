// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ConsumerTests;

/// <summary>What <see cref="RuntimeInstaller"/> decided, and what to tell the person installing.</summary>
/// <param name="Proceed">Whether the installation goes ahead.</param>
/// <param name="RetryLater">Whether the check could not be completed (a rate limit, an outage) and is worth repeating.</param>
/// <param name="Explanation">What is missing and how to fix it, or why to retry.</param>
public sealed record InstallDecision(bool Proceed, bool RetryLater, string Explanation);

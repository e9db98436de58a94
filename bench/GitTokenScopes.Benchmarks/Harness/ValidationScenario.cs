// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Benchmarks.Loopback;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>One kind of validation the harness runs: a name, and how to build its request for a fresh token.</summary>
internal sealed record ValidationScenario(string Name, Func<LoopbackProvider, long, TokenValidationRequest> Request)
{
    public static ValidationScenario GitHubClassic { get; } = new("GitHub classic", (s, n) => new(BenchCredentials.GitHubClassic(s, n), TokenKind.Runtime));

    public static ValidationScenario GitLab { get; } = new("GitLab", (s, n) => new(BenchCredentials.GitLab(s, n), TokenKind.Runtime));

    public static ValidationScenario BitbucketCloud { get; } = new("Bitbucket Cloud", (s, n) => new(BenchCredentials.BitbucketCloud(s, n), TokenKind.Runtime));

    public static ValidationScenario FineGrained(int repositories)
        => new($"GitHub fine-grained, {repositories} repo{(repositories == 1 ? string.Empty : "s")}", (s, n) => new(BenchCredentials.GitHubFineGrained(s, n), TokenKind.Runtime, repositories: BenchCredentials.Repositories(repositories)));
}

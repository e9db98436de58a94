// Licensed under the MIT License. See LICENSE in the repository root.

using BenchmarkDotNet.Attributes;

namespace GitTokenScopes.Benchmarks.Micro;

/// <summary>
/// Building a granted set with its implication closure (what one inspection does once), against a bare
/// <see cref="HashSet{T}"/> of the same names (no normalization, no closure).
/// </summary>
[MemoryDiagnoser]
public class ClosureBenchmarks
{
    private static readonly string[] ClassicScopes = ["repo", "admin:repo_hook", "read:org", "workflow"];
    private static readonly string[] BitbucketScopes = ["account", "team", "project", "repository", "repository:write", "repository:admin", "webhook", "pullrequest", "pullrequest:write", "pipeline"];
    private readonly ScopeVocabulary _classic = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic);
    private readonly ScopeVocabulary _bitbucket = ScopeVocabulary.For(GitProvider.BitbucketCloud, TokenFamily.AppPassword);

    [Benchmark(Baseline = true, Description = "HashSet<string> of 4 GitHub scopes")]
    public HashSet<string> HashSetOfClassic() => new(ClassicScopes, StringComparer.Ordinal);

    [Benchmark(Description = "GrantedScopes.Create, 4 GitHub classic scopes")]
    public GrantedScopes ClosureOfClassic() => GrantedScopes.Create(_classic, ClassicScopes);

    [Benchmark(Description = "GrantedScopes.Create, 10 Bitbucket Cloud scopes")]
    public GrantedScopes ClosureOfBitbucket() => GrantedScopes.Create(_bitbucket, BitbucketScopes);
}

// Licensed under the MIT License. See LICENSE in the repository root.

using BenchmarkDotNet.Attributes;

namespace GitTokenScopes.Benchmarks.Micro;

/// <summary>Catalogue lookups against a plain dictionary of the same requirements (the physical limit of a keyed lookup).</summary>
[MemoryDiagnoser]
public class CatalogueBenchmarks
{
    private readonly ScopeRequirementKey _key = new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained);
    private Dictionary<ScopeRequirementKey, ScopeRequirement> _dictionary = [];

    [GlobalSetup]
    public void Setup() => _dictionary = ScopeEditions.Seed.Requirements.ToDictionary(r => r.Key);

    [Benchmark(Baseline = true, Description = "Dictionary<ScopeRequirementKey, …>[key]")]
    public ScopeRequirement DictionaryLookup() => _dictionary[_key];

    [Benchmark(Description = "ScopeEditions.Seed[key]")]
    public ScopeRequirement SeedLookup() => ScopeEditions.Seed[_key];

    [Benchmark(Description = "ScopeVocabulary.For(provider, family)")]
    public ScopeVocabulary VocabularyLookup() => ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic);
}

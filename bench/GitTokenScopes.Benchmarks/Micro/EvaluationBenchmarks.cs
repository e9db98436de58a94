// Licensed under the MIT License. See LICENSE in the repository root.

using BenchmarkDotNet.Attributes;

namespace GitTokenScopes.Benchmarks.Micro;

/// <summary>
/// Evaluating a granted set against the seed's fine-grained Runtime requirement, against a naive boolean check of the
/// same clauses (does every clause have one held scope) that yields no findings, no missing list and no excess scopes.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private ScopeRequirement _requirement = null!;
    private GrantedScopes _granted = null!;
    private HashSet<string> _closure = [];

    [GlobalSetup]
    public void Setup()
    {
        _requirement = ScopeEditions.Seed[new ScopeRequirementKey(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.FineGrained)];
        _granted = GrantedScopes.Create(
            ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.FineGrained),
            ["repository_selection=selected", "metadata=read", "contents=write", "repository_hooks=write"],
            ["administration=write"]);
        _closure = [.. _granted.Closure];
    }

    [Benchmark(Baseline = true, Description = "naive: every clause has a held scope")]
    public bool Naive()
    {
        foreach (var clause in _requirement.Clauses)
        {
            var held = false;
            foreach (var scope in clause.AnyOf)
            {
                held |= _closure.Contains(scope);
            }

            if (!held)
            {
                return false;
            }
        }

        return true;
    }

    [Benchmark(Description = "ScopeEvaluator.Evaluate (fine-grained Runtime)")]
    public ScopeEvaluation Evaluate() => ScopeEvaluator.Evaluate(_requirement, _granted);
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// What one validation asks, resolved: its runtimes, the requirement of every token family for each runtime, and the
/// inspection request. While the requirements cannot change (the library's own catalogue), the validator keeps one per
/// request object, together with the last inspection key and the last reports, so that validating the same request
/// again while its inspection is cached recomputes nothing.
/// </summary>
internal sealed class ValidationQuestion
{
    private readonly TokenFamily[] _families;
    private readonly ScopeRequirement[][] _perRuntime;
    private KeyMemo? _key;
    private ReportMemo? _reports;

    private ValidationQuestion(object owner, string?[] runtimes, TokenInspectionRequest inspection, TokenFamily[] families, ScopeRequirement[][] perRuntime)
    {
        Owner = owner;
        Runtimes = runtimes;
        Inspection = inspection;
        _families = families;
        _perRuntime = perRuntime;
    }

    /// <summary>Gets the validator that resolved the question (a request may be validated by several).</summary>
    public object Owner { get; }

    /// <summary>Gets the runtimes, one report each (<see langword="null"/> stands for the defaults).</summary>
    public string?[] Runtimes { get; }

    /// <summary>Gets the inspection request: the credential, the repositories and every family's requirements.</summary>
    public TokenInspectionRequest Inspection { get; }

    /// <summary>Resolves every family's requirement for each runtime, so that an inspector can probe what the token's family needs before the family is known.</summary>
    public static ValidationQuestion Resolve(object owner, IScopeRequirements requirements, TokenValidationRequest request, string?[] runtimes)
    {
        var provider = request.Credential.Provider;
        var families = ScopeVocabulary.FamiliesOf(provider).ToArray();
        var perRuntime = new ScopeRequirement[families.Length][];
        var asked = new List<ScopeRequirement>();
        for (var f = 0; f < families.Length; f++)
        {
            var key = new ScopeRequirementKey(provider, request.Kind, families[f]);
            perRuntime[f] = new ScopeRequirement[runtimes.Length];
            for (var r = 0; r < runtimes.Length; r++)
            {
                var requirement = RequirementResolver.Resolve(requirements, key, runtimes[r], request.Repositories);
                perRuntime[f][r] = requirement;
                if (!asked.Contains(requirement))
                {
                    asked.Add(requirement);
                }
            }
        }

        return new(owner, runtimes, new TokenInspectionRequest(request.Credential, request.Repositories, asked), families, perRuntime);
    }

    /// <summary>Whether this question was resolved for the same runtimes.</summary>
    public bool AsksFor(string?[] runtimes)
    {
        if (runtimes.Length != Runtimes.Length)
        {
            return false;
        }

        for (var i = 0; i < runtimes.Length; i++)
        {
            if (!string.Equals(runtimes[i], Runtimes[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether this question was resolved for the request's own runtime alone.</summary>
    public bool AsksFor(string? runtime) => Runtimes.Length == 1 && string.Equals(Runtimes[0], runtime, StringComparison.Ordinal);

    /// <summary>The requirement the report for <c>Runtimes[runtime]</c> applies; <see langword="null"/> when the family is unknown or not the provider's.</summary>
    public ScopeRequirement? RequirementFor(TokenFamily? family, int runtime)
    {
        for (var f = 0; f < _families.Length; f++)
        {
            if (_families[f] == family)
            {
                return _perRuntime[f][runtime];
            }
        }

        return null;
    }

    /// <summary>The inspection's cache key and tags for the token's current generation; rebuilt only when the generation changes.</summary>
    public KeyMemo KeyFor(string generation)
    {
        var memo = Volatile.Read(ref _key);
        if (memo is null || !string.Equals(memo.Generation, generation, StringComparison.Ordinal))
        {
            var credential = Inspection.Credential;
            var tokenHash = ValidationCacheKeys.TokenHash(credential);
            memo = new KeyMemo(
                generation,
                ValidationCacheKeys.Inspection(credential, tokenHash, generation, Inspection.Repositories, Inspection.Requirements),
                [ValidationCacheKeys.Tag(tokenHash)]);
            Volatile.Write(ref _key, memo);
        }

        return memo;
    }

    /// <summary>The reports last built from this very snapshot under these very options, while the clock has not changed them; otherwise <see langword="null"/>.</summary>
    public TokenValidationReport[]? ReportsFor(InspectionSnapshot snapshot, TokenValidationOptions settings, DateTimeOffset now)
        => Volatile.Read(ref _reports) is { } memo
            && ReferenceEquals(memo.Snapshot, snapshot)
            && ReferenceEquals(memo.Settings, settings)
            && now >= memo.From
            && now < memo.Until
                ? memo.Reports
                : null;

    /// <summary>Keeps reports built at <paramref name="from"/> for reuse until <paramref name="until"/>, when the clock would change one of them.</summary>
    public void Remember(InspectionSnapshot snapshot, TokenValidationOptions settings, TokenValidationReport[] reports, DateTimeOffset from, DateTimeOffset until)
        => Volatile.Write(ref _reports, new ReportMemo(snapshot, settings, reports, from, until));

    /// <summary>An inspection key with the generation it was built for, and the token's tag.</summary>
    internal sealed record KeyMemo(string Generation, string Key, string[] Tags);

    private sealed record ReportMemo(InspectionSnapshot Snapshot, TokenValidationOptions Settings, TokenValidationReport[] Reports, DateTimeOffset From, DateTimeOffset Until);
}

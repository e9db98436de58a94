// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// One request's question: its <see cref="QuestionShape"/> (runtimes and requirements) with the request's credential
/// and repositories. While the requirements cannot change (the library's own catalogue), the validator keeps it on the
/// request object, together with the last inspection key and the last reports, so that validating the same request
/// again while its inspection is cached recomputes nothing.
/// </summary>
internal sealed class ValidationQuestion
{
    private KeyMemo? _key;
    private ReportMemo? _reports;

    public ValidationQuestion(object owner, TokenValidationRequest request, QuestionShape shape)
    {
        Owner = owner;
        Shape = shape;
        Inspection = new TokenInspectionRequest(request.Credential, request.Repositories, shape.Asked);
    }

    /// <summary>Gets the validator that resolved the question (a request may be validated by several).</summary>
    public object Owner { get; }

    /// <summary>Gets the token-independent half: runtimes and requirements.</summary>
    public QuestionShape Shape { get; }

    /// <summary>Gets the inspection request: the credential, the repositories and every family's requirements.</summary>
    public TokenInspectionRequest Inspection { get; }

    /// <summary>The inspection's cache key and tags for the token's current generation; rebuilt only when the generation changes.</summary>
    public KeyMemo KeyFor(string generation)
    {
        var memo = Volatile.Read(ref _key);
        if (memo is null || !string.Equals(memo.Generation, generation, StringComparison.Ordinal))
        {
            var credential = Inspection.Credential;
            memo = new KeyMemo(generation, ValidationCacheKeys.Inspection(credential, generation, Shape.Digest), [ValidationCacheKeys.Tag(ValidationCacheKeys.TokenHash(credential))]);
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

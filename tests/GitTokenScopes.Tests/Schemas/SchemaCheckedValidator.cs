// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Schemas;

/// <summary>
/// An <see cref="ITokenValidator"/> that checks every report it hands out against the shipped JSON Schema. The suite's
/// harnesses and fixtures obtain their validator through <see cref="SchemaCheckedValidatorExtensions.GetSchemaCheckedValidator"/>, so every report a
/// test produces through them is validated; a report the schema rejects fails the test that produced it.
/// </summary>
internal sealed class SchemaCheckedValidator(ITokenValidator inner) : ITokenValidator
{

    public async Task<TokenValidationReport> ValidateAsync(TokenValidationRequest request, CancellationToken cancellationToken = default)
        => ShippedReportSchema.AssertValid(await inner.ValidateAsync(request, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<TokenValidationReport>> ValidateForRuntimesAsync(
        TokenValidationRequest request, IEnumerable<string?> runtimeNames, CancellationToken cancellationToken = default)
    {
        var reports = await inner.ValidateForRuntimesAsync(request, runtimeNames, cancellationToken).ConfigureAwait(false);
        foreach (var report in reports)
        {
            ShippedReportSchema.AssertValid(report);
        }

        return reports;
    }

    public ValueTask InvalidateAsync(GitCredential credential, CancellationToken cancellationToken = default)
        => inner.InvalidateAsync(credential, cancellationToken);
}

// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitTokenScopes.HealthChecks.Internal;

/// <summary>Maps a report to a health status; the data carries the verdict and what to fix, never the token.</summary>
internal sealed class TokenValidationHealthCheck(ITokenValidator validator, Func<TokenValidationRequest> request) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await validator.ValidateAsync(request(), cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object?>
        {
            ["verdict"] = report.Verdict.ToWireName(),
            ["provider"] = report.Provider.ToWireName(),
            ["tokenFingerprint"] = report.TokenFingerprint,
            ["status"] = report.Status?.ToWireName(),
            ["missingScopes"] = report.MissingScopes.Count > 0 ? report.MissingScopes : null,
            ["expiresAt"] = report.ExpiresAt,
            ["warnings"] = report.Warnings.Count > 0 ? report.Warnings.Select(w => w.Code.ToWireName()).ToArray() : null,
        }.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!);
        var description = report.ToString();
        return report.Verdict switch
        {
            ValidationVerdict.Pass when report.Warnings.Any(w => w.Severity == WarningSeverity.Warning) => HealthCheckResult.Degraded(description, data: data),
            ValidationVerdict.Pass => HealthCheckResult.Healthy(description, data),
            ValidationVerdict.Fail => new HealthCheckResult(context.Registration.FailureStatus, description, data: data),
            _ => HealthCheckResult.Degraded(description, data: data),
        };
    }
}

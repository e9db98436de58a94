// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitTokenScopes;

/// <summary>Adds a health check that watches a token (typically the runtime's own Runtime token).</summary>
public static class GitTokenScopesHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check that validates a token on every probe (the validator's cache keeps that cheap): healthy on
    /// <see cref="ValidationVerdict.Pass"/>, degraded on a pass with warnings (an expiring token, a retiring credential
    /// type, skipped checks) and on <see cref="ValidationVerdict.Indeterminate"/> or <see cref="ValidationVerdict.Skipped"/>,
    /// and <paramref name="failureStatus"/> on <see cref="ValidationVerdict.Fail"/>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="request">Builds the request on each probe, so that a rotated token (read from configuration or a secret store) is seen.</param>
    /// <param name="failureStatus">The status on a failed token; the default is <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">
    /// How long a probe may take; the default is the health check service's. Keep it above
    /// <see cref="GitTokenScopesResilienceOptions.TotalTimeout"/>: a probe that times out is reported with
    /// <paramref name="failureStatus"/> by the health check service, which would turn a slow provider into a failure.
    /// </param>
    /// <returns>The value of <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="builder"/> or <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is empty.</exception>
    public static IHealthChecksBuilder AddGitTokenScopesCheck(
        this IHealthChecksBuilder builder,
        string name,
        Func<IServiceProvider, TokenValidationRequest> request,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(request);
        return builder.Add(new HealthCheckRegistration(
            name,
            services => new TokenValidationHealthCheck(services.GetRequiredService<ITokenValidator>(), () => request(services)),
            failureStatus,
            tags,
            timeout));
    }

    /// <summary>Maps a report to a health status; the data carries the verdict and what to fix, never the token.</summary>
    private sealed class TokenValidationHealthCheck(ITokenValidator validator, Func<TokenValidationRequest> request) : IHealthCheck
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
            var warned = report.Warnings.Any(w => w.Severity == WarningSeverity.Warning);
            return report.Verdict switch
            {
                ValidationVerdict.Pass when !warned => HealthCheckResult.Healthy(description, data),
                ValidationVerdict.Fail => new HealthCheckResult(context.Registration.FailureStatus, description, data: data),
                _ => HealthCheckResult.Degraded(description, data: data),
            };
        }
    }
}

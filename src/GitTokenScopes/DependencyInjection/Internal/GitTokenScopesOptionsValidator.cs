// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Catalogue.Internal;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>Validates the edition name and every override at startup; each error names the offending key.</summary>
internal sealed class GitTokenScopesOptionsValidator(GitTokenScopesMarker? marker = null) : IValidateOptions<GitTokenScopesOptions>
{
    public ValidateOptionsResult Validate(string? name, GitTokenScopesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = marker?.Path ?? OverrideParser.DefaultPath;
        var (_, parsed) = OverrideParser.Parse(options, root);
        var errors = new List<string>(parsed);
        errors.AddRange(ValidationErrors(options.Validation, Join(root, "Validation")));
        errors.AddRange(ResilienceErrors(options.Resilience, Join(root, "Resilience")));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Join(string root, string name) => root.Length == 0 ? name : $"{root}:{name}";

    private static IEnumerable<string> ValidationErrors(TokenValidationOptions validation, string at)
    {
        (bool Wrong, string Key, string Rule)[] checks =
        [
            (validation.PassCacheDuration <= TimeSpan.Zero, nameof(validation.PassCacheDuration), $"must be positive; found {validation.PassCacheDuration}."),
            (validation.FailCacheDuration <= TimeSpan.Zero, nameof(validation.FailCacheDuration), $"must be positive; found {validation.FailCacheDuration}."),
            (validation.InvalidationPropagationTime <= TimeSpan.Zero, nameof(validation.InvalidationPropagationTime),
                $"must be positive; found {validation.InvalidationPropagationTime}."),
            (validation.ExpiryWarningWindow < TimeSpan.Zero, nameof(validation.ExpiryWarningWindow),
                $"must not be negative; found {validation.ExpiryWarningWindow}."),
            (!Enum.IsDefined(validation.Runtime.UnknownClauses), "Runtime:UnknownClauses", "must be FailClosed or FailOpen."),
            (!Enum.IsDefined(validation.User.UnknownClauses), "User:UnknownClauses", "must be FailClosed or FailOpen."),
        ];
        return checks.Where(c => c.Wrong).Select(c => $"{at}:{c.Key}: {c.Rule}");
    }

    private static IEnumerable<string> ResilienceErrors(GitTokenScopesResilienceOptions resilience, string at)
    {
        if (!resilience.Enabled)
        {
            return [];
        }

        // Polly's own bounds: a timeout between 10 ms and 24 h, at most 10 retries here by choice (each one costs a provider call).
        var min = TimeSpan.FromMilliseconds(10);
        var max = TimeSpan.FromHours(24);
        (bool Wrong, string Key, string Rule)[] checks =
        [
            (resilience.AttemptTimeout < min || resilience.AttemptTimeout > max, nameof(resilience.AttemptTimeout),
                $"must be between 10 ms and 24 h; found {resilience.AttemptTimeout}."),
            (resilience.TotalTimeout < resilience.AttemptTimeout || resilience.TotalTimeout > max, nameof(resilience.TotalTimeout),
                $"must be at least the attempt timeout and at most 24 h; found {resilience.TotalTimeout}."),
            (resilience.MaxRetryAttempts is < 0 or > 10, nameof(resilience.MaxRetryAttempts),
                $"must be between 0 and 10; found {resilience.MaxRetryAttempts}."),
            (resilience.RetryBaseDelay < TimeSpan.Zero, nameof(resilience.RetryBaseDelay), $"must not be negative; found {resilience.RetryBaseDelay}."),
            (resilience.MaxRetryAfter < TimeSpan.Zero || resilience.MaxRetryAfter >= resilience.TotalTimeout, nameof(resilience.MaxRetryAfter),
                $"must be at least zero and shorter than the total timeout; found {resilience.MaxRetryAfter}."),
        ];
        return checks.Where(c => c.Wrong).Select(c => $"{at}:{c.Key}: {c.Rule}");
    }
}

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
        foreach (var (name, value) in new[]
        {
            (nameof(validation.PassCacheDuration), validation.PassCacheDuration),
            (nameof(validation.FailCacheDuration), validation.FailCacheDuration),
            (nameof(validation.InvalidationPropagationTime), validation.InvalidationPropagationTime),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{at}:{name}: must be positive; found {value}.";
            }
        }

        if (validation.ExpiryWarningWindow < TimeSpan.Zero)
        {
            yield return $"{at}:{nameof(validation.ExpiryWarningWindow)}: must not be negative; found {validation.ExpiryWarningWindow}.";
        }

        foreach (var (kind, policy) in new[] { ("Runtime", validation.Runtime), ("User", validation.User) })
        {
            if (!Enum.IsDefined(policy.UnknownClauses))
            {
                yield return $"{at}:{kind}:{nameof(policy.UnknownClauses)}: must be FailClosed or FailOpen.";
            }
        }
    }

    private static IEnumerable<string> ResilienceErrors(GitTokenScopesResilienceOptions resilience, string at)
    {
        if (!resilience.Enabled)
        {
            yield break;
        }

        // Polly's own bounds: a timeout between 10 ms and 24 h, at most 10 retries here by choice (each one costs a provider call).
        var min = TimeSpan.FromMilliseconds(10);
        var max = TimeSpan.FromHours(24);
        if (resilience.AttemptTimeout < min || resilience.AttemptTimeout > max)
        {
            yield return $"{at}:{nameof(resilience.AttemptTimeout)}: must be between 10 ms and 24 h; found {resilience.AttemptTimeout}.";
        }

        if (resilience.TotalTimeout < resilience.AttemptTimeout || resilience.TotalTimeout > max)
        {
            yield return $"{at}:{nameof(resilience.TotalTimeout)}: must be at least the attempt timeout and at most 24 h; found {resilience.TotalTimeout}.";
        }

        if (resilience.MaxRetryAttempts is < 0 or > 10)
        {
            yield return $"{at}:{nameof(resilience.MaxRetryAttempts)}: must be between 0 and 10; found {resilience.MaxRetryAttempts}.";
        }

        if (resilience.RetryBaseDelay < TimeSpan.Zero)
        {
            yield return $"{at}:{nameof(resilience.RetryBaseDelay)}: must not be negative; found {resilience.RetryBaseDelay}.";
        }

        if (resilience.MaxRetryAfter < TimeSpan.Zero || resilience.MaxRetryAfter >= resilience.TotalTimeout)
        {
            yield return $"{at}:{nameof(resilience.MaxRetryAfter)}: must be at least zero and shorter than the total timeout; found {resilience.MaxRetryAfter}.";
        }
    }
}

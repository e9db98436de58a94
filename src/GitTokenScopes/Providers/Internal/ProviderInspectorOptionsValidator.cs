// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Options;

namespace GitTokenScopes.Providers.Internal;

/// <summary>Checks a provider inspector's options at startup; messages state the rule, then the actual value.</summary>
internal sealed class ProviderInspectorOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : ProviderInspectorOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            builder.AddError($"RequestTimeout must be positive and at most 5 minutes. Actual: {options.RequestTimeout}.", nameof(options.RequestTimeout));
        }

        if (options.MaxResponseBodySize is < 1024 or > 64 * 1024 * 1024)
        {
            builder.AddError($"MaxResponseBodySize must be between 1 KiB and 64 MiB. Actual: {options.MaxResponseBodySize}.", nameof(options.MaxResponseBodySize));
        }

        var limit = options.MaxConcurrentRequestsLimit;
        if (options.MaxConcurrentRequests < 1 || options.MaxConcurrentRequests > limit)
        {
            builder.AddError($"MaxConcurrentRequests must be between 1 and {limit}. Actual: {options.MaxConcurrentRequests}.", nameof(options.MaxConcurrentRequests));
        }

        if (string.IsNullOrWhiteSpace(options.UserAgentProduct) || options.UserAgentProduct.Any(c => char.IsWhiteSpace(c) || c is '/' or '(' or ')'))
        {
            builder.AddError($"UserAgentProduct must be a product token (no spaces, slashes or parentheses). Actual: '{options.UserAgentProduct}'.", nameof(options.UserAgentProduct));
        }

        return builder.Build();
    }
}

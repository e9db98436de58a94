// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Options;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>Checks the Bitbucket Cloud inspector's options at startup; messages state the rule, then the actual value.</summary>
internal sealed class BitbucketCloudInspectorOptionsValidator : IValidateOptions<BitbucketCloudInspectorOptions>
{
    public ValidateOptionsResult Validate(string? name, BitbucketCloudInspectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            builder.AddError($"RequestTimeout must be positive and at most 5 minutes. Actual: {options.RequestTimeout}.", nameof(options.RequestTimeout));
        }

        if (options.MaxConcurrentRequests is < 1 or > 64)
        {
            builder.AddError($"MaxConcurrentRequests must be between 1 and 64. Actual: {options.MaxConcurrentRequests}.", nameof(options.MaxConcurrentRequests));
        }

        if (string.IsNullOrWhiteSpace(options.UserAgentProduct) || options.UserAgentProduct.Any(c => char.IsWhiteSpace(c) || c is '/' or '(' or ')'))
        {
            builder.AddError($"UserAgentProduct must be a product token (no spaces, slashes or parentheses). Actual: '{options.UserAgentProduct}'.", nameof(options.UserAgentProduct));
        }

        return builder.Build();
    }
}

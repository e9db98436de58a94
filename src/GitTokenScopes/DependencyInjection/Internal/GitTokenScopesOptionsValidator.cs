// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Catalogue.Internal;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>Validates the edition name and every override at startup; each error names the offending key.</summary>
internal sealed class GitTokenScopesOptionsValidator(GitTokenScopesConfigurationPath? path = null) : IValidateOptions<GitTokenScopesOptions>
{
    public ValidateOptionsResult Validate(string? name, GitTokenScopesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (_, errors) = OverrideParser.Parse(options, path?.Path ?? OverrideParser.DefaultPath);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Options;

namespace GitTokenScopes.WebApi;

/// <summary>
/// Checks the <c>Runtimes</c> section at startup, naming the key at fault: a misspelt provider or a malformed
/// repository would otherwise show up only when a user checks a token.
/// </summary>
internal sealed class RuntimesOptionsValidator : IValidateOptions<RuntimesOptions>
{
    public ValidateOptionsResult Validate(string? name, RuntimesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Runtimes.Count; i++)
        {
            var runtime = options.Runtimes[i];
            var key = $"{RuntimesOptions.SectionName}:{i}";
            if (string.IsNullOrWhiteSpace(runtime.Name))
            {
                errors.Add($"{key}:Name is required.");
            }
            else if (!seen.Add(runtime.Name.Trim()))
            {
                errors.Add($"{key}:Name: '{runtime.Name}' names a runtime twice.");
            }

            if (!WireNames.TryParse(runtime.Provider, out GitProvider provider))
            {
                errors.Add($"{key}:Provider: '{runtime.Provider}' is not one of {string.Join(", ", WireNames.ProviderNames)}.");
            }
            else if (provider == GitProvider.BitbucketServer && runtime.ServerUrl is null && runtime.ApiUrl is null)
            {
                errors.Add($"{key}: Bitbucket Server has no public instance; set ServerUrl.");
            }

            foreach (var (field, url) in new[] { ("ServerUrl", runtime.ServerUrl), ("ApiUrl", runtime.ApiUrl) })
            {
                if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0))
                {
                    errors.Add($"{key}:{field} must be an absolute http(s) URL without user information, query or fragment.");
                }
            }

            var repositories = runtime.RepositoryRequests().ToList();
            for (var r = 0; r < repositories.Count; r++)
            {
                if (repositories[r] is null)
                {
                    errors.Add($"{key}:Repositories:{r}: '{runtime.Repositories[r]}' is not owner/repo, owner/repo:read or owner/repo:read-write.");
                }
            }

            if (repositories.OfType<RepositoryRequest>().GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                errors.Add($"{key}:Repositories: '{twice.Key}' is named twice.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Options;

namespace GitTokenScopes.WebApi;

/// <summary>The token endpoints.</summary>
internal static class TokenEndpoints
{
    // The reply never quotes the body: a JSON error's path could hold a caller's misplaced token as a member name.
    private const string BadBody = "The body must be one JSON object with only these members: provider, kind, token, serverUrl, apiUrl, "
        + "username, runtime, repositories (each with name and access). It is empty, malformed, has a value of the wrong type or an unknown member.";

    /// <summary>
    /// <c>POST /tokens/validate</c>: validates the token in the body and answers 200 with the report JSON (the verdict is
    /// in the report, not the status code), or 400/415 with problem details naming the fields at fault. Neither echoes
    /// the token nor a URL given with user information, and no token goes to a server off the allow-list.
    /// </summary>
    public static async Task<IResult> ValidateAsync(HttpRequest http, ITokenValidator validator, IOptions<TokenEndpointOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(options);
        var (body, problem) = await JsonBody.ReadAsync(http, WebApiJsonContext.Default.ValidateTokenBody, BadBody, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!WireNames.TryParse(body.Provider, out GitProvider provider))
        {
            errors["provider"] = [$"Must be one of {string.Join(", ", WireNames.ProviderNames)}."];
        }

        if (!WireNames.TryParse(body.Kind, out TokenKind kind))
        {
            errors["kind"] = [$"Must be one of {string.Join(", ", WireNames.TokenKindNames)}."];
        }

        if (string.IsNullOrWhiteSpace(body.Token))
        {
            errors["token"] = ["Required."];
        }

        var repositories = new List<RepositoryRequest>();
        foreach (var (repository, index) in (body.Repositories ?? []).Select((r, i) => (r, i)))
        {
            var access = repository.Access switch
            {
                null or "read-write" => RepositoryAccess.ReadWrite,
                "read" => RepositoryAccess.Read,
                _ => (RepositoryAccess?)null,
            };
            if (access is null || string.IsNullOrWhiteSpace(repository.Name) || !repository.Name.Contains('/', StringComparison.Ordinal))
            {
                errors[$"repositories[{index}]"] = ["Needs a name of the form owner/repo and an access of read or read-write."];
                continue;
            }

            repositories.Add(new RepositoryRequest(repository.Name, access.Value));
        }

        GitCredential? credential = null;
        if (errors.Count == 0)
        {
            try
            {
                // The library rejects user information, queries and control characters without quoting the value.
                credential = new GitCredential(provider, body.Token!, body.ServerUrl, body.ApiUrl, body.Username);
            }
            catch (ArgumentException e)
            {
                errors[e.ParamName ?? "token"] = [e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)];
            }
        }

        foreach (var (field, url) in new[] { ("serverUrl", credential?.ServerUrl), ("apiUrl", credential?.ApiUrl) })
        {
            if (url is not null && !options.Value.Allows(url))
            {
                errors[field] = [$"'{url.GetLeftPart(UriPartial.Authority)}' is not on this service's allow-list ({TokenEndpointOptions.SectionName}:AllowedServers)."];
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var report = await validator.ValidateAsync(new TokenValidationRequest(credential!, kind, body.Runtime, repositories), cancellationToken).ConfigureAwait(false);
        return Results.Text(report.ToJson(), "application/json", statusCode: StatusCodes.Status200OK);
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>The token endpoints.</summary>
internal static class TokenEndpoints
{
    /// <summary>
    /// <c>POST /tokens/validate</c>: validates the token in the body and answers 200 with the report JSON (the verdict is
    /// in the report, not the status code), or 400 with problem details naming the fields at fault. Neither echoes the token.
    /// </summary>
    public static async Task<IResult> ValidateAsync(ValidateTokenBody body, ITokenValidator validator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(validator);
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

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var request = new TokenValidationRequest(
            new GitCredential(provider, body.Token!.Trim(), body.ServerUrl, body.ApiUrl, body.Username),
            kind,
            body.Runtime,
            repositories);
        var report = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        return Results.Text(report.ToJson(), "application/json", statusCode: StatusCodes.Status200OK);
    }
}

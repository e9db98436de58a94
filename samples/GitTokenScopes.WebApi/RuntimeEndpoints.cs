// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.WebApi;

/// <summary>The endpoints behind the Git personal access token page (<c>wwwroot/index.html</c>).</summary>
internal static class RuntimeEndpoints
{
    // As in TokenEndpoints: the reply never quotes the body, which holds a token.
    private const string BadBody = "The body must be one JSON object with only these members: token, username, runtimes (an array of runtime names). "
        + "It is empty, malformed, has a value of the wrong type or an unknown member.";

    /// <summary><c>GET /runtimes</c>: the runtimes the host knows, from configuration.</summary>
    public static IResult List(IOptions<RuntimesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Results.Json(options.Value.Runtimes.Select(RuntimeSummary.From).ToList(), WebApiJsonContext.Default.ListRuntimeSummary);
    }

    /// <summary>
    /// <c>POST /runtimes/user-token/validate</c>: checks one User token for one or several runtimes of one Git server
    /// and answers 200 with <c>{ "tokenFingerprint": …, "reports": [ one report per runtime, in the order asked ] }</c>,
    /// or 400/415 with problem details. Runtimes that need the same repositories share one inspection
    /// (<see cref="ITokenValidator.ValidateForRuntimesAsync"/>); the token is used for this request only.
    /// </summary>
    public static async Task<IResult> CheckUserTokenAsync(HttpRequest http, ITokenValidator validator, IOptions<RuntimesOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(options);

        // The answer holds nothing secret, but it is about one person's token: no cache should keep it.
        http.HttpContext.Response.Headers.CacheControl = "no-store";
        var (body, problem) = await JsonBody.ReadAsync(http, WebApiJsonContext.Default.CheckUserTokenBody, BadBody, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.Token))
        {
            errors["token"] = ["Required."];
        }

        var runtimes = new List<RuntimeOptions>();
        foreach (var (name, index) in (body.Runtimes ?? []).Select((n, i) => (n, i)))
        {
            // A name the host does not know is not quoted back: it may be a token pasted into the wrong field.
            if (options.Value.Find(name) is not { } runtime)
            {
                errors[$"runtimes[{index}]"] = ["Not a runtime this host knows (GET /runtimes lists them)."];
            }
            else if (!runtimes.Contains(runtime))   // a runtime named twice is checked once
            {
                runtimes.Add(runtime);
            }
        }

        if (body.Runtimes is not { Count: > 0 })
        {
            errors["runtimes"] = ["Name at least one runtime (GET /runtimes lists them)."];
        }
        else if (runtimes.Select(r => (r.ProviderValue, r.ServerUrl, r.ApiUrl)).Distinct().Count() > 1)
        {
            // A token belongs to one server; sending it to the others would hand it to servers that never issued it.
            errors["runtimes"] = [$"A token belongs to one Git server, and these runtimes are on several: {string.Join("; ", runtimes.Select(r => $"{r.Name!.Trim()} on {r.Server}"))}. Check it for the runtimes of one server at a time."];
        }

        GitCredential? credential = null;
        if (errors.Count == 0)
        {
            try
            {
                credential = new GitCredential(runtimes[0].ProviderValue, body.Token!, runtimes[0].ServerUrl, runtimes[0].ApiUrl, body.Username);
            }
            catch (ArgumentException e)
            {
                // The library's messages never repeat the value.
                errors[e.ParamName ?? "token"] = [e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)];
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        // One call per set of repositories: a runtime's report must judge its own repositories (and their overrides),
        // so only runtimes that need the same ones can share an inspection.
        var groups = runtimes.GroupBy(RepositoryKey, StringComparer.Ordinal).ToList();
        var answers = await Task.WhenAll(groups.Select(group => validator.ValidateForRuntimesAsync(
            new TokenValidationRequest(credential!, TokenKind.User, runtimeName: null, group.First().RepositoryRequests().OfType<RepositoryRequest>()),
            group.Select(r => r.Name),
            cancellationToken))).ConfigureAwait(false);
        var reports = groups.Zip(answers).SelectMany(pair => pair.First.Zip(pair.Second)).ToDictionary(pair => pair.First, pair => pair.Second);

        return Results.Text(Write(credential!.Fingerprint, runtimes.Select(r => reports[r])), "application/json", statusCode: StatusCodes.Status200OK);
    }

    private static string RepositoryKey(RuntimeOptions runtime)
        => string.Join('\n', runtime.RepositoryRequests().OfType<RepositoryRequest>().Select(r => $"{r.Name.ToUpperInvariant()}|{r.Access.ToWireName()}").Order(StringComparer.Ordinal));

    /// <summary>The reports as the library writes them (the public contract), inside one small envelope.</summary>
    private static string Write(string fingerprint, IEnumerable<TokenValidationReport> reports)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("tokenFingerprint", fingerprint);
            json.WriteStartArray("reports");
            foreach (var report in reports)
            {
                json.WriteRawValue(report.ToJson());
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

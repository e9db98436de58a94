// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GitTokenScopes.WebApi;

/// <summary>
/// Reads an endpoint's JSON body, or says why not as problem details: 415 for another content type, 400 (with the
/// endpoint's own description of the body) for malformed JSON, unknown members or no object at all.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest http, JsonTypeInfo<T> type, string expected, CancellationToken cancellationToken)
        where T : class
    {
        if (!http.HasJsonContentType())
        {
            return (null, Results.Problem("The body must be JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        T? body;
        try
        {
            body = await http.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            body = null;
        }

        return body is null ? (null, Results.Problem(expected, statusCode: StatusCodes.Status400BadRequest)) : (body, null);
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;

namespace GitTokenScopes.Testing.Tests.DocumentedExamples;

/// <summary>One GET to a fake over loopback: the status and the body, for comparing with a documented example.</summary>
internal static class DocumentedHttp
{
    private static readonly HttpClient Client = new();

    public static async Task<(int Status, string Body)> GetAsync(Uri url, string? authorization = null, string? privateToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        if (privateToken is not null)
        {
            request.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", privateToken);
        }

        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The failure message: the violations, one a line, then the body.</summary>
    public static string Because(IReadOnlyList<string> violations, string body)
        => $"the answer must have the documented shape ({violations.Count} differences):\n{string.Join("\n", violations)}\nbody: {body}";
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using System.Text.Json;

namespace GitTokenScopes.Testing.Tests.GitLab;

/// <summary>Plain <see cref="HttpClient"/> calls to a <see cref="FakeGitLabServer"/>, as any GitLab client would make them.</summary>
internal static class GitLabHttp
{
    private static readonly HttpClient Client = new();

    public static Task<HttpResponseMessage> GetAsync(this FakeGitLabServer server, string relativePath, FakeGitLabToken? token = null)
        => server.SendAsync("GET", relativePath, token is null ? [] : [("PRIVATE-TOKEN", token.Value)]);

    public static async Task<HttpResponseMessage> SendAsync(
        this FakeGitLabServer server, string method, string relativePath, (string Name, string Value)[] headers, string? body = null, Uri? baseUrl = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(baseUrl ?? server.ApiUrl, relativePath));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    /// <summary>A header's value as received (response or content headers); <see langword="null"/> when absent.</summary>
    public static string? Header(this HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;

    public static Task<string> BodyAsync(this HttpResponseMessage response) => response.Content.ReadAsStringAsync();

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using System.Text.Json;

namespace GitTokenScopes.Testing.Tests.GitHub;

/// <summary>Plain <see cref="HttpClient"/> calls to a <see cref="FakeGitHubServer"/>, as any client would make them.</summary>
internal static class GitHubHttp
{
    private static readonly HttpClient Client = new();

    public static Task<HttpResponseMessage> SendAsync(
        this FakeGitHubServer server, string method, string relativePath, FakeGitHubToken? token = null, string? body = null)
        => server.SendAsync(method, relativePath, token is null ? null : $"token {token.Value}", body);

    public static Task<HttpResponseMessage> GetAsync(this FakeGitHubServer server, string relativePath, FakeGitHubToken? token = null)
        => server.SendAsync("GET", relativePath, token);

    public static async Task<HttpResponseMessage> SendAsync(
        this FakeGitHubServer server, string method, string relativePath, string? authorization, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(server.ApiUrl, relativePath));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
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

    public static string Message(this JsonElement json) => json.GetProperty("message").GetString()!;
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GitTokenScopes.WebApi.Tests;

/// <summary>The token page's files: served from wwwroot with a policy that allows only this host, and nothing external.</summary>
public sealed partial class TokenPageFilesTests : IDisposable
{
    private readonly WebApiFactory _factory = new();

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task PageFiles_AreServedWithASelfOnlyPolicy(string path, string mediaType)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (response.Content.Headers.ContentType?.MediaType).Should().Be(mediaType);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
    }

    [Fact]
    public async Task PageFiles_LoadNothingFromAnotherHost()
    {
        using var client = _factory.CreateClient();

        foreach (var path in new[] { "/", "/app.js", "/app.css" })
        {
            var text = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Absolute().Matches(text).Select(m => m.Value).Should().BeEmpty($"{path} must reference only this host's files");
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePageEndpoints()
    {
        using var client = _factory.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        document["paths"]!["/runtimes"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["items"]!["$ref"]!
            .GetValue<string>().Should().Be("#/components/schemas/RuntimeSummary");
        document["paths"]!["/runtimes/user-token/validate"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!
            .GetValue<string>().Should().Be("#/components/schemas/CheckUserTokenBody");
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A URL with a scheme or a protocol-relative one (<c>//cdn…</c>) in an attribute, a CSS url() or a string.</summary>
    [GeneratedRegex(@"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Absolute();
}

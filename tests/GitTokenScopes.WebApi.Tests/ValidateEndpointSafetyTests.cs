// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.WebApi.Tests;

/// <summary>The endpoint is no open relay, rejects what it cannot read, and answers every error as problem details.</summary>
public sealed class ValidateEndpointSafetyTests : IDisposable
{
    private const string ProblemJson = "application/problem+json";
    private readonly WebApiFactory _factory = new();

    [Fact]
    public async Task ServerNotOnTheAllowList_Returns400ProblemAndSendsTheTokenNowhere()
    {
        using var factory = new WebApiFactory(allowFakes: false);
        var token = factory.GoodRuntimeToken();

        var (status, type, text) = await PostAsync(factory, Body(token.Value, apiUrl: factory.GitHub.ApiUrl));

        status.Should().Be(HttpStatusCode.BadRequest);
        type.Should().Be(ProblemJson);
        ErrorsOf(text).Should().ContainKey("apiUrl").WhoseValue.Should().Contain(factory.GitHub.Url.GetLeftPart(UriPartial.Authority));
        factory.GitHub.Requests.Should().BeEmpty("the default allow-list holds the public providers only");
    }

    [Fact]
    public async Task ConfiguredAllowList_ReplacesThePublicDefault()
    {
        _factory.With("TokenEndpoint:AllowedServers:0", "https://ghe.example.com");
        var token = _factory.GoodRuntimeToken();

        var (status, _, text) = await PostAsync(_factory, Body(token.Value, serverUrl: new Uri("https://github.com")));

        status.Should().Be(HttpStatusCode.BadRequest, "github.com is not on a list that names only the host's own server");
        ErrorsOf(text).Should().ContainKey("serverUrl");
    }

    [Theory]
    [InlineData("https://api.github.com/", true)]
    [InlineData("https://github.com", true)]
    [InlineData("https://gitlab.com/", true)]
    [InlineData("https://api.bitbucket.org/2.0/", true)]
    [InlineData("https://bitbucket.org", true)]
    [InlineData("https://api.github.com:8443/", false)]
    [InlineData("http://api.github.com/", false)]
    [InlineData("https://gitlab.example.com/", false)]
    [InlineData("https://bitbucket.example.com/", false)]
    [InlineData("http://127.0.0.1:8080/", false)]
    public void DefaultAllowList_HoldsThePublicProvidersOnly(string url, bool allowed)
        => new TokenEndpointOptions().Allows(new Uri(url)).Should().Be(allowed, "Bitbucket Server and every self-hosted server need configuration");

    [Fact]
    public async Task UnknownMember_Returns400ProblemInsteadOfPassingWithNothingChecked()
    {
        var token = _factory.GoodRuntimeToken();
        var body = Body(token.Value, apiUrl: _factory.GitHub.ApiUrl);
        body["repos"] = new JsonArray(new JsonObject { ["name"] = WebApiFactory.ConfigRepository });

        var (status, type, text) = await PostAsync(_factory, body);

        status.Should().Be(HttpStatusCode.BadRequest, text);
        type.Should().Be(ProblemJson);
        text.Should().Contain("repositories").And.NotContain(token.Value);
        _factory.GitHub.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{ \"provider\": \"github\", \"token\": \"ghp_mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm\", \"kind\": ")]
    [InlineData("{ \"provider\": \"github\", \"token\": 42 }")]
    public async Task EmptyOrMalformedBody_Returns400ProblemWithoutTheToken(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var (status, type, text) = await SendAsync(_factory, content);

        status.Should().Be(HttpStatusCode.BadRequest);
        type.Should().Be(ProblemJson);
        JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32().Should().Be(400);
        text.Should().NotContain("mmmmmmmmmmmm");
    }

    [Fact]
    public async Task BodyThatIsNotJson_Returns415Problem()
    {
        using var content = new StringContent("provider=github&token=ghp_x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var (status, type, text) = await SendAsync(_factory, content);

        status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        type.Should().Be(ProblemJson);
        text.Should().NotContain("ghp_x");
    }

    [Theory]
    [InlineData("serverUrl")]
    [InlineData("apiUrl")]
    public async Task UserInfoInAUrl_Returns400ProblemWithoutTheUrlOrItsSecret(string field)
    {
        var secret = "glpat-" + new string('u', 20);
        var body = Body("ghp_" + new string('w', 36));
        body[field] = $"https://oauth2:{secret}@{_factory.GitHub.Url.Authority}/";

        var (status, type, text) = await PostAsync(_factory, body);

        status.Should().Be(HttpStatusCode.BadRequest);
        type.Should().Be(ProblemJson);
        ErrorsOf(text).Should().ContainKey(field).WhoseValue.Should().Contain("user information");
        text.Should().NotContain(secret).And.NotContain("oauth2").And.NotContain(_factory.GitHub.Url.Authority);
        _factory.GitHub.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/tokens", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (response.Content.Headers.ContentType?.MediaType).Should().Be(ProblemJson);
    }

    [Fact]
    public async Task ValidatorThatThrows_Returns500ProblemWithoutTheExceptionOrTheToken()
    {
        _factory.TestServices = services => services.AddSingleton<ITokenValidator, ThrowingValidator>();
        var token = _factory.GoodRuntimeToken();

        var (status, type, text) = await PostAsync(_factory, Body(token.Value, apiUrl: _factory.GitHub.ApiUrl));

        status.Should().Be(HttpStatusCode.InternalServerError);
        type.Should().Be(ProblemJson);
        text.Should().NotContain(ThrowingValidator.Message).And.NotContain(token.Value);
    }

    public void Dispose() => _factory.Dispose();

    private static JsonObject Body(string token, Uri? apiUrl = null, Uri? serverUrl = null)
    {
        var body = new JsonObject { ["provider"] = "github", ["kind"] = "runtime", ["token"] = token };
        if (apiUrl is not null)
        {
            body["apiUrl"] = apiUrl.AbsoluteUri;
        }

        if (serverUrl is not null)
        {
            body["serverUrl"] = serverUrl.AbsoluteUri;
        }

        return body;
    }

    private static Dictionary<string, string> ErrorsOf(string problem)
        => JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join(' ', p.Value.EnumerateArray().Select(m => m.GetString())), StringComparer.Ordinal);

    private static async Task<(HttpStatusCode Status, string? Type, string Text)> PostAsync(WebApiFactory factory, JsonObject body)
    {
        using var content = JsonContent.Create(body);
        return await SendAsync(factory, content);
    }

    private static async Task<(HttpStatusCode Status, string? Type, string Text)> SendAsync(WebApiFactory factory, HttpContent content)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/tokens/validate", UriKind.Relative), content);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private sealed class ThrowingValidator : ITokenValidator
    {
        public const string Message = "internal detail: connection string Server=db;Password=hunter2";

        public Task<TokenValidationReport> ValidateAsync(TokenValidationRequest request, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException(Message);

        public Task<IReadOnlyList<TokenValidationReport>> ValidateForRuntimesAsync(TokenValidationRequest request, IEnumerable<string?> runtimeNames, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException(Message);

        public ValueTask InvalidateAsync(GitCredential credential, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException(Message);
    }
}

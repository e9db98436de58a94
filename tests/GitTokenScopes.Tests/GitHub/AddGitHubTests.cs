// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.GitHub;

public sealed class AddGitHubTests
{
    [Fact]
    public void AddGitHub_Twice_RegistersOneInspectorAndOneClient()
    {
        var services = new ServiceCollection();

        services.AddGitTokenScopes().AddGitHub().AddGitHub(o => o.MaxConcurrentRequests = 8);
        using var provider = services.BuildServiceProvider();

        provider.GetServices<ITokenInspector>().Should().ContainSingle().Which.Provider.Should().Be(GitProvider.GitHub);
        provider.GetRequiredService<IOptions<GitHubInspectorOptions>>().Value.MaxConcurrentRequests.Should().Be(8);
        PrimaryHandler(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GitTokenScopesHttpClientNames.GitHub))
            .Should().BeOfType<SocketsHttpHandler>().Which.AllowAutoRedirect.Should().BeFalse("Octokit's redirect handler decides, and drops the token off-host");
        services.Count(d => d.ServiceType == typeof(IValidateOptions<GitHubInspectorOptions>)).Should().Be(1);
    }

    [Fact]
    public void AddGitHub_NamedClient_HasNoLoggingHandlers()
    {
        using var provider = new ServiceCollection().AddLogging().AddGitTokenScopes().AddGitHub().Services.BuildServiceProvider();

        var chain = Chain(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GitTokenScopesHttpClientNames.GitHub));

        chain.Select(h => h.GetType().Name).Should().NotContain(n => n.Contains("Logging", StringComparison.Ordinal), "the factory's logging handlers keep header values in their structured state");
    }

    [Theory]
    [InlineData(0, 30, "MaxConcurrentRequests must be between 1 and 256. Actual: 0.")]
    [InlineData(16, 0, "RequestTimeout must be positive and at most 5 minutes. Actual: 00:00:00.")]
    public void AddGitHub_InvalidOptions_FailWithTheRuleAndTheValue(int concurrency, int timeoutSeconds, string expected)
    {
        using var provider = new ServiceCollection().AddGitTokenScopes()
            .AddGitHub(o => { o.MaxConcurrentRequests = concurrency; o.RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds); })
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<GitHubInspectorOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainMatch("*" + expected);
    }

    [Fact]
    public void AddGitHub_FromConfiguration_BindsOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "GitHub": { "RequestTimeout": "00:00:05", "UserAgentProduct": "MyPlatform" } }""")))
            .Build();
        using var provider = new ServiceCollection().AddGitTokenScopes().AddGitHub(configuration.GetSection("GitHub")).Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GitHubInspectorOptions>>().Value;

        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.UserAgentProduct.Should().Be("MyPlatform");
    }

    [Fact]
    public void AddGitHub_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddGitTokenScopes();

        FluentActions.Invoking(() => GitTokenScopesBuilderExtensions.AddGitHub(null!)).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => builder.AddGitHub((Action<GitHubInspectorOptions>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configure");
        FluentActions.Invoking(() => builder.AddGitHub((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
    }

    private static List<HttpMessageHandler> Chain(HttpMessageHandler handler)
    {
        var chain = new List<HttpMessageHandler> { handler };
        while (chain[^1] is DelegatingHandler { InnerHandler: { } inner })
        {
            chain.Add(inner);
        }

        return chain;
    }

    private static HttpMessageHandler PrimaryHandler(HttpMessageHandler handler) => Chain(handler)[^1];
}

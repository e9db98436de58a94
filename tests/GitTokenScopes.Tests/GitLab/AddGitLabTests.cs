// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.GitLab;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.GitLab;

public sealed class AddGitLabTests
{
    [Fact]
    public void AddGitLab_Twice_RegistersOneInspectorAndOneClient()
    {
        var services = new ServiceCollection();

        services.AddGitTokenScopes().AddGitLab().AddGitLab(o => o.MaxConcurrentRequests = 4);
        using var provider = services.BuildServiceProvider();

        provider.GetServices<ITokenInspector>().Should().ContainSingle().Which.Provider.Should().Be(GitProvider.GitLab);
        provider.GetRequiredService<IOptions<GitLabInspectorOptions>>().Value.MaxConcurrentRequests.Should().Be(4);
        PrimaryHandler(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GitTokenScopesHttpClientNames.GitLab))
            .Should().BeOfType<SocketsHttpHandler>().Which.AllowAutoRedirect.Should().BeFalse("the token must never follow a redirect to another host");
        services.Count(d => d.ServiceType == typeof(IValidateOptions<GitLabInspectorOptions>)).Should().Be(1);
    }

    [Fact]
    public void AddGitLab_WithGitHub_RegistersBothInspectors()
    {
        using var provider = new ServiceCollection().AddGitTokenScopes().AddGitHub().AddGitLab().Services.BuildServiceProvider();

        provider.GetServices<ITokenInspector>().Select(i => i.Provider).Should().BeEquivalentTo([GitProvider.GitHub, GitProvider.GitLab]);
    }

    [Fact]
    public void AddGitLab_NamedClient_HasNoLoggingHandlers()
    {
        using var provider = new ServiceCollection().AddLogging().AddGitTokenScopes().AddGitLab().Services.BuildServiceProvider();

        var chain = Chain(provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GitTokenScopesHttpClientNames.GitLab));

        chain.Select(h => h.GetType().Name).Should().NotContain(n => n.Contains("Logging", StringComparison.Ordinal), "the factory's logging handlers keep header values (PRIVATE-TOKEN) in their structured state");
    }

    [Theory]
    [InlineData(0, 30, "GitTokenScopes", "MaxConcurrentRequests must be between 1 and 256. Actual: 0.")]
    [InlineData(16, 0, "GitTokenScopes", "RequestTimeout must be positive and at most 5 minutes. Actual: 00:00:00.")]
    [InlineData(16, 400, "GitTokenScopes", "RequestTimeout must be positive and at most 5 minutes. Actual: 00:06:40.")]
    [InlineData(16, 30, "My Platform", "UserAgentProduct must be a product token (no spaces, slashes or parentheses). Actual: 'My Platform'.")]
    public void AddGitLab_InvalidOptions_FailWithTheRuleAndTheValue(int concurrency, int timeoutSeconds, string product, string expected)
    {
        using var provider = new ServiceCollection().AddGitTokenScopes()
            .AddGitLab(o => { o.MaxConcurrentRequests = concurrency; o.RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds); o.UserAgentProduct = product; })
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<GitLabInspectorOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainMatch("*" + expected);
    }

    [Fact]
    public void AddGitLab_FromConfiguration_BindsOptions()
    {
        var configuration = Configuration("""{ "GitLab": { "RequestTimeout": "00:00:05", "MaxConcurrentRequests": 3 } }""");
        using var provider = new ServiceCollection().AddGitTokenScopes().AddGitLab(configuration.GetSection("GitLab")).Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GitLabInspectorOptions>>().Value;

        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.MaxConcurrentRequests.Should().Be(3);
        options.UserAgentProduct.Should().Be("GitTokenScopes");
    }

    [Fact]
    public void AddGitLab_FromConfiguration_UnknownKeyFails()
    {
        var configuration = Configuration("""{ "GitLab": { "RequestTimeOut2": "00:00:05" } }""");
        using var provider = new ServiceCollection().AddGitTokenScopes().AddGitLab(configuration.GetSection("GitLab")).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<GitLabInspectorOptions>>().Value;

        act.Should().Throw<InvalidOperationException>().WithMessage("*RequestTimeOut2*");
    }

    [Fact]
    public void AddGitLab_EmptySection_Throws()
    {
        var configuration = Configuration("""{ "Other": 1 }""");

        var act = () => new ServiceCollection().AddGitTokenScopes().AddGitLab(configuration.GetSection("GitLab"));

        act.Should().Throw<ArgumentException>().WithParameterName("configuration");
    }

    [Fact]
    public void AddGitLab_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddGitTokenScopes();

        FluentActions.Invoking(() => GitTokenScopesBuilderExtensions.AddGitLab(null!)).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => builder.AddGitLab((Action<GitLabInspectorOptions>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configure");
        FluentActions.Invoking(() => builder.AddGitLab((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
    }

    private static IConfigurationRoot Configuration(string json)
        => new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

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

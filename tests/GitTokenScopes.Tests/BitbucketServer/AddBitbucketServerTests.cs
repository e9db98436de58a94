// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.BitbucketServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.BitbucketServer;

public sealed class AddBitbucketServerTests
{
    [Fact]
    public void AddBitbucketServer_Twice_RegistersOneInspectorOneValidatorAndOneClient()
    {
        var services = new ServiceCollection();

        services.AddGitTokenScopes().AddBitbucketServer().AddBitbucketServer(o => o.MaxConcurrentRequests = 3);
        using var provider = services.BuildServiceProvider();

        provider.GetServices<ITokenInspector>().Should().ContainSingle().Which.Provider.Should().Be(GitProvider.BitbucketServer);
        provider.GetRequiredService<IOptions<BitbucketServerInspectorOptions>>().Value.MaxConcurrentRequests.Should().Be(3);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<BitbucketServerInspectorOptions>)).Should().Be(1);
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GitTokenScopesHttpClientNames.BitbucketServer);
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        handler.Should().BeOfType<SocketsHttpHandler>().Which.AllowAutoRedirect.Should().BeFalse("the credential must never follow a redirect to another host");
    }

    [Theory]
    [InlineData(0, 30, "MaxConcurrentRequests must be between 1 and 64. Actual: 0.")]
    [InlineData(65, 30, "MaxConcurrentRequests must be between 1 and 64. Actual: 65.")]
    [InlineData(4, 0, "RequestTimeout must be positive and at most 5 minutes. Actual: 00:00:00.")]
    public void AddBitbucketServer_InvalidOptions_FailWithTheRuleAndTheValue(int concurrency, int timeoutSeconds, string expected)
    {
        using var provider = new ServiceCollection().AddGitTokenScopes()
            .AddBitbucketServer(o => { o.MaxConcurrentRequests = concurrency; o.RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds); })
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<BitbucketServerInspectorOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainMatch("*" + expected);
    }

    [Fact]
    public void AddBitbucketServer_FromConfiguration_BindsOptionsAndRejectsUnknownKeys()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "Server": { "RequestTimeout": "00:00:05", "UserAgentProduct": "MyPlatform", "ReadTokenMetadata": false }, "Typo": { "RequestTimeot": "00:00:05" } }""")))
            .Build();
        using var provider = new ServiceCollection().AddGitTokenScopes().AddBitbucketServer(configuration.GetSection("Server")).Services.BuildServiceProvider();
        using var typo = new ServiceCollection().AddGitTokenScopes().AddBitbucketServer(configuration.GetSection("Typo")).Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<BitbucketServerInspectorOptions>>().Value;

        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.UserAgentProduct.Should().Be("MyPlatform");
        options.ReadTokenMetadata.Should().BeFalse();
        FluentActions.Invoking(() => typo.GetRequiredService<IOptions<BitbucketServerInspectorOptions>>().Value).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => new ServiceCollection().AddGitTokenScopes().AddBitbucketServer(configuration.GetSection("Missing")))
            .Should().Throw<ArgumentException>().WithParameterName("configuration");
    }

    [Fact]
    public void AddBitbucketServer_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddGitTokenScopes();

        FluentActions.Invoking(() => GitTokenScopesBuilderExtensions.AddBitbucketServer(null!)).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => builder.AddBitbucketServer((Action<BitbucketServerInspectorOptions>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configure");
        FluentActions.Invoking(() => builder.AddBitbucketServer((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
    }
}

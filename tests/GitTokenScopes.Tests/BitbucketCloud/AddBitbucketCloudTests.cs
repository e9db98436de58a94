// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.BitbucketCloud;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.BitbucketCloud;

public sealed class AddBitbucketCloudTests
{
    [Fact]
    public void AddBitbucketCloud_Twice_RegistersOneInspectorOneValidatorAndOneClient()
    {
        var services = new ServiceCollection();

        services.AddGitTokenScopes().AddBitbucketCloud().AddBitbucketCloud(o => o.MaxConcurrentRequests = 3);
        using var provider = services.BuildServiceProvider();

        provider.GetServices<ITokenInspector>().Should().ContainSingle().Which.Provider.Should().Be(GitProvider.BitbucketCloud);
        provider.GetRequiredService<IOptions<BitbucketCloudInspectorOptions>>().Value.MaxConcurrentRequests.Should().Be(3);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<BitbucketCloudInspectorOptions>)).Should().Be(1);
        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(GitTokenScopesHttpClientNames.BitbucketCloud);
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
    public void AddBitbucketCloud_InvalidOptions_FailWithTheRuleAndTheValue(int concurrency, int timeoutSeconds, string expected)
    {
        using var provider = new ServiceCollection().AddGitTokenScopes()
            .AddBitbucketCloud(o => { o.MaxConcurrentRequests = concurrency; o.RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds); })
            .Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<BitbucketCloudInspectorOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainMatch("*" + expected);
    }

    [Fact]
    public void AddBitbucketCloud_FromConfiguration_BindsOptionsAndRejectsUnknownKeys()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "Cloud": { "RequestTimeout": "00:00:05", "UserAgentProduct": "MyPlatform" }, "Typo": { "RequestTimeot": "00:00:05" } }""")))
            .Build();
        using var provider = new ServiceCollection().AddGitTokenScopes().AddBitbucketCloud(configuration.GetSection("Cloud")).Services.BuildServiceProvider();
        using var typo = new ServiceCollection().AddGitTokenScopes().AddBitbucketCloud(configuration.GetSection("Typo")).Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<BitbucketCloudInspectorOptions>>().Value;

        options.RequestTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.UserAgentProduct.Should().Be("MyPlatform");
        FluentActions.Invoking(() => typo.GetRequiredService<IOptions<BitbucketCloudInspectorOptions>>().Value).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => new ServiceCollection().AddGitTokenScopes().AddBitbucketCloud(configuration.GetSection("Missing")))
            .Should().Throw<ArgumentException>().WithParameterName("configuration");
    }

    [Fact]
    public void AddBitbucketCloud_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddGitTokenScopes();

        FluentActions.Invoking(() => GitTokenScopesBuilderExtensions.AddBitbucketCloud(null!)).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => builder.AddBitbucketCloud((Action<BitbucketCloudInspectorOptions>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configure");
        FluentActions.Invoking(() => builder.AddBitbucketCloud((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
    }
}

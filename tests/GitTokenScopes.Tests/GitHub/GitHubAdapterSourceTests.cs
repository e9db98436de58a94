// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>The inspector's one Octokit adapter: shared between inspections, renewed after the named client's handler lifetime.</summary>
public sealed class GitHubAdapterSourceTests
{
    [Fact]
    public void Adapter_IsSharedWithinTheHandlerLifetime_AndRenewedAfterIt()
    {
        var time = new FakeTimeProvider();
        using var services = Services(TimeSpan.FromMinutes(2));
        var source = Source(services, time);

        var first = source.Current;
        time.Advance(TimeSpan.FromMinutes(1));
        source.Current.Should().BeSameAs(first);

        time.Advance(TimeSpan.FromMinutes(1.5));
        var renewed = source.Current;
        renewed.Should().NotBeSameAs(first);
        source.Current.Should().BeSameAs(renewed);
    }

    [Fact]
    public void InfiniteHandlerLifetime_KeepsOneAdapter()
    {
        var time = new FakeTimeProvider();
        using var services = Services(Timeout.InfiniteTimeSpan);
        var source = Source(services, time);

        var first = source.Current;
        time.Advance(TimeSpan.FromDays(1));

        source.Current.Should().BeSameAs(first);
    }

    private static ServiceProvider Services(TimeSpan lifetime)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(GitTokenScopesHttpClientNames.GitHub).SetHandlerLifetime(lifetime);
        return services.BuildServiceProvider();
    }

    private static GitHubAdapterSource Source(ServiceProvider services, TimeProvider time)
        => new(services.GetRequiredService<IHttpMessageHandlerFactory>(), services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>(), time);
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;
using GitTokenScopes.Resilience.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>Registers the library's named HTTP clients, once each, with the same transport rules for every provider.</summary>
internal static class LibraryHttpClients
{
    /// <summary>
    /// Registers one of the library's named clients unless it is already registered: no automatic redirects but the
    /// <see cref="RedirectGuard"/> outermost (a GET follows to the same origin only; the credential never reaches another,
    /// also beneath Octokit's adapter, which takes this chain as its handler) and none of the factory's logging handlers, whose
    /// structured state carries header values; no time-out of the client's own (the inspector's per-request budget and
    /// the resilience pipeline's attempt and total time-outs govern); then the default resilience pipeline
    /// (<see cref="ResiliencePipelines"/>).
    /// </summary>
    public static IHttpClientBuilder? AddOnce(IServiceCollection services, string name)
    {
        var marker = new LibraryHttpClientMarker(name);
        if (services.Any(d => d.ServiceType == typeof(LibraryHttpClientMarker) && Equals(d.ImplementationInstance, marker)))
        {
            return null;
        }

        services.AddSingleton(marker);
        var client = services.AddHttpClient(name)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers()
            .AddHttpMessageHandler(() => new RedirectGuard());
        ResiliencePipelines.Add(client);
        return client;
    }

    private sealed record LibraryHttpClientMarker(string Name);
}

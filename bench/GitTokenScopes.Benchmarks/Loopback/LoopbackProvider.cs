// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Benchmarks.Loopback;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 that answers as GitHub, GitLab, Bitbucket Cloud and Bitbucket Server answer a
/// valid token holding every scope the seed asks for (see <see cref="LoopbackAnswers"/>), optionally after a fixed
/// delay (a simulated round trip) and with injected faults. It counts every request it receives.
/// </summary>
internal sealed class LoopbackProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;

    private LoopbackProvider(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Gets or sets the delay before every answer: the simulated provider round trip.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Gets or sets the faults to inject; <see langword="null"/> answers every request well.</summary>
    public LoopbackFaults? Faults { get; set; }

    public long RequestCount => Interlocked.Read(ref _requests);

    public Uri GitHubApi => new(BaseAddress, "github/");

    public Uri GitLabApi => new(BaseAddress, "gitlab/api/v4/");

    public Uri BitbucketCloudApi => new(BaseAddress, "bitbucket/2.0/");

    public Uri BitbucketServerApi => new(BaseAddress, "bbs/rest/api/1.0/");

    public static async Task<LoopbackProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxConcurrentConnections = null);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackProvider? self = null;
        app.Run(context => self!.AnswerAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new LoopbackProvider(app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    public long ResetCount() => Interlocked.Exchange(ref _requests, 0);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var aborted = context.RequestAborted;
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, aborted).ConfigureAwait(false);
            }

            switch (Faults?.Next() ?? LoopbackFault.None)
            {
                case LoopbackFault.ServerError:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("""{"message":"Server Error"}""", aborted).ConfigureAwait(false);
                    return;
                case LoopbackFault.Reset:
                    context.Abort();
                    return;
                case LoopbackFault.Slow:
                    await Task.Delay(Faults!.SlowDelay, aborted).ConfigureAwait(false);
                    break;
            }

            await LoopbackAnswers.WriteAsync(context, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (its attempt timeout); nothing is left to answer.
        }
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace GitTokenScopes.Testing.Internal;

/// <summary>
/// What every fake does with WireMock: start it on <c>127.0.0.1</c> and a free port with one catch-all callback (the
/// fake's own router answers), log and keep nothing, and stop it once, cancelling the answers still being delayed.
/// </summary>
internal sealed class FakeWireHost : IDisposable
{
    private readonly WireMockServer _server;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <summary>Starts the server; every request goes to <paramref name="answer"/>.</summary>
    /// <param name="answer">The fake's handler.</param>
    public FakeWireHost(Func<IRequestMessage, Task<IResponseMessage>> answer)
    {
        Stopping = _stopping.Token;
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            MaxRequestLogCount = 0,
            DisableJsonBodyParsing = true,
            Logger = new WireMockNullLogger(),
        });
        _server.Given(Request.Create()).RespondWith(Response.Create().WithCallback(answer));
        Port = _server.Ports[0];
    }

    /// <summary>Gets the port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Gets a token cancelled when the server stops, so that delayed answers end at once.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>The first value of a request header, looked up ignoring case; <see langword="null"/> when absent.</summary>
    public static string? Header(IRequestMessage request, string name)
        => request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <summary>Stops the server; answers still delayed end at once. Safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _server.Stop();
        _server.Dispose();
        _stopping.Dispose();
    }
}

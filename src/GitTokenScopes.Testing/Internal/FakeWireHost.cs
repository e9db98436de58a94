// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GitTokenScopes.Testing.Internal;

/// <summary>
/// The HTTP/1.1 server every fake runs on: <c>127.0.0.1</c> and a port the system picks, connections kept alive and
/// served concurrently, request bodies sized by <c>Content-Length</c> or chunked, every request to the fake's handler,
/// nothing logged. In-box and Native AOT-clean. A socket rather than <see cref="HttpListener"/>, which takes no port 0,
/// answers 404 to a <c>Host</c> other than its prefix's (<c>localhost</c>) unless it listens on every interface, and on
/// Windows needs a URL reservation for <c>127.0.0.1</c>.
/// </summary>
internal sealed class FakeWireHost : IDisposable
{
    // Longer request or header lines are no client a fake serves; a body larger than this is not one either.
    private const int MaxLineLength = 32 * 1024;
    private const int MaxBodyLength = 16 * 1024 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<FakeWireRequest, Task<FakeWireResponse>> _answer;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpClient, Task> _connections = new();
    private int _disposed;

    /// <summary>Starts the server; every request goes to <paramref name="answer"/>.</summary>
    /// <param name="answer">The fake's handler.</param>
    /// <param name="time">The fake's clock, which its <c>Date</c> header tells, as its rate-limit headers do.</param>
    public FakeWireHost(Func<FakeWireRequest, Task<FakeWireResponse>> answer, TimeProvider time)
    {
        _answer = answer;
        _time = time;
        Stopping = _stopping.Token;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    /// <summary>Gets the port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Gets a token cancelled when the server stops, so that delayed answers end at once.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Stops the server; answers still delayed end at once. Safe to call twice.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Delayed answers end now and still go out (the fakes answer 503); connections waiting for a request close.
        // Whatever has not ended within two seconds (a client that stopped reading) is cut.
        _stopping.Cancel();
        _listener.Stop();
        Task.WhenAll(_connections.Values).Wait(TimeSpan.FromSeconds(2));
        foreach (var client in _connections.Keys)
        {
            client.Dispose();
        }

        _stopping.Dispose();
    }

    private static async Task<string?> ReadLineAsync(Stream input, CancellationToken stopping)
    {
        // Byte by byte from a buffered stream: the head is short, and what follows it (the body) stays unread.
        var line = new StringBuilder();
        var one = new byte[1];
        while (await input.ReadAsync(one, stopping).ConfigureAwait(false) == 1)
        {
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append(line.Length < MaxLineLength ? (char)one[0] : throw new InvalidDataException("Line too long."));
        }

        return line.Length == 0 ? null : throw new IOException("The connection closed mid-line.");
    }

    private static int Length(string? text, NumberStyles style)
        => int.TryParse(text?.Split(';')[0].Trim(), style, CultureInfo.InvariantCulture, out var length) && length is >= 0 and <= MaxBodyLength
            ? length
            : throw new InvalidDataException("Malformed body length.");

    private byte[] Serialize(FakeWireRequest request, FakeWireResponse response, bool keepAlive)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.StatusCode} {Reason(response.StatusCode)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {_time.GetUtcNow():R}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n").Append(keepAlive ? "\r\n" : "Connection: close\r\n\r\n");
        var bytes = Encoding.Latin1.GetBytes(head.ToString());
        return request.IsHead ? bytes : [.. bytes, .. body];
    }

    // The reason phrases Kestrel (and so the fakes before this host) sent; an unusual code gets none (RFC 9112 §4).
    private static string Reason(int status) => status switch
    {
        200 => "OK", 201 => "Created", 202 => "Accepted", 204 => "No Content", 301 => "Moved Permanently", 302 => "Found",
        304 => "Not Modified", 307 => "Temporary Redirect", 308 => "Permanent Redirect", 400 => "Bad Request",
        401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 405 => "Method Not Allowed", 409 => "Conflict",
        410 => "Gone", 415 => "Unsupported Media Type", 422 => "Unprocessable Entity", 429 => "Too Many Requests",
        500 => "Internal Server Error", 501 => "Not Implemented", 502 => "Bad Gateway", 503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => string.Empty,
    };

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(Stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            // Each connection on its own task: the library sends its requests concurrently.
            client.NoDelay = true;
            var serving = Task.Run(() => ServeAsync(client));
            _connections[client] = serving;
            _ = serving.ContinueWith(_ => _connections.TryRemove(KeyValuePair.Create(client, serving)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var network = client.GetStream();
                var input = new BufferedStream(network, 16 * 1024);
                var keepAlive = true;
                while (keepAlive && await ReadRequestAsync(input, network).ConfigureAwait(false) is { } request)
                {
                    var response = await AnswerAsync(request).ConfigureAwait(false);
                    keepAlive = !Stopping.IsCancellationRequested && !string.Equals(request.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
                    await network.WriteAsync(Serialize(request, response, keepAlive)).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
            {
                // The client went away, the server is stopping, or the bytes were not an HTTP/1.1 request: the connection ends.
            }
        }
    }

    private async Task<FakeWireRequest?> ReadRequestAsync(Stream input, Stream output)
    {
        var requestLine = await ReadLineAsync(input, Stopping).ConfigureAwait(false);
        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        if (parts.Length != 3 || !parts[1].StartsWith('/') || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not an HTTP/1.x request line in origin form.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        for (var line = await ReadLineAsync(input, Stopping).ConfigureAwait(false); line is not { Length: 0 }; line = await ReadLineAsync(input, Stopping).ConfigureAwait(false))
        {
            var colon = line?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            headers.Add(colon > 0 ? new(line![..colon], line[(colon + 1)..].Trim(' ', '\t')) : throw new InvalidDataException("Malformed header line."));
        }

        var head = new FakeWireRequest(parts[0], parts[1], headers, null);
        if (string.Equals(head.Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), Stopping).ConfigureAwait(false);
        }

        using var body = new MemoryStream();
        if (head.Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            for (var size = Length(await ReadLineAsync(input, Stopping).ConfigureAwait(false), NumberStyles.AllowHexSpecifier); size > 0; size = Length(await ReadLineAsync(input, Stopping).ConfigureAwait(false), NumberStyles.AllowHexSpecifier))
            {
                var chunk = new byte[size];
                await input.ReadExactlyAsync(chunk, Stopping).ConfigureAwait(false);
                body.Write(chunk);
                await ReadLineAsync(input, Stopping).ConfigureAwait(false);
            }

            // Trailer fields, if any, up to the empty line.
            while (await ReadLineAsync(input, Stopping).ConfigureAwait(false) is { Length: > 0 })
            {
            }
        }
        else if (head.Header("Content-Length") is { } contentLength)
        {
            var content = new byte[Length(contentLength, NumberStyles.None)];
            await input.ReadExactlyAsync(content, Stopping).ConfigureAwait(false);
            body.Write(content);
        }

        return new FakeWireRequest(parts[0], parts[1], headers, body.Length == 0 ? null : Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
    }

    private async Task<FakeWireResponse> AnswerAsync(FakeWireRequest request)
    {
        try
        {
            return await _answer(request).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fault in a fake is the test's to see, as a 500 naming it, not as a connection that hangs.
            return new FakeWireResponse(500, "text/plain; charset=utf-8", [], exception.ToString());
        }
    }
}

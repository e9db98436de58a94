// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GitTokenScopes.Tests.Transport;

/// <summary>
/// A provider that misbehaves on purpose: a raw HTTP/1.1 server on 127.0.0.1 whose answers are written byte by byte by
/// the test (redirects anywhere, endless bodies, HTML pages, echoed credentials). One request per connection. It
/// records every request and counts the body bytes it managed to send, so a test can prove reading stopped.
/// </summary>
internal sealed class HostileServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<HostileRequest, Stream, Task> _answer;
    private readonly CancellationTokenSource _stopping = new();
    private long _bytesSent;

    public HostileServer(Func<HostileRequest, Stream, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<HostileRequest> Requests { get; } = new();

    /// <summary>Gets the body bytes written so far by <see cref="StreamAsync"/>.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>An answer with a body, as a provider sends it: status, headers, <c>Content-Length</c>, body.</summary>
    public static Func<HostileRequest, Stream, Task> Answer(int status, string? contentType, string body, params string[] headers)
        => (_, stream) => WriteAsync(stream, status, contentType, body, headers);

    public static async Task WriteAsync(Stream stream, int status, string? contentType, string body, params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"HTTP/1.1 {status} Whatever\r\nConnection: close\r\nContent-Length: {bytes.Length}\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(bytes);
    }

    /// <summary>Streams <paramref name="size"/> bytes of a JSON-looking body, chunked or with a <c>Content-Length</c>, until the client goes away.</summary>
    public async Task StreamAsync(Stream stream, long size, bool chunked)
    {
        var head = $"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n{(chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {size}")}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var block = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        var prefix = Encoding.ASCII.GetBytes($"{block.Length:x}\r\n");
        for (long sent = 0; sent < size; sent += block.Length)
        {
            if (chunked)
            {
                await stream.WriteAsync(prefix);
            }

            await stream.WriteAsync(block);
            Interlocked.Add(ref _bytesSent, block.Length);
            if (chunked)
            {
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await HostileRequest.ReadAsync(stream);
                Requests.Enqueue(request);
                await _answer(request, stream);
                await stream.FlushAsync();
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                // The client hung up: what a refused answer looks like from here.
            }
        }
    }
}

/// <summary>One request as the hostile server read it.</summary>
internal sealed record HostileRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<HostileRequest> ReadAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("closed");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.UTF8.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body);
        return new HostileRequest(first[0], first[1], headers, Encoding.UTF8.GetString(body));
    }
}

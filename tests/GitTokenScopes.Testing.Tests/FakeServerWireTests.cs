// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using GitTokenScopes.Testing.Tests.GitHub;

namespace GitTokenScopes.Testing.Tests;

/// <summary>
/// What every fake's loopback host does on the wire, seen through the fake GitHub: request bodies however a client frames
/// them, any loopback host name, keep-alive, empty header values as they are, and a stop that ends delayed answers.
/// </summary>
public sealed class FakeServerWireTests : IDisposable
{
    private const string StatusPath = "/repos/octo/app/statuses/0000000000000000000000000000000000000000";

    private static readonly HttpClient Client = new();
    private readonly FakeGitHubServer _server = FakeGitHubServer.Start();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("""{"state":"success"}""", 201)]
    [InlineData("""{"state":"bogus"}""", 422)]
    [InlineData("not json", 400)]
    public async Task RequestBody_Chunked_IsReadWhole(string body, int expected)
    {
        var token = StatusWriter();
        using var socket = await ConnectAsync();
        var half = body.Length / 2;

        var answer = await ExchangeAsync(
            socket,
            $"POST {StatusPath} HTTP/1.1\r\nHost: x\r\nAuthorization: token {token.Value}\r\nTransfer-Encoding: chunked\r\n\r\n"
            + $"{half:x};name=value\r\n{body[..half]}\r\n{body.Length - half:x}\r\n{body[half..]}\r\n0\r\nX-Trailer: t\r\n\r\n");

        answer.Should().StartWith($"HTTP/1.1 {expected} ");
    }

    [Fact]
    public async Task RequestBody_AfterExpect100Continue_IsRead()
    {
        var token = StatusWriter();
        var body = """{"state":"success"}""";
        using var socket = await ConnectAsync();

        var interim = await ExchangeAsync(
            socket,
            $"POST {StatusPath} HTTP/1.1\r\nHost: x\r\nAuthorization: token {token.Value}\r\nExpect: 100-continue\r\nContent-Length: {body.Length}\r\n\r\n");
        var answer = await ExchangeAsync(socket, body);

        interim.Should().Be("HTTP/1.1 100 Continue\r\n\r\n");
        answer.Should().StartWith("HTTP/1.1 201 ");
    }

    [Theory]
    [InlineData("github")]
    [InlineData("gitlab")]
    [InlineData("bitbucket-cloud")]
    [InlineData("bitbucket-server")]
    public async Task DateHeader_TellsTheFakesOwnClock(string fake)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var (server, url) = StartFake(fake, time);
        using (server)
        {
            using var response = await Client.GetAsync(url);

            response.Headers.Date.Should().Be(time.GetUtcNow(), "a fake's Date header agrees with the clock its rate limits and expiries use");
        }
    }

    [Fact]
    public async Task Request_ToLocalhost_IsAnsweredLikeTo127001()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://localhost:{_server.Url.Port}/user");
        request.Headers.TryAddWithoutValidation("Authorization", $"token {token.Value}");

        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Header("X-OAuth-Scopes").Should().Be("repo");
    }

    [Fact]
    public async Task Requests_OnOneConnection_AreEachAnswered()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));
        using var socket = await ConnectAsync();

        var first = await ExchangeAsync(socket, $"GET /user HTTP/1.1\r\nHost: x\r\nAuthorization: token {token.Value}\r\n\r\n");
        var second = await ExchangeAsync(socket, "GET /user HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        first.Should().StartWith("HTTP/1.1 200 OK\r\n").And.NotContain("Connection: close");
        second.Should().StartWith("HTTP/1.1 401 Unauthorized\r\n").And.Contain("\r\nConnection: close\r\n");
        _server.Requests.Select(r => r.StatusCode).Should().Equal(200, 401);
    }

    [Fact]
    public async Task EmptyHeaderValue_GoesOnTheWireEmpty()
    {
        var token = FakeGitHubToken.Classic("repo");
        token.ScopeHeader = FakeGitHubScopeHeader.Empty;
        _server.AddToken(token);
        using var socket = await ConnectAsync();

        var answer = await ExchangeAsync(socket, $"GET /user HTTP/1.1\r\nHost: x\r\nAuthorization: token {token.Value}\r\n\r\n");

        answer.Should().Contain("\r\nX-OAuth-Scopes: \r\n", "the value is empty, not a single space");
    }

    [Fact]
    public async Task Dispose_WhileAnAnswerIsDelayed_EndsItAtOnce()
    {
        var token = _server.AddToken(FakeGitHubToken.Classic("repo"));
        token.Delay = TimeSpan.FromSeconds(30);
        var pending = _server.GetAsync("user", token);
        var waited = Stopwatch.StartNew();
        while (_server.PeakConcurrentRequests == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        var stopping = Stopwatch.StartNew();
        _server.Dispose();
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        stopping.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.JsonAsync()).Message().Should().Be("Server stopping");
    }

    [Fact]
    public async Task Dispose_ClosesIdleConnectionsAndThePort()
    {
        var port = _server.Url.Port;
        using var socket = await ConnectAsync();

        _server.Dispose();

        (await socket.ReceiveAsync(new byte[1]).WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(0, "the idle connection was closed");
        var connect = async () =>
        {
            using var again = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await again.ConnectAsync(IPAddress.Loopback, port);
        };
        await connect.Should().ThrowAsync<SocketException>();
    }

    /// <summary>Sends raw bytes and reads one answer: an interim 1xx head, or a head and its Content-Length body.</summary>
    private static async Task<string> ExchangeAsync(Socket socket, string request)
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        var received = new StringBuilder();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(10));
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var text = received.ToString();
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (read == 0 || (end >= 0 && (text.StartsWith("HTTP/1.1 1", StringComparison.Ordinal) || text.Length - end - 4 >= ContentLength(text[..end]))))
            {
                return text;
            }
        }
    }

    private static int ContentLength(string head)
        => int.Parse(head.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private FakeGitHubToken StatusWriter()
    {
        _server.AddRepository(new FakeGitHubRepository { FullName = "octo/app" });
        return _server.AddToken(FakeGitHubToken.FineGrained().WithRepository("octo/app", FakeGitHubGrant.WithPermissions(("statuses", "write"))));
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _server.Url.Port);
        return socket;
    }

    private static (IDisposable Server, Uri Url) StartFake(string fake, TimeProvider time)
    {
        switch (fake)
        {
            case "github":
                var github = FakeGitHubServer.Start(new FakeGitHubServerOptions { TimeProvider = time });
                return (github, github.Url);
            case "gitlab":
                var gitlab = FakeGitLabServer.Start(new FakeGitLabServerOptions { TimeProvider = time });
                return (gitlab, gitlab.Url);
            case "bitbucket-cloud":
                var cloud = FakeBitbucketCloudServer.Start(new FakeBitbucketCloudServerOptions { TimeProvider = time });
                return (cloud, cloud.Url);
            default:
                var server = FakeBitbucketServer.Start(new FakeBitbucketServerOptions { TimeProvider = time });
                return (server, server.Url);
        }
    }
}

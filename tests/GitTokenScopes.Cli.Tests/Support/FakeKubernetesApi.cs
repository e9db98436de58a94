// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>
/// A Kubernetes API server on 127.0.0.1 that knows one call: listing a namespace's secrets. It answers
/// <c>GET /api/v1/namespaces/NS/secrets</c> with a <c>SecretList</c> (or a scripted status) and records every request,
/// so a test can prove the audit only ever reads.
/// </summary>
internal sealed class FakeKubernetesApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeKubernetesApi(string secretListJson, HttpStatusCode status = HttpStatusCode.OK)
    {
        // A free port from the OS, then HttpListener on it: loopback only.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(secretListJson, status));
    }

    public Uri Url { get; }

    /// <summary>Gets every request: method, path, decoded query and Authorization header.</summary>
    public ConcurrentQueue<(string Method, string Path, string Query, string? Authorization)> Requests { get; } = new();

    /// <summary>A kubeconfig whose only context points at this server with a bearer token.</summary>
    public string Kubeconfig(string token, string ns = "argocd") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: {Url.ToString().TrimEnd('/')}
        contexts:
        - name: fake
          context:
            cluster: fake
            user: fake
            namespace: {ns}
        current-context: fake
        users:
        - name: fake
          user:
            token: {token}
        """;

    /// <summary>A <c>SecretList</c> as the API server serializes it (data base64).</summary>
    public static string SecretList(params (string Name, string Type, (string Key, string Value)[] Data)[] secrets)
    {
        static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        var items = secrets.Select(s =>
        {
            var data = "{" + string.Join(",", s.Data.Select(d => $"\"{d.Key}\":\"{B64(d.Value)}\"")) + "}";
            return $$$"""{"metadata":{"name":"{{{s.Name}}}","namespace":"argocd","labels":{"argocd.argoproj.io/secret-type":"{{{s.Type}}}"}},"data":{{{data}}},"type":"Opaque"}""";
        });
        return $$"""{"kind":"SecretList","apiVersion":"v1","metadata":{"resourceVersion":"4711"},"items":[{{string.Join(",", items)}}]}""";
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; how is not the test's concern.
        }
    }

    private async Task ServeAsync(string body, HttpStatusCode status)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            Requests.Enqueue((request.HttpMethod, request.Url!.AbsolutePath, Uri.UnescapeDataString(request.Url.Query), request.Headers["Authorization"]));
            var isList = request.HttpMethod == "GET" && request.Url.AbsolutePath.StartsWith("/api/v1/namespaces/", StringComparison.Ordinal)
                && request.Url.AbsolutePath.EndsWith("/secrets", StringComparison.Ordinal);
            var code = isList ? status : HttpStatusCode.MethodNotAllowed;
            var answer = code == HttpStatusCode.OK
                ? body
                : $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"secrets is forbidden","reason":"Forbidden","code":{{(int)code}}}""";
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = (int)code;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Internal;

/// <summary>
/// One prepared request to a provider under a per-request time-out on the injected clock, answered as status, headers
/// and body. Shared by the inspectors that speak <see cref="HttpClient"/> directly (GitLab, Bitbucket Cloud and Server);
/// each keeps its own request headers and turns failures into its own messages.
/// </summary>
internal static class HttpExchange
{
    /// <summary>Sends the request and reads the whole answer.</summary>
    /// <param name="client">The library's named client.</param>
    /// <param name="request">The request, with its headers set.</param>
    /// <param name="timeout">How long the request may take; past it an <see cref="OperationCanceledException"/> is thrown while <paramref name="cancellationToken"/> is not cancelled.</param>
    /// <param name="time">The clock.</param>
    /// <param name="headerSeparator">How values of a repeated header are joined.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The status code, the response and content headers (case-insensitive, read when asked for), and the body.</returns>
    /// <exception cref="HttpRequestException">Thrown for transport failures.</exception>
    public static async Task<(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)> SendAsync(
        HttpClient client, HttpRequestMessage request, TimeSpan timeout, TimeProvider time, string headerSeparator, CancellationToken cancellationToken)
    {
        // One source on the system clock (the usual case): CancelAfter on the linked source. Another clock needs a
        // source of its own whose timer runs on it.
        using var timer = time == TimeProvider.System ? null : new CancellationTokenSource(timeout, time);
        using var linked = timer is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        if (timer is null)
        {
            linked.CancelAfter(timeout);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
        return ((int)response.StatusCode, new HttpAnswerHeaders(response.Headers, response.Content.Headers, headerSeparator), body);
    }
}

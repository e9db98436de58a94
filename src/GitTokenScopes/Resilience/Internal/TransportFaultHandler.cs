// Licensed under the MIT License. See LICENSE in the repository root.

using Polly;

namespace GitTokenScopes.Resilience.Internal;

/// <summary>
/// Sits outside the resilience pipeline and turns its rejections (a timeout, an open circuit) into
/// <see cref="HttpRequestException"/>, the one transport failure every inspector already maps to "unreachable".
/// </summary>
internal sealed class TransportFaultHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionRejectedException exception)
        {
            // The message names the host and Polly's reason; request headers (and so the token) are never part of it.
            throw new HttpRequestException($"The request to {request.RequestUri?.Host} was abandoned: {exception.Message}", exception);
        }
    }
}

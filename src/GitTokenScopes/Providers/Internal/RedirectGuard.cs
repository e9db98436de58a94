// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// The one place redirects are followed, outermost in every named client, so also beneath Octokit's adapter (whose own
/// redirect logic compares the host alone and re-sends writes): a GET is followed to the same origin (scheme, host and
/// port); any other redirect is refused with <see cref="RefusedException"/>, so the credential never reaches another
/// origin and no write is re-sent. A refused answer never returns a <c>Location</c> for anyone above to follow.
/// </summary>
internal sealed class RedirectGuard : DelegatingHandler
{
    private const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = request;
        for (var hop = 0; ; hop++)
        {
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            if (current != request)
            {
                current.Dispose();
            }

            if ((int)response.StatusCode is < 300 or > 399 || response.Headers.Location is not { } location)
            {
                return response;
            }

            var target = location.IsAbsoluteUri ? location : new Uri(current.RequestUri!, location);
            var status = (int)response.StatusCode;
            response.Dispose();
            var refusal = response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect) ? "a redirect status the library does not follow"
                : request.Method != HttpMethod.Get ? $"a redirect of a {request.Method.Method} request, which is never re-sent"
                : !SameOrigin(request.RequestUri!, target) ? "another origin; the credential is never sent there"
                : hop >= MaxRedirects ? $"more than {MaxRedirects} redirects"
                : null;
            if (refusal is not null)
            {
                // The origin only: a path or query may carry names the caller did not choose to reveal.
                throw new RefusedException($"a redirect ({status}) to {OriginOf(target)}: {refusal}");
            }

            current = new HttpRequestMessage(HttpMethod.Get, target) { Version = request.Version, VersionPolicy = request.VersionPolicy };
            foreach (var (name, values) in request.Headers)
            {
                current.Headers.TryAddWithoutValidation(name, values);
            }
        }
    }

    public static bool SameOrigin(Uri from, Uri to)
        => Uri.Compare(from, to, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public static string OriginOf(Uri uri) => uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) : "a relative address";

    /// <summary>A redirect that was not followed; the message names the target's origin and why.</summary>
    internal sealed class RefusedException(string message) : HttpRequestException(message);
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>The headers the token page's files are served with.</summary>
internal static class PageHeaders
{
    /// <summary>
    /// Only this host's own files and endpoints: no inline script or style, nothing from a CDN, no framing. A page that
    /// takes a token must not run anyone else's code; the creation links still open, as plain navigation.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}

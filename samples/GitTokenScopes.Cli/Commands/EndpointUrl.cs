// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Cli.Commands;

/// <summary>Reads <c>--server</c> and <c>--api-url</c>: absolute HTTPS addresses, or plain HTTP to a loopback host only.</summary>
internal static class EndpointUrl
{
    /// <summary>Parses a URL given for <paramref name="option"/>, or throws a <see cref="UsageException"/> naming it.</summary>
    public static Uri? Parse(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"{option}: '{value}' is not an absolute http(s) URL.");
        }

        // A token sent over plain HTTP can be read on the way; only the machine itself (tests, fakes) is exempt.
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new UsageException($"{option}: '{value}' uses plain HTTP; use https:// (http:// is accepted only for loopback hosts).");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new UsageException($"{option}: the URL must not carry credentials; pass the token with --token-env or --token-stdin.");
        }

        return uri;
    }

    private static bool IsLoopback(Uri uri)
        => uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}

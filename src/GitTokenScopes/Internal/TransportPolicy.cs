// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Internal;

/// <summary>HTTPS only, except loopback addresses (tests and local fakes): a token never travels in clear text.</summary>
internal static class TransportPolicy
{
    public static bool IsLoopback(Uri uri)
        => uri.IsLoopback
            || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Returns why <paramref name="uri"/> may not carry a token, or <see langword="null"/> when it may.</summary>
    public static string? Check(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return $"'{uri}' is not an absolute URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            return IsLoopback(uri) ? null : $"'{uri.GetLeftPart(UriPartial.Authority)}' uses plain HTTP; tokens are only sent over HTTPS (or to a loopback address).";
        }

        return $"'{uri.Scheme}' URLs are not supported; use https.";
    }

    /// <summary>Returns <paramref name="uri"/> with a trailing slash on its path, so relative endpoints append to it.</summary>
    public static Uri WithTrailingSlash(Uri uri)
    {
        // Already so (the usual case for a configured API URL): no copy per inspection.
        if (uri.IsAbsoluteUri && uri.AbsolutePath.EndsWith('/') && uri.Query.Length == 0 && uri.Fragment.Length == 0)
        {
            return uri;
        }

        var builder = new UriBuilder(uri) { Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }
}

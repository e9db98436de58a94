// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Providers.Internal;

/// <summary>Where a token may be sent: HTTPS only, except loopback addresses (tests and local fakes), so it never travels in clear text.</summary>
internal static class TransportPolicy
{
    public static bool IsLoopback(Uri uri)
        => uri.IsLoopback
            || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Returns why <paramref name="uri"/> may not carry a token, or <see langword="null"/> when it may.</summary>
    public static string? Check(Uri uri) => uri switch
    {
        { IsAbsoluteUri: false } => $"'{uri}' is not an absolute URL.",
        { Scheme: "https" } => null,
        { Scheme: "http" } => IsLoopback(uri) ? null : $"'{uri.GetLeftPart(UriPartial.Authority)}' uses plain HTTP; tokens are only sent over HTTPS (or to a loopback address).",
        _ => $"'{uri.Scheme}' URLs are not supported; use https.",
    };

    /// <summary>
    /// The API address of <paramref name="credential"/>: its explicit API URL verbatim, else what
    /// <paramref name="fromServer"/> derives from its server URL, else <paramref name="defaultAddress"/>; or why it may not carry a token.
    /// </summary>
    public static (Uri? Address, string? Error) Resolve(GitCredential credential, Func<Uri, Uri> fromServer, Uri defaultAddress)
    {
        var address = credential.ApiUrl is { } api ? WithTrailingSlash(api)
            : credential.ServerUrl is { } server ? fromServer(server)
            : defaultAddress;
        var error = Check(address);
        return error is null ? (address, null) : (null, error);
    }

    /// <summary><paramref name="server"/> with <paramref name="suffix"/> (<c>api/v4/</c>) appended, unless its path already ends with it.</summary>
    public static Uri WithSuffix(Uri server, string suffix)
    {
        var root = WithTrailingSlash(server);
        return root.AbsolutePath.EndsWith("/" + suffix, StringComparison.OrdinalIgnoreCase) ? root : new Uri(root, suffix);
    }

    /// <summary>A repository's REST path, its owner and name each escaped as one path segment.</summary>
    public static string PathOf(RepositoryRequest repository, Func<string, string, string> path)
        => path(Uri.EscapeDataString(repository.Owner), Uri.EscapeDataString(repository.Repository));

    /// <summary>Returns <paramref name="uri"/> with a trailing slash on its path, so relative endpoints append to it.</summary>
    public static Uri WithTrailingSlash(Uri uri)
    {
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

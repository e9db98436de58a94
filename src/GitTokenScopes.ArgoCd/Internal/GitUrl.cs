// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.RegularExpressions;

namespace GitTokenScopes.ArgoCd.Internal;

/// <summary>
/// Argo CD's view of a repository URL: the normalized form it compares (lower-cased, trimmed, <c>.git</c> removed,
/// <c>git@host:path</c> read as <c>git@host/path</c>), and the host and path a provider knows it by.
/// </summary>
internal static partial class GitUrl
{
    /// <summary>
    /// Normalizes as Argo CD's <c>NormalizeGitURL</c> does (util/git/git.go): lower-case and trim; an SSH URL without
    /// <c>ssh://</c> has its first colon made a slash; a trailing <c>.git</c> goes. Nothing else: <c>https://h/org/</c>
    /// keeps its slash and <c>https://</c> never equals <c>ssh</c>. An empty result never matches anything.
    /// </summary>
    public static string Normalize(string? url)
    {
        var repo = (url ?? string.Empty).Trim().ToLowerInvariant();
        if (SshUrl().IsMatch(repo) && !repo.StartsWith("ssh://", StringComparison.Ordinal))
        {
            var colon = repo.IndexOf(':', StringComparison.Ordinal);
            repo = colon < 0 ? repo : string.Concat(repo.AsSpan(0, colon), "/", repo.AsSpan(colon + 1));
        }

        if (repo.EndsWith(".git", StringComparison.Ordinal))
        {
            repo = repo[..^4];
        }

        return repo.StartsWith("ssh://", StringComparison.Ordinal) ? repo["ssh://".Length..] : repo;
    }

    /// <summary>Whether two URLs name the same repository (Argo CD's <c>SameURL</c>): equal and not empty once normalized.</summary>
    public static bool Same(string? left, string? right)
    {
        var a = Normalize(left);
        return a.Length > 0 && a == Normalize(right);
    }

    /// <summary>Whether the URL carries user information (<c>https://user:secret@host/</c>); SSH's <c>git@</c> does not count.</summary>
    public static bool HasSecretUserInfo(string url)
        => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length > 0;

    /// <summary>The host (with a port when one is written) and the path of a clone URL, or <see langword="null"/> when it is not one.</summary>
    public static (string Scheme, string Host, string Path)? Locate(string url)
    {
        var text = url.Trim();
        var scp = ScpLike().Match(text);
        if (scp.Success)
        {
            return ("ssh", scp.Groups["host"].Value.ToLowerInvariant(), scp.Groups["path"].Value.Trim('/'));
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return (uri.Scheme, host.ToLowerInvariant(), Uri.UnescapeDataString(uri.AbsolutePath).Trim('/'));
    }

    /// <summary>A URL fit to show: user information removed (an <c>https://user:secret@</c> URL keeps neither part).</summary>
    public static string Display(string url)
    {
        var text = url.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length > 0)
        {
            return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
        }

        return text;
    }

    // Argo CD's sshURLRegex: an optional ssh:// and a user before an @ (git@github.com:org/repo).
    [GeneratedRegex("^(ssh://)?([^/:]*?)@[^@]+$")]
    private static partial Regex SshUrl();

    [GeneratedRegex("^(?<user>[^@/:]+)@(?<host>[^:/]+):(?<path>[^/].*)$")]
    private static partial Regex ScpLike();
}

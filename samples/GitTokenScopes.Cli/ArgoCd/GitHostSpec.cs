// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.ArgoCd;
using GitTokenScopes.Cli.Commands;

namespace GitTokenScopes.Cli.ArgoCd;

/// <summary>
/// Reads <c>--git-host HOST=PROVIDER[,server=URL][,api=URL]</c>: which provider a repository host runs (self-hosted
/// instances, or github.com sent elsewhere), and where its API is.
/// </summary>
internal static class GitHostSpec
{
    /// <summary>The option's name.</summary>
    public const string Option = "--git-host";

    /// <summary>Parses one value, or throws a <see cref="UsageException"/> naming the option.</summary>
    public static (string Host, ArgoCdGitServer Server) Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var head = parts[0].Split('=', 2, StringSplitOptions.TrimEntries);
        var expected = $"expected HOST=PROVIDER[,server=URL][,api=URL] with PROVIDER one of {string.Join(", ", WireNames.ProviderNames)}";
        if (head.Length != 2 || head[0].Length == 0 || head[0].Contains('/', StringComparison.Ordinal) || !WireNames.TryParse(head[1], out GitProvider provider))
        {
            throw new UsageException($"{Option}: '{value}': {expected}.");
        }

        Uri? server = null;
        Uri? api = null;
        foreach (var part in parts.Skip(1))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            switch (pair[0])
            {
                case "server" when pair.Length == 2:
                    server = EndpointUrl.Parse(pair[1], $"{Option} {head[0]}: server");
                    break;
                case "api" when pair.Length == 2:
                    api = EndpointUrl.Parse(pair[1], $"{Option} {head[0]}: api");
                    break;
                default:
                    throw new UsageException($"{Option}: '{value}': unknown part '{pair[0]}'; {expected}.");
            }
        }

        return (head[0].ToLowerInvariant(), new ArgoCdGitServer(provider, server, api));
    }
}

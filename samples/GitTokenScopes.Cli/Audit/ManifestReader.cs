// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using GitTokenScopes.Cli.Commands;
using GitTokenScopes.Cli.Files;

namespace GitTokenScopes.Cli.Audit;

/// <summary>
/// Reads an audit manifest (JSON or YAML) and turns every entry into an <see cref="AuditJob"/>, reading each token from
/// the environment variable the entry names. Every entry is checked before any provider is asked, so a typo in the
/// last entry does not leave an audit half done.
/// </summary>
internal static class ManifestReader
{
    private const string Option = "--manifest";

    /// <summary>Reads the manifest at <paramref name="path"/>, or throws a <see cref="UsageException"/>.</summary>
    public static IReadOnlyList<AuditJob> Read(string path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var node = StructuredFile.Read(path, Option);
        AuditManifest? manifest;
        try
        {
            manifest = node?.Deserialize(ManifestJsonContext.Default.AuditManifest);
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{Option}: '{path}' is not a manifest: {exception.Message.Split('\n', 2)[0].Trim()}", exception);
        }

        if (manifest?.Tokens is not { Count: > 0 } entries)
        {
            throw new UsageException($"{Option}: '{path}' lists no tokens; expected a 'tokens' list of entries with provider, kind and tokenEnv.");
        }

        return [.. entries.Select((entry, index) => ToJob(entry, $"{Option}: tokens[{index}]{(entry.Name is null ? string.Empty : $" ({entry.Name})")}", environment))];
    }

    private static AuditJob ToJob(AuditEntry entry, string where, Func<string, string?> environment)
    {
        if (!WireNames.TryParse(entry.Provider, out GitProvider provider))
        {
            throw new UsageException($"{where}: provider '{entry.Provider}' is not one of {string.Join(", ", WireNames.ProviderNames)}.");
        }

        if (!WireNames.TryParse(entry.Kind, out TokenKind kind))
        {
            throw new UsageException($"{where}: kind '{entry.Kind}' is not one of {string.Join(", ", WireNames.TokenKindNames)}.");
        }

        if (string.IsNullOrWhiteSpace(entry.TokenEnv))
        {
            throw new UsageException($"{where}: tokenEnv is required (the name of the environment variable that holds the token; never the token).");
        }

        var token = environment(entry.TokenEnv)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            throw new UsageException($"{where}: the environment variable {entry.TokenEnv} is not set.");
        }

        if (entry.Runtime is not null && entry.Runtimes is not null)
        {
            throw new UsageException($"{where}: give runtime or runtimes, not both.");
        }

        var username = entry.Username;
        if (entry.UsernameEnv is not null)
        {
            username = environment(entry.UsernameEnv)?.Trim();
            if (string.IsNullOrEmpty(username))
            {
                throw new UsageException($"{where}: the environment variable {entry.UsernameEnv} is not set.");
            }
        }

        var server = EndpointUrl.Parse(entry.Server, $"{where}: server");
        var apiUrl = EndpointUrl.Parse(entry.ApiUrl, $"{where}: apiUrl");
        var credential = CredentialOptions.Create(where, () => new GitCredential(provider, token, server, apiUrl, username));
        var runtimes = entry.Runtimes ?? (entry.Runtime is null ? [] : [entry.Runtime]);
        var repositories = (entry.Repositories ?? []).Select(r => RepositorySpec.Parse(r, $"{where}: repositories"));
        var label = entry.Name ?? $"{provider.ToWireName()} {kind.ToWireName()}{(runtimes.Count == 0 ? string.Empty : $" ({string.Join(", ", runtimes)})")}";
        // Several runtimes go through ValidateForRuntimesAsync, whose request names none.
        return new AuditJob(label, new TokenValidationRequest(credential, kind, runtimes.Count == 1 ? runtimes[0] : null, repositories), runtimes);
    }
}

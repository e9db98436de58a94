// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Nodes;
using GitTokenScopes.Cli.Commands;
using GitTokenScopes.Cli.Files;

namespace GitTokenScopes.Cli.Audit;

/// <summary>
/// Reads an audit manifest (JSON or YAML) and turns every entry into an <see cref="AuditJob"/>, reading each token from
/// the environment variable the entry names. Every entry is checked before any provider is asked, and every error is
/// reported at once (each naming its entry, <c>tokens[2] (ci)</c>), so a manifest is fixed in one pass and an audit is
/// never left half done.
/// </summary>
internal static class ManifestReader
{
    private const string Option = "--manifest";
    private const string TokensKey = "tokens";

    /// <summary>Reads the manifest at <paramref name="path"/>, or throws a <see cref="UsageException"/> listing every error.</summary>
    public static IReadOnlyList<AuditJob> Read(string path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // A file that does not parse has no entries to check: that one error is the whole story.
        var node = StructuredFile.Read(path, Option);
        var noTokens = $"{Option}: '{path}' lists no tokens; expected a 'tokens' list of entries with provider, kind and tokenEnv.";
        if (node is null)
        {
            throw new UsageException(noTokens);
        }

        if (node is not JsonObject root)
        {
            throw new UsageException($"{Option}: '{path}' is not a manifest: expected a mapping with a 'tokens' list at the top level.");
        }

        var errors = new List<string>();
        errors.AddRange(root.Where(p => p.Key != TokensKey).Select(p => $"{Option}: unknown key '{p.Key}' at the top level; the manifest holds only '{TokensKey}'."));
        var jobs = new List<AuditJob>();
        switch (root[TokensKey])
        {
            case JsonArray { Count: > 0 } entries:
                for (var index = 0; index < entries.Count; index++)
                {
                    if (ReadEntry(entries[index], index, environment, errors) is { } job)
                    {
                        jobs.Add(job);
                    }
                }

                break;
            case null or JsonArray:
                errors.Add(noTokens);
                break;
            default:
                errors.Add($"{Option}: '{TokensKey}' must be a list of entries with provider, kind and tokenEnv.");
                break;
        }

        return errors.Count > 0 ? throw new UsageException(errors) : jobs;
    }

    private static AuditJob? ReadEntry(JsonNode? node, int index, Func<string, string?> environment, List<string> errors)
    {
        var name = node is JsonObject map && map["name"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        var where = $"{Option}: tokens[{index}]{(name is null ? string.Empty : $" ({name})")}";
        if (node is not JsonObject entryObject)
        {
            errors.Add($"{where}: expected a mapping with provider, kind and tokenEnv.");
            return null;
        }

        // An unknown key is a typo (tokenEnvv) to report, not to ignore; the rest of the entry is still checked.
        var known = ManifestJsonContext.Default.AuditEntry.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = entryObject.Select(p => p.Key).Where(k => !known.Contains(k)).ToArray();
        errors.AddRange(unknown.Select(key => $"{where}: unknown key '{key}'; expected {string.Join(", ", known)}."));
        var checkedObject = (JsonObject)entryObject.DeepClone();
        foreach (var key in unknown)
        {
            checkedObject.Remove(key);
        }

        AuditEntry? entry;
        try
        {
            entry = checkedObject.Deserialize(ManifestJsonContext.Default.AuditEntry);
        }
        catch (JsonException exception)
        {
            var key = exception.Path is { Length: > 2 } jsonPath ? jsonPath[2..] : "a value";
            errors.Add($"{where}: {key} has the wrong type (a single value where a list belongs, or the reverse).");
            return null;
        }

        return entry is null ? null : ToJob(entry, where, environment, errors, missingIsReported: unknown.Length > 0);
    }

    // missingIsReported: an unknown key was reported; a missing key is then most likely that typo (tokenEnvv), said once.
    private static AuditJob? ToJob(AuditEntry entry, string where, Func<string, string?> environment, List<string> errors, bool missingIsReported)
    {
        var before = errors.Count;
        var missing = false;
        void Missing(string message)
        {
            missing = true;
            if (!missingIsReported)
            {
                errors.Add(message);
            }
        }

        if (!WireNames.TryParse(entry.Provider, out GitProvider provider))
        {
            if (entry.Provider is null)
            {
                Missing($"{where}: provider is required (one of {string.Join(", ", WireNames.ProviderNames)}).");
            }
            else
            {
                errors.Add($"{where}: provider '{entry.Provider}' is not one of {string.Join(", ", WireNames.ProviderNames)}.");
            }
        }

        if (!WireNames.TryParse(entry.Kind, out TokenKind kind))
        {
            if (entry.Kind is null)
            {
                Missing($"{where}: kind is required (one of {string.Join(", ", WireNames.TokenKindNames)}).");
            }
            else
            {
                errors.Add($"{where}: kind '{entry.Kind}' is not one of {string.Join(", ", WireNames.TokenKindNames)}.");
            }
        }

        string? token = null;
        if (string.IsNullOrWhiteSpace(entry.TokenEnv))
        {
            Missing($"{where}: tokenEnv is required (the name of the environment variable that holds the token; never the token).");
        }
        else
        {
            token = environment(entry.TokenEnv)?.Trim();
            if (string.IsNullOrEmpty(token))
            {
                errors.Add($"{where}: the environment variable {entry.TokenEnv} is not set.");
            }
        }

        if (entry.Runtime is not null && entry.Runtimes is not null)
        {
            errors.Add($"{where}: give runtime or runtimes, not both.");
        }

        var username = entry.Username;
        if (entry.UsernameEnv is not null)
        {
            username = environment(entry.UsernameEnv)?.Trim();
            if (string.IsNullOrEmpty(username))
            {
                errors.Add($"{where}: the environment variable {entry.UsernameEnv} is not set.");
            }
        }

        var server = Collect(errors, () => EndpointUrl.Parse(entry.Server, $"{where}: server"));
        var apiUrl = Collect(errors, () => EndpointUrl.Parse(entry.ApiUrl, $"{where}: apiUrl"));
        var repositories = (entry.Repositories ?? []).Select(r => Collect(errors, () => RepositorySpec.Parse(r, $"{where}: repositories"))).ToArray();
        if (missing || errors.Count > before)
        {
            return null;
        }

        var credential = Collect(errors, () => CredentialOptions.Create(where, () => new GitCredential(provider, token!, server, apiUrl, username)));
        if (credential is null)
        {
            return null;
        }

        var runtimes = entry.Runtimes ?? (entry.Runtime is null ? [] : [entry.Runtime]);
        var label = entry.Name ?? $"{provider.ToWireName()} {kind.ToWireName()}{(runtimes.Count == 0 ? string.Empty : $" ({string.Join(", ", runtimes)})")}";

        // Several runtimes go through ValidateForRuntimesAsync, whose request names none.
        return new AuditJob(label, new TokenValidationRequest(credential, kind, runtimes.Count == 1 ? runtimes[0] : null, repositories!), runtimes);
    }

    /// <summary>Runs <paramref name="read"/>; a usage error is added to <paramref name="errors"/> instead of thrown.</summary>
    private static T? Collect<T>(List<string> errors, Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (UsageException exception)
        {
            errors.AddRange(exception.Errors);
            return null;
        }
    }
}

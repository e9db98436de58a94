// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// One Argo CD repository Secret, decoded: its name, its role (the <c>argocd.argoproj.io/secret-type</c> label) and
/// its keys. Values are secrets: no public member returns one, and <see cref="ToString"/> names the secret only.
/// </summary>
/// <remarks>
/// Build it from any Kubernetes client's Secret (<c>V1Secret</c>: <c>Metadata.Name</c>, <c>Metadata.Labels</c>,
/// <c>Data</c>, <c>StringData</c>) with the constructor, or read kubectl's output with <see cref="ArgoCdSecretReader"/>.
/// As in Kubernetes, a <c>stringData</c> key wins over the same <c>data</c> key.
/// </remarks>
public sealed class ArgoCdSecret
{
    /// <summary>The label that marks Argo CD's secrets and names their role.</summary>
    public const string SecretTypeLabel = "argocd.argoproj.io/secret-type";

    private readonly Dictionary<string, string> _values;

    /// <summary>Initializes a new instance of the <see cref="ArgoCdSecret"/> class from a Secret's parts.</summary>
    /// <param name="name">The Secret's name (<c>metadata.name</c>).</param>
    /// <param name="labels">The Secret's labels; <see cref="Type"/> comes from <see cref="SecretTypeLabel"/>.</param>
    /// <param name="data">The Secret's <c>data</c>, already decoded from base64 (as Kubernetes clients give it).</param>
    /// <param name="stringData">The Secret's <c>stringData</c>; a key here wins over the same key in <paramref name="data"/>.</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is blank, or a value is not UTF-8 (the value is not shown).</exception>
    public ArgoCdSecret(
        string name,
        IEnumerable<KeyValuePair<string, string>>? labels,
        IEnumerable<KeyValuePair<string, byte[]>>? data,
        IEnumerable<KeyValuePair<string, string>>? stringData = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        TypeLabel = labels?.FirstOrDefault(l => l.Key == SecretTypeLabel).Value?.Trim();
        Type = ParseType(TypeLabel);
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        foreach (var (key, value) in data ?? [])
        {
            try
            {
                _values[key] = strict.GetString(value ?? []);
            }
            catch (DecoderFallbackException)
            {
                throw new ArgumentException($"Secret '{Name}': data.{key} is not UTF-8 text (the value is not shown).", nameof(data));
            }
        }

        foreach (var (key, value) in stringData ?? [])
        {
            _values[key] = value ?? string.Empty;
        }
    }

    /// <summary>Gets the Secret's name.</summary>
    public string Name { get; }

    /// <summary>Gets the value of the <see cref="SecretTypeLabel"/> label, or <see langword="null"/> when it has none.</summary>
    public string? TypeLabel { get; }

    /// <summary>Gets the Secret's role, or <see langword="null"/> when the label is missing or names another role (<c>cluster</c>, …).</summary>
    public ArgoCdSecretType? Type { get; }

    /// <summary>Gets the keys the Secret holds (never their values).</summary>
    public IReadOnlyCollection<string> Keys => _values.Keys;

    /// <summary>The repository or template URL as written; it may carry user information, so it is never public.</summary>
    internal string? Url => Get("url");

    /// <summary>Gets the project the secret is scoped to (<c>project</c>), or <see langword="null"/>.</summary>
    public string? Project => Get("project");

    /// <summary>Names the secret and its role, never a value.</summary>
    /// <returns>For example <c>repo-creds secret 'github-acme'</c>.</returns>
    public override string ToString() => $"{TypeLabel ?? "unlabelled"} secret '{Name}'";

    /// <summary>The value of <paramref name="key"/>, or <see langword="null"/> when it is missing or empty (Argo CD treats both alike).</summary>
    internal string? Get(string key) => _values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>Parses a secret-type label value.</summary>
    internal static ArgoCdSecretType? ParseType(string? label) => label switch
    {
        "repository" => ArgoCdSecretType.Repository,
        "repo-creds" => ArgoCdSecretType.RepoCreds,
        "repository-write" => ArgoCdSecretType.RepositoryWrite,
        "repo-write-creds" => ArgoCdSecretType.RepoWriteCreds,
        _ => null,
    };
}

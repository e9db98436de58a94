// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;

namespace GitTokenScopes.ArgoCd.Internal;

/// <summary>
/// The credential keys of an Argo CD repository as Argo CD reads them (util/db/repository_secrets.go,
/// <c>secretToRepository</c> / <c>secretToRepoCred</c>), with what Argo CD then does with them
/// (pkg/apis/application/v1alpha1/repository_types.go): <see cref="HasCredentials"/>, <see cref="CopyFrom"/> and the
/// order of <see cref="ToCredential"/>. Each field remembers the secret it came from.
/// </summary>
internal sealed class CredentialFields
{
    private static readonly string[] TextKeys =
    [
        "username", "password", "bearerToken", "sshPrivateKey", "tlsClientCertData", "tlsClientCertKey",
        "githubAppPrivateKey", "githubAppEnterpriseBaseUrl", "gcpServiceAccountKey",
    ];

    private readonly Dictionary<string, (string Value, string Secret)> _text = new(StringComparer.Ordinal);
    private long _appId;
    private long _installationId;
    private bool _azure;
    private string? _numbersFrom;
    private string? _azureFrom;

    /// <summary>Gets the problems met while reading (a number or a boolean Argo CD could not parse), each naming the secret and key.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Reads a secret's credential keys.</summary>
    public static CredentialFields From(ArgoCdSecret? secret)
    {
        var fields = new CredentialFields();
        if (secret is null)
        {
            return fields;
        }

        foreach (var key in TextKeys)
        {
            if (secret.Get(key) is { } value)
            {
                fields._text[key] = (value, secret.Name);
            }
        }

        fields._appId = fields.Number(secret, "githubAppID");
        fields._installationId = fields.Number(secret, "githubAppInstallationID");
        fields._numbersFrom = fields._appId != 0 || fields._installationId != 0 ? secret.Name : null;
        fields._azure = fields.Boolean(secret, "useAzureWorkloadIdentity");
        fields._azureFrom = fields._azure ? secret.Name : null;
        return fields;
    }

    /// <summary>Argo CD's <c>HasCredentials</c>: a user name, a password, a bearer token, an SSH key, a TLS client certificate, a GitHub App key, or Azure workload identity.</summary>
    public bool HasCredentials
        => Has("username") || Has("password") || Has("bearerToken") || Has("sshPrivateKey") || Has("tlsClientCertData") || Has("githubAppPrivateKey") || _azure;

    /// <summary>Argo CD's <c>CopyCredentialsFrom</c>: every empty field takes the template's; Azure workload identity is taken as the template says.</summary>
    public void CopyFrom(CredentialFields template)
    {
        foreach (var (key, value) in template._text)
        {
            _text.TryAdd(key, value);
        }

        if (_appId == 0)
        {
            _appId = template._appId;
            _numbersFrom ??= template._numbersFrom;
        }

        if (_installationId == 0)
        {
            _installationId = template._installationId;
            _numbersFrom ??= template._numbersFrom;
        }

        _azure = template._azure;
        _azureFrom = template._azureFrom;
    }

    /// <summary>
    /// Argo CD's <c>GetGitCreds</c>: a password (HTTPS, user name defaulting to <c>x-access-token</c>), else a bearer
    /// token, else an SSH key, else a GitHub App with its key and both IDs, else a Google Cloud key, else Azure
    /// workload identity, else nothing.
    /// </summary>
    public ArgoCdCredential ToCredential()
    {
        string? Value(string key) => _text.TryGetValue(key, out var v) ? v.Value : null;
        string? From(string key) => _text.TryGetValue(key, out var v) ? v.Secret : null;
        if (Has("password"))
        {
            return new ArgoCdCredential(ArgoCdCredentialKind.Password, From("password"), Value("username"), Value("password"));
        }

        if (Has("bearerToken"))
        {
            return new ArgoCdCredential(ArgoCdCredentialKind.BearerToken, From("bearerToken"), null, Value("bearerToken"));
        }

        if (Has("sshPrivateKey"))
        {
            return new ArgoCdCredential(ArgoCdCredentialKind.SshPrivateKey, From("sshPrivateKey"), null, null);
        }

        if (Has("githubAppPrivateKey") && _appId != 0 && _installationId != 0)
        {
            return new ArgoCdCredential(ArgoCdCredentialKind.GitHubApp, From("githubAppPrivateKey"), null, null, _appId);
        }

        if (Has("gcpServiceAccountKey"))
        {
            return new ArgoCdCredential(ArgoCdCredentialKind.GoogleCloud, From("gcpServiceAccountKey"), null, null);
        }

        return _azure
            ? new ArgoCdCredential(ArgoCdCredentialKind.AzureWorkloadIdentity, _azureFrom, null, null)
            : new ArgoCdCredential(ArgoCdCredentialKind.None, null, null, null);
    }

    /// <summary>Why a resolved credential is <see cref="ArgoCdCredentialKind.None"/> although keys are set, or <see langword="null"/>.</summary>
    public string? WhyNone()
    {
        if (Has("githubAppPrivateKey"))
        {
            return $"the GitHub App in '{_text["githubAppPrivateKey"].Secret}' lacks {(_appId == 0 ? "githubAppID" : "githubAppInstallationID")}, so Argo CD sends nothing";
        }

        if (Has("username"))
        {
            return $"'{_text["username"].Secret}' has a user name but no password, so Argo CD sends nothing";
        }

        return Has("tlsClientCertData") ? $"'{_text["tlsClientCertData"].Secret}' has only a TLS client certificate" : null;
    }

    private bool Has(string key) => _text.ContainsKey(key);

    // Argo CD's intOrZero: a missing key is 0, anything else must parse as a 64-bit integer.
    private long Number(ArgoCdSecret secret, string key)
    {
        var text = secret.Get(key);
        if (text is null)
        {
            return 0;
        }

        if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Problems.Add($"'{secret.Name}': {key} is not a number; Argo CD refuses the secret (\"Configuration error\")");
        return 0;
    }

    // Argo CD's boolOrFalse with Go's strconv.ParseBool vocabulary.
    private bool Boolean(ArgoCdSecret secret, string key)
    {
        switch (secret.Get(key)?.Trim())
        {
            case null or "0" or "f" or "F" or "false" or "FALSE" or "False":
                return false;
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                return true;
            default:
                Problems.Add($"'{secret.Name}': {key} is not a boolean; Argo CD refuses the secret (\"Configuration error\")");
                return false;
        }
    }
}

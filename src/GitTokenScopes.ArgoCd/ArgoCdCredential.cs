// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// The credential Argo CD uses for a repository: its kind, the secret it comes from, the user name Argo CD sends, and
/// the token's fingerprint. The token itself is not public and never part of <see cref="ToString"/>.
/// </summary>
public sealed class ArgoCdCredential
{
    /// <summary>The user name Argo CD sends with a password when the secret has none (util/git/creds.go).</summary>
    public const string DefaultUsername = "x-access-token";

    internal ArgoCdCredential(ArgoCdCredentialKind kind, string? secretName, string? username, string? token, long gitHubAppId = 0)
    {
        Kind = kind;
        SecretName = secretName;
        var usesToken = kind is ArgoCdCredentialKind.Password or ArgoCdCredentialKind.BearerToken;
        UsernameDefaulted = kind == ArgoCdCredentialKind.Password && username is null;
        Username = kind == ArgoCdCredentialKind.Password ? username ?? DefaultUsername : null;
        Token = usesToken ? token : null;
        Fingerprint = Token is null ? null : GitCredential.FingerprintOf(Token);
        GitHubAppId = gitHubAppId;
    }

    /// <summary>Gets what Argo CD authenticates with.</summary>
    public ArgoCdCredentialKind Kind { get; }

    /// <summary>Gets the name of the secret the credential comes from, or <see langword="null"/> for <see cref="ArgoCdCredentialKind.None"/>.</summary>
    public string? SecretName { get; }

    /// <summary>Gets the user name Argo CD sends with a password (<see cref="DefaultUsername"/> when the secret has none), or <see langword="null"/> for other kinds.</summary>
    public string? Username { get; }

    /// <summary>Gets a value indicating whether the secret had no user name and Argo CD sends <see cref="DefaultUsername"/>.</summary>
    public bool UsernameDefaulted { get; }

    /// <summary>Gets the token's fingerprint (<c>sha256:</c> and 12 hexadecimal digits), or <see langword="null"/> when the credential is not a token.</summary>
    public string? Fingerprint { get; }

    /// <summary>Gets the GitHub App's ID for <see cref="ArgoCdCredentialKind.GitHubApp"/> (not secret), else 0.</summary>
    public long GitHubAppId { get; }

    /// <summary>Gets a value indicating whether the library can validate the credential (a password or a bearer token).</summary>
    public bool IsCheckable => Token is not null;

    /// <summary>The token (a password or a bearer token). Handle as a secret.</summary>
    internal string? Token { get; }

    /// <summary>Describes the credential without its secret.</summary>
    /// <returns>For example <c>password sha256:0123456789ab from 'github-acme' (user x-access-token)</c>.</returns>
    public override string ToString()
    {
        var from = SecretName is null ? string.Empty : $" from '{SecretName}'";
        return Kind switch
        {
            ArgoCdCredentialKind.None => "none (anonymous)",
            ArgoCdCredentialKind.Password => $"password {Fingerprint}{from} (user {Username})",
            ArgoCdCredentialKind.BearerToken => $"bearer token {Fingerprint}{from}",
            ArgoCdCredentialKind.GitHubApp => $"GitHub App {GitHubAppId}{from}",
            _ => $"{ArgoCdNames.Of(Kind)}{from}",
        };
    }
}

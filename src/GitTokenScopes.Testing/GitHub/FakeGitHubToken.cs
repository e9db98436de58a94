// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using GitTokenScopes.Testing.GitHub.Internal;

namespace GitTokenScopes.Testing;

/// <summary>
/// A token a <see cref="FakeGitHubServer"/> knows (see <see cref="FakeGitHubServer.AddToken(FakeGitHubToken)"/>), with
/// everything GitHub would answer about it. Its properties may be changed between requests (for example
/// <see cref="Revoked"/>); <see cref="ToString"/> never shows <see cref="Value"/>.
/// </summary>
public sealed class FakeGitHubToken
{
    private string? _fingerprint;

    /// <summary>Gets the token as a client sends it in <c>Authorization: token …</c> or <c>Authorization: Bearer …</c>.</summary>
    public required string Value { get; init; }

    /// <summary>Gets the kind of token; it decides the headers and rules applied, whatever <see cref="Value"/>'s prefix.</summary>
    public FakeGitHubTokenKind Kind { get; init; }

    /// <summary>
    /// Gets the classic or OAuth scopes, sent in <c>X-OAuth-Scopes</c> as <c>a, b</c> (comma and space) and used to decide
    /// what the token may do. Ignored for other kinds.
    /// </summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>Gets or sets how the scope header is sent (classic and OAuth tokens only). Defaults to <see cref="FakeGitHubScopeHeader.Present"/>.</summary>
    public FakeGitHubScopeHeader ScopeHeader { get; set; } = FakeGitHubScopeHeader.Present;

    /// <summary>
    /// Gets or sets a scope header value sent verbatim instead of <see cref="Scopes"/> when <see cref="ScopeHeader"/> is
    /// <see cref="FakeGitHubScopeHeader.Present"/>, to test spacing variants such as <c>repo,admin:repo_hook</c>.
    /// What the token may do is still decided by <see cref="Scopes"/>.
    /// </summary>
    public string? RawScopesHeaderValue { get; set; }

    /// <summary>Gets or sets the scope header's name, to test case variants such as <c>x-oauth-scopes</c>. Defaults to <c>X-OAuth-Scopes</c>.</summary>
    public string ScopesHeaderName { get; set; } = "X-OAuth-Scopes";

    /// <summary>Gets or sets when the token expires, sent in <c>github-authentication-token-expiration</c>; <see langword="null"/> sends no such header.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the expiration header uses a numeric offset: <see langword="false"/> sends
    /// <c>yyyy-MM-dd HH:mm:ss UTC</c> (converted to UTC); <see langword="true"/> sends <c>yyyy-MM-dd HH:mm:ss -0700</c>
    /// in <see cref="ExpiresAt"/>'s own offset.
    /// </summary>
    public bool ExpirationWithOffset { get; set; }

    /// <summary>Gets or sets a value indicating whether the token was revoked (or expired): every request answers 401 Bad credentials, as GitHub does not tell them apart.</summary>
    public bool Revoked { get; set; }

    /// <summary>Gets or sets the account's login, returned by <c>GET /user</c>. Defaults to <c>octocat</c>.</summary>
    public string Login { get; set; } = "octocat";

    /// <summary>Gets or sets the account's numeric id, returned by <c>GET /user</c> and quoted in rate-limit messages. Defaults to 1.</summary>
    public long AccountId { get; set; } = 1;

    /// <summary>Gets or sets the account's type, returned by <c>GET /user</c>: <c>User</c> (the default), <c>Bot</c> or <c>Organization</c>.</summary>
    public string AccountType { get; set; } = "User";

    /// <summary>
    /// Gets the repositories the token's account holds a grant on: full name <c>owner/repo</c> (case-insensitive) to grant.
    /// For fine-grained and App tokens this is also the token's repository selection.
    /// </summary>
    public IDictionary<string, FakeGitHubGrant> Repositories { get; } = new ConcurrentDictionary<string, FakeGitHubGrant>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets an installation token's repository selection: <c>selected</c> (the default; only
    /// <see cref="Repositories"/>) or <c>all</c> (every repository on the server is visible; permissions still come from
    /// <see cref="Repositories"/>, so a repository without a grant has <c>metadata</c> only).
    /// </summary>
    public string RepositorySelection { get; set; } = "selected";

    /// <summary>Gets or sets a rate limit the token has hit; <see langword="null"/> (the default) means a 5000 budget, decremented per request and never exhausted.</summary>
    public FakeGitHubRateLimit? RateLimit { get; set; }

    /// <summary>Gets or sets an organization that enforces SAML single sign-on the token is not authorized for: every <c>/repos/{org}/…</c> request answers 403 with <c>X-GitHub-SSO</c>.</summary>
    public string? SsoOrganization { get; set; }

    /// <summary>
    /// Gets or sets an organization whose personal-access-token policy refuses the token: every <c>/repos/{org}/…</c>
    /// request answers 403 with GitHub's policy message (classic tokens forbidden, or see <see cref="PolicyMaxLifetimeDays"/>).
    /// </summary>
    public string? PolicyOrganization { get; set; }

    /// <summary>
    /// Gets or sets the <see cref="PolicyOrganization"/>'s maximum lifetime in days: when set, the refusal is GitHub's
    /// "lifetime is greater than N days" message for fine-grained tokens; <see langword="null"/> (the default) is "forbids
    /// access via a personal access token (classic)".
    /// </summary>
    public int? PolicyMaxLifetimeDays { get; set; }

    /// <summary>Gets or sets a status every request with this token answers (for example 502), with GitHub's HTML page for 502, 503 and 504 and a JSON body otherwise.</summary>
    public int? ServerErrorStatus { get; set; }

    /// <summary>Gets or sets a delay applied to every answer to this token, after authentication, on <see cref="FakeGitHubServerOptions.TimeProvider"/>.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the server misbehaves: write probes (<c>PUT …/contents/…</c>,
    /// <c>PATCH …/hooks/{id}</c>, <c>POST …/statuses/{sha}</c>, <c>POST …/pulls</c>) answer 2xx with <c>{}</c> when the
    /// level is sufficient, instead of the validation error a probe's empty body earns. Nothing is stored either way.
    /// </summary>
    public bool AnswerWriteProbesWithSuccess { get; set; }

    /// <summary>Gets the token's fingerprint: <c>sha256:</c> and the first 12 lowercase hexadecimal characters of the SHA-256 of <see cref="Value"/>'s UTF-8 bytes.</summary>
    public string Fingerprint => _fingerprint ??= GitHubFakeTokens.Fingerprint(Value);

    /// <summary>Creates a classic personal access token: <c>ghp_</c> and 36 random alphanumeric characters, the last 6 a CRC32 checksum as GitHub makes them.</summary>
    /// <param name="scopes">The token's scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitHubToken Classic(params string[] scopes)
        => WithScopes(new FakeGitHubToken { Value = GitHubFakeTokens.NewPrefixed("ghp_"), Kind = FakeGitHubTokenKind.Classic }, scopes);

    /// <summary>Creates a fine-grained personal access token: <c>github_pat_</c>, 22 alphanumeric characters, <c>_</c> and 59 more.</summary>
    /// <returns>The token.</returns>
    public static FakeGitHubToken FineGrained()
        => new() { Value = GitHubFakeTokens.NewFineGrained(), Kind = FakeGitHubTokenKind.FineGrained };

    /// <summary>Creates an OAuth app user access token: <c>gho_</c> and 36 alphanumeric characters.</summary>
    /// <param name="scopes">The token's scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitHubToken OAuth(params string[] scopes)
        => WithScopes(new FakeGitHubToken { Value = GitHubFakeTokens.NewPrefixed("gho_"), Kind = FakeGitHubTokenKind.OAuth }, scopes);

    /// <summary>Creates a GitHub App user access token: <c>ghu_</c> and 36 alphanumeric characters.</summary>
    /// <returns>The token.</returns>
    public static FakeGitHubToken AppUser()
        => new() { Value = GitHubFakeTokens.NewPrefixed("ghu_"), Kind = FakeGitHubTokenKind.AppUser };

    /// <summary>Creates a GitHub App installation access token: <c>ghs_</c> and 36 alphanumeric characters.</summary>
    /// <returns>The token.</returns>
    public static FakeGitHubToken AppInstallation()
        => new() { Value = GitHubFakeTokens.NewPrefixed("ghs_"), Kind = FakeGitHubTokenKind.AppInstallation };

    /// <summary>Creates a pre-2021 classic token: 40 lowercase hexadecimal characters, no prefix.</summary>
    /// <param name="scopes">The token's scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitHubToken LegacyClassic(params string[] scopes)
        => WithScopes(new FakeGitHubToken { Value = GitHubFakeTokens.NewLegacy(), Kind = FakeGitHubTokenKind.Classic }, scopes);

    /// <summary>Adds (or replaces) the grant on one repository.</summary>
    /// <param name="fullName">The repository's full name, <c>owner/repo</c>.</param>
    /// <param name="grant">The grant.</param>
    /// <returns>This token, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="fullName"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="grant"/> is <see langword="null"/>.</exception>
    public FakeGitHubToken WithRepository(string fullName, FakeGitHubGrant grant)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        ArgumentNullException.ThrowIfNull(grant);
        Repositories[fullName] = grant;
        return this;
    }

    /// <summary>Describes the token by kind and fingerprint, never by value: <c>FakeGitHubToken Classic sha256:abcdef012345</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{nameof(FakeGitHubToken)} {Kind} {Fingerprint}";

    private static FakeGitHubToken WithScopes(FakeGitHubToken token, string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            token.Scopes.Add(scope);
        }

        return token;
    }
}

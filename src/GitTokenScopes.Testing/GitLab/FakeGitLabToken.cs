// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using GitTokenScopes.Testing.GitLab.Internal;

namespace GitTokenScopes.Testing;

/// <summary>
/// A token a <see cref="FakeGitLabServer"/> knows (see <see cref="FakeGitLabServer.AddToken(FakeGitLabToken)"/>), with
/// everything GitLab would answer about it. Its properties may be changed between requests; <see cref="ToString"/>
/// never shows <see cref="Value"/>.
/// </summary>
public sealed class FakeGitLabToken
{
    private string? _fingerprint;

    /// <summary>Gets the token as a client sends it (<c>PRIVATE-TOKEN</c> header, <c>Authorization: Bearer</c> or <c>?private_token=</c>).</summary>
    public required string Value { get; init; }

    /// <summary>Gets the kind of token.</summary>
    public FakeGitLabTokenKind Kind { get; init; }

    /// <summary>Gets the scopes, listed by <c>/personal_access_tokens/self</c> as given and used to decide what the token may call.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether the token is fine-grained (GitLab 18.10 and later): <c>/self</c> says
    /// <c>granular: true</c> and <c>scopes: ["granular"]</c>, and every endpoint checks <see cref="GranularScopes"/>
    /// instead of <see cref="Scopes"/>, answering 403 <c>insufficient_granular_scope</c> with GitLab's sentence.
    /// </summary>
    public bool FineGrained { get; set; }

    /// <summary>Gets the grant of a fine-grained token.</summary>
    public IList<FakeGitLabGranularScope> GranularScopes { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether <c>/self</c> lists <c>granular_scopes</c> (GitLab 19.5 and later).
    /// <see langword="false"/> answers as GitLab 18.10 to 19.4: <c>granular: true</c> only. Defaults to <see langword="true"/>.
    /// </summary>
    public bool ListsGranularScopes { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the instance enforces <see cref="ExpiresAt"/>. <see langword="false"/>
    /// accepts the token after its expiry date, <c>/self</c> then saying <c>active: false</c> with the past <c>expires_at</c>. Defaults to <see langword="true"/>.
    /// </summary>
    public bool ExpiryEnforced { get; set; } = true;

    /// <summary>Gets or sets the token's name, listed by <c>/personal_access_tokens/self</c>. Defaults to <c>gitops</c>.</summary>
    public string Name { get; set; } = "gitops";

    /// <summary>
    /// Gets or sets the expiry date (<c>expires_at</c>); <see langword="null"/> never expires. From that date on (UTC, by
    /// <see cref="FakeGitLabServerOptions.TimeProvider"/>), every request answers 401 <c>invalid_token</c> "Token is expired…", as GitLab does.
    /// </summary>
    public DateOnly? ExpiresAt { get; set; }

    /// <summary>Gets or sets a value indicating whether the token was revoked: every request answers 401 <c>invalid_token</c> "Token was revoked…".</summary>
    public bool Revoked { get; set; }

    /// <summary>Gets or sets the owner's user name, returned by <c>GET /user</c>. The factories set GitLab's patterns for bots.</summary>
    public string Username { get; set; } = "jdoe";

    /// <summary>Gets or sets the owner's user id. Defaults to 42.</summary>
    public long UserId { get; set; } = 42;

    /// <summary>Gets or sets the owner's <c>bot</c> flag, returned by <c>GET /user</c>. The bot factories set it.</summary>
    public bool IsBot { get; set; }

    /// <summary>Gets the owner's role per project full path (case-insensitive), shown as <c>permissions.project_access</c>.</summary>
    public IDictionary<string, FakeGitLabAccessLevel> ProjectAccess { get; } = new ConcurrentDictionary<string, FakeGitLabAccessLevel>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the owner's role per group full path (case-insensitive); it applies to every project under the group, shown as <c>permissions.group_access</c>.</summary>
    public IDictionary<string, FakeGitLabAccessLevel> GroupAccess { get; } = new ConcurrentDictionary<string, FakeGitLabAccessLevel>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets a rate limit the token has hit: while set, every request answers 429 <c>Retry later</c> with this
    /// <c>Retry-After</c> (whole seconds) and <c>RateLimit-*</c> headers, as GitLab's throttles do.
    /// </summary>
    public TimeSpan? RateLimitRetryAfter { get; set; }

    /// <summary>Gets or sets a status every request with this token answers (for example 502), after authentication.</summary>
    public int? ServerErrorStatus { get; set; }

    /// <summary>Gets or sets a delay applied to every answer to this token, after authentication, on <see cref="FakeGitLabServerOptions.TimeProvider"/>.</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>Gets or sets a value indicating whether every successful answer's JSON body is cut in half (malformed), as a broken proxy would.</summary>
    public bool MalformedJson { get; set; }

    /// <summary>Gets the token's fingerprint: <c>sha256:</c> and the first 12 lowercase hexadecimal characters of the SHA-256 of <see cref="Value"/>'s UTF-8 bytes.</summary>
    public string Fingerprint => _fingerprint ??= GitLabFakeTokens.Fingerprint(Value);

    /// <summary>Creates a personal access token: <c>glpat-</c> and 20 random characters.</summary>
    /// <param name="scopes">The token's scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitLabToken Personal(params string[] scopes)
        => WithScopes(new FakeGitLabToken { Value = GitLabFakeTokens.NewPersonal(), Kind = FakeGitLabTokenKind.Personal }, scopes);

    /// <summary>Creates a project access token, owned by the bot <c>project_{projectId}_bot_{32 hex}</c>.</summary>
    /// <param name="projectId">The project's id, part of the bot's user name.</param>
    /// <param name="scopes">The token's scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitLabToken ProjectBot(long projectId, params string[] scopes)
        => WithScopes(new FakeGitLabToken { Value = GitLabFakeTokens.NewPersonal(), Kind = FakeGitLabTokenKind.ProjectBot, Username = GitLabFakeTokens.BotName("project", projectId), IsBot = true, UserId = 9000 + projectId }, scopes);

    /// <summary>Creates a group access token, owned by the bot <c>group_{groupId}_bot_{32 hex}</c>.</summary>
    /// <param name="groupId">The group's id, part of the bot's user name.</param>
    /// <param name="scopes">The token's scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitLabToken GroupBot(long groupId, params string[] scopes)
        => WithScopes(new FakeGitLabToken { Value = GitLabFakeTokens.NewPersonal(), Kind = FakeGitLabTokenKind.GroupBot, Username = GitLabFakeTokens.BotName("group", groupId), IsBot = true, UserId = 8000 + groupId }, scopes);

    /// <summary>Creates a fine-grained personal access token (<c>scopes: ["granular"]</c>) with a grant.</summary>
    /// <param name="grant">The token's granular scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitLabToken FineGrainedPersonal(params FakeGitLabGranularScope[] grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var token = WithScopes(new FakeGitLabToken { Value = GitLabFakeTokens.NewPersonal(), Kind = FakeGitLabTokenKind.Personal, FineGrained = true }, ["granular"]);
        foreach (var scope in grant)
        {
            token.GranularScopes.Add(scope);
        }

        return token;
    }

    /// <summary>Creates a personal access token of a group's service account, the bot <c>service_account_group_{groupId}_{32 hex}</c>.</summary>
    /// <param name="groupId">The top-level group's id, part of the account's user name.</param>
    /// <param name="scopes">The token's scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitLabToken ServiceAccount(long groupId, params string[] scopes)
        => WithScopes(new FakeGitLabToken { Value = GitLabFakeTokens.NewPersonal(), Kind = FakeGitLabTokenKind.ServiceAccount, Username = GitLabFakeTokens.BotName("service_account_group", groupId).Replace("_bot_", "_", StringComparison.Ordinal), IsBot = true, UserId = 7000 + groupId }, scopes);

    /// <summary>Creates an impersonation token for a user.</summary>
    /// <param name="scopes">The token's scopes.</param>
    /// <returns>The token.</returns>
    public static FakeGitLabToken Impersonation(params string[] scopes)
        => WithScopes(new FakeGitLabToken { Value = GitLabFakeTokens.NewPersonal(), Kind = FakeGitLabTokenKind.Impersonation }, scopes);

    /// <summary>Gives the token's owner a role on one project.</summary>
    /// <param name="pathWithNamespace">The project's full path.</param>
    /// <param name="level">The role.</param>
    /// <returns>This token, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="pathWithNamespace"/> is null or blank.</exception>
    public FakeGitLabToken WithProject(string pathWithNamespace, FakeGitLabAccessLevel level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathWithNamespace);
        ProjectAccess[pathWithNamespace] = level;
        return this;
    }

    /// <summary>Gives the token's owner a role on a group (and so on every project under it).</summary>
    /// <param name="groupPath">The group's full path.</param>
    /// <param name="level">The role.</param>
    /// <returns>This token, for chaining.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="groupPath"/> is null or blank.</exception>
    public FakeGitLabToken WithGroup(string groupPath, FakeGitLabAccessLevel level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupPath);
        GroupAccess[groupPath] = level;
        return this;
    }

    /// <summary>Describes the token by kind and fingerprint, never by value: <c>FakeGitLabToken Personal sha256:abcdef012345</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{nameof(FakeGitLabToken)} {Kind} {Fingerprint}";

    private static FakeGitLabToken WithScopes(FakeGitLabToken token, string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            token.Scopes.Add(scope);
        }

        return token;
    }
}

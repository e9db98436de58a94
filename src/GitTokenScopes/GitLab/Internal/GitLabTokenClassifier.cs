// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab.Internal;

/// <summary>
/// A GitLab token's kind from its prefix, then from its owner (PROVIDERS.md §2.4). Personal, project, group and
/// impersonation tokens share <c>glpat-</c> (configurable; none before 14.5); the other kinds have their own.
/// </summary>
internal static class GitLabTokenClassifier
{
    /// <summary>Token kinds that are not access tokens: prefix → why they cannot be checked here.</summary>
    private static readonly (string Prefix, string Message)[] OtherKinds =
    [
        ("gldt-", "GitLab deploy tokens (gldt-) give Git and registry access to one project or group and cannot call the REST API; use a personal, project or group access token."),
        ("glrt-", "GitLab runner authentication tokens (glrt-) only register and run CI runners; use a personal, project or group access token."),
        ("glrtr-", "GitLab runner registration tokens (glrtr-) only register CI runners; use a personal, project or group access token."),
        ("glcbt-", "GitLab CI/CD job tokens (glcbt-) live only while a job runs and reach few API endpoints; use a personal, project or group access token."),
        ("glptt-", "GitLab pipeline trigger tokens (glptt-) only start pipelines; use a personal, project or group access token."),
        ("glft-", "GitLab feed tokens (glft-) only read RSS and calendar feeds; use a personal, project or group access token."),
        ("glimt-", "GitLab incoming e-mail tokens (glimt-) only address issues by e-mail; use a personal, project or group access token."),
        ("glagent-", "GitLab agent for Kubernetes tokens (glagent-) only connect a cluster agent; use a personal, project or group access token."),
        ("gloas-", "GitLab OAuth application secrets (gloas-) are not access tokens; exchange them through OAuth, or use a personal, project or group access token."),
        ("glsoat-", "GitLab SCIM OAuth tokens (glsoat-) only provision users; use a personal, project or group access token."),
        ("glffct-", "GitLab feature flags client tokens (glffct-) only read feature flags; use a personal, project or group access token."),
    ];

    /// <summary>Classifies by prefix: <c>glpat-</c> → personal (refined later from the owner); known other kinds → other; anything else → unknown.</summary>
    public static (TokenType Type, string? UnsupportedMessage) Classify(string token)
    {
        if (token.StartsWith("glpat-", StringComparison.Ordinal))
        {
            return (TokenType.GitLabPersonal, null);
        }

        var other = Array.Find(OtherKinds, k => token.StartsWith(k.Prefix, StringComparison.Ordinal)).Message;
        return other is null ? (TokenType.Unknown, null) : (TokenType.GitLabOther, other);
    }

    /// <summary>
    /// <c>project_{id}_bot…</c> → project token, <c>group_{id}_bot…</c> → group token; any other bot owner is a service
    /// account (<c>service_account_…</c> by default, any name since 16.10: no other bot holds personal tokens); others → personal.
    /// </summary>
    public static TokenType? FromOwner(string? username, bool? bot) => username switch
    {
        null => null,
        _ when bot != false && IsBotName(username, "project_") => TokenType.GitLabProject,
        _ when bot != false && IsBotName(username, "group_") => TokenType.GitLabGroup,
        _ when bot == true || (bot is null && username.StartsWith("service_account_", StringComparison.Ordinal)) => TokenType.GitLabServiceAccount,
        _ => TokenType.GitLabPersonal,
    };

    /// <summary><c>{kind}{id}_bot</c> followed by nothing, digits or <c>_</c> and a random suffix (older instances: no or numeric suffix).</summary>
    private static bool IsBotName(string username, string kind)
    {
        if (!username.StartsWith(kind, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = username.AsSpan(kind.Length);
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        return digits > 0 && rest[digits..].StartsWith("_bot", StringComparison.Ordinal);
    }
}

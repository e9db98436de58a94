// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;
using GitTokenScopes.GitLab.Internal;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// How the user fixes a failed token: what to add and why, then where to create a replacement. A replacement must stand
/// on its own, so the pre-filled link asks for exactly the requirement (one scope per clause, the clause's preferred
/// one), not for the missing scopes alone, which would give a token that lacks what the old one had.
/// </summary>
internal static class RemediationBuilder
{
    public static Remediation? Build(
        TokenValidationRequest request,
        string? runtime,
        TokenInspection inspection,
        ScopeRequirement? requirement,
        IReadOnlyList<ClauseFinding> findings,
        IReadOnlyList<RepositoryAccessResult> repositories,
        TokenValidationOptions options)
    {
        var steps = new List<string>();
        var needsNewToken = false;
        switch (inspection.Status)
        {
            case InspectionStatus.Invalid or InspectionStatus.Expired or InspectionStatus.Revoked:
                steps.Add($"The provider rejected the token ({inspection.Status.ToWireName()}): create a new one.");
                needsNewToken = true;
                break;
            case InspectionStatus.SsoRequired:
                steps.Add(inspection.ActionUrl is { } sso
                    ? $"Authorize the token for the organization's SAML single sign-on at {sso}."
                    : "Authorize the token for the organization's SAML single sign-on (Settings → Developer settings → Personal access tokens → Configure SSO).");
                return new Remediation { Steps = steps };
            case InspectionStatus.Unsupported:
                steps.Add((inspection.Message ?? "This kind of token cannot be used here.") + " Use a personal access token (or the provider's equivalent) instead.");
                needsNewToken = true;
                break;
        }

        foreach (var finding in findings.Where(f => f.State == ClauseState.Missing))
        {
            steps.Add($"Missing {finding.Label} ({string.Join(" or ", finding.Scopes)}): {finding.Purpose}");
            needsNewToken = true;
        }

        foreach (var repository in repositories.Where(r => r.State is RepositoryAccessState.Insufficient or RepositoryAccessState.NotVisible))
        {
            var access = repository.Needed == RepositoryAccess.ReadWrite ? "read and write" : "read";
            steps.Add($"Give the token {access} access to {repository.Repository}" + (inspection.Family == TokenFamily.FineGrained ? " (include it in the token's repository access)." : " (add its account to the repository with that role)."));
        }

        Uri? url = null;
        if (needsNewToken && requirement is not null)
        {
            var description = Description(request, runtime, options);
            var scopes = requirement.Clauses.Select(c => c.Preferred).ToArray();
            url = CreateTokenUrl(request, inspection, scopes, description);
            steps.Add(url is not null
                ? $"Create a replacement token with the required scopes at {url.AbsoluteUri}, then update it where the runtime uses it."
                : CreationSteps(inspection, requirement));
        }

        return steps.Count == 0 ? null : new Remediation { CreateTokenUrl = url, Steps = steps };
    }

    private static string Description(TokenValidationRequest request, string? runtime, TokenValidationOptions options)
    {
        var description = options.TokenDescription ?? (request.Kind == TokenKind.Runtime ? "GitOps runtime" : "GitOps user");
        return runtime is null ? description : $"{description} ({runtime})";
    }

    private static Uri? CreateTokenUrl(TokenValidationRequest request, TokenInspection inspection, string[] scopes, string description)
    {
        var server = request.Credential.ServerUrl;
        switch (inspection.Provider, inspection.Family, inspection.TokenType)
        {
            case (GitProvider.GitHub, TokenFamily.Classic, not TokenType.GitHubOAuth):
                return GitHubTokenCreationUrl.Classic(GitHubTokenCreationUrl.WebRoot(server, inspection.ApiUrl), scopes, description);
            case (GitProvider.GitHub, TokenFamily.FineGrained, TokenType.GitHubFineGrained) when !GitHubTokenCreationUrl.IsEnterpriseServer(inspection.ApiUrl):
                var owner = request.Repositories.Count > 0 ? request.Repositories[0].Owner : null;
                return GitHubTokenCreationUrl.FineGrained(GitHubTokenCreationUrl.WebRoot(server, inspection.ApiUrl), scopes, description, description, owner);
            case (GitProvider.GitLab, _, TokenType.GitLabPersonal or TokenType.GitLabImpersonation or TokenType.GitLabOther or TokenType.Unknown):
                return GitLabTokenCreationUrl.PersonalAccessToken(GitLabTokenCreationUrl.WebRoot(server, inspection.ApiUrl), scopes, description);
            default:
                return null;
        }
    }

    private static string CreationSteps(TokenInspection inspection, ScopeRequirement requirement)
    {
        var labels = string.Join("; ", requirement.Clauses.Select(c => c.Label));
        var scopes = string.Join(", ", requirement.Clauses.Select(c => c.Preferred));
        return (inspection.Provider, inspection.TokenType) switch
        {
            (GitProvider.GitHub, TokenType.GitHubOAuth) => $"Authorize the OAuth app again with the scopes {scopes}.",
            (GitProvider.GitHub, TokenType.GitHubAppUser or TokenType.GitHubAppInstallation) => $"Give the GitHub App the permissions {labels}, then have the installation accept them.",
            (GitProvider.GitHub, _) => $"On GitHub: Settings → Developer settings → Personal access tokens → Fine-grained tokens → Generate new token, with {labels}.",
            (GitProvider.GitLab, TokenType.GitLabProject) => $"On GitLab: the project's Settings → Access tokens → Add new token, with the scopes {scopes}.",
            (GitProvider.GitLab, TokenType.GitLabGroup) => $"On GitLab: the group's Settings → Access tokens → Add new token, with the scopes {scopes}.",
            (GitProvider.GitLab, _) => $"On GitLab: Edit profile → Access tokens → Add new token, with the scopes {scopes}.",
            (GitProvider.BitbucketCloud, TokenType.BitbucketAppPassword) =>
                $"App passwords can no longer be created (Atlassian stopped that on 2025-09-09): create an Atlassian API token with scopes (Atlassian account → Security → Create API token with scopes → Bitbucket) granting {labels}.",
            (GitProvider.BitbucketCloud, TokenType.BitbucketApiToken) =>
                $"Create an Atlassian API token with scopes (Atlassian account → Security → Create API token with scopes → Bitbucket) with {scopes}.",
            (GitProvider.BitbucketCloud, TokenType.BitbucketRepositoryAccessToken) => $"On Bitbucket: Repository settings → Access tokens → Create access token, with {labels}.",
            (GitProvider.BitbucketCloud, TokenType.BitbucketProjectAccessToken) => $"On Bitbucket: Project settings → Access tokens → Create access token, with {labels}.",
            (GitProvider.BitbucketCloud, TokenType.BitbucketWorkspaceAccessToken) => $"On Bitbucket: Workspace settings → Access tokens → Create access token, with {labels}.",
            (GitProvider.BitbucketCloud, _) => $"On Bitbucket: create a credential with {labels}.",
            (GitProvider.BitbucketServer, TokenType.BitbucketServerProject) => $"On Bitbucket: the project's settings → HTTP access tokens → Create token, with {scopes}.",
            (GitProvider.BitbucketServer, TokenType.BitbucketServerRepository) => $"On Bitbucket: the repository's settings → HTTP access tokens → Create token, with {scopes}.",
            _ => $"On Bitbucket: your avatar → Manage account → HTTP access tokens → Create token, with {scopes}.",
        };
    }
}

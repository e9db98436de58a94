// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Inspection.Internal;
using GitTokenScopes.Providers.Internal;
namespace GitTokenScopes.GitHub.Internal;

internal sealed partial class GitHubTokenInspector
{
    /// <summary>Classic, OAuth and unrecognized tokens: scopes from <c>X-OAuth-Scopes</c>, repositories from their <c>permissions</c>.</summary>
    private async Task InspectClassicAsync(ProviderSession session, TokenInspectionRequest request, InspectionDraft result, CancellationToken cancellationToken)
    {
        // Every request settles before any answer is read, so none is still running when the inspection ends.
        var identityTask = session.TrySendAsync(HttpMethod.Get, "user", null, cancellationToken);
        var repositoryTasks = request.Repositories
            .Select(r => session.TrySendAsync(HttpMethod.Get, GitHubApiAddress.RepositoryPath(r), null, cancellationToken))
            .ToArray();
        var repositories = await Task.WhenAll(repositoryTasks).ConfigureAwait(false);
        var identity = (await identityTask.ConfigureAwait(false)).Required;

        if (!identity.IsSuccess)
        {
            FailWith(result, identity, "GET /user");
            return;
        }

        var scopes = GitHubHeaders.Scopes(identity);
        if (result.Type == TokenType.Unknown)
        {
            if (scopes is null)
            {
                result.Fail(InspectionStatus.Unsupported, "The token's format is not one GitHub issues, and GitHub sent no scope list for it.");
                return;
            }

            result.Family = TokenFamily.Classic;
            result.Note("Unrecognized token format; GitHub reported OAuth scopes, so it was read as a classic token.");
        }

        // The prefix decides the family; an absent or empty scope header on a classic token means "no scopes".
        result.Granted = GrantedScopes.Create(ClassicVocabulary, scopes ?? []);
        if (scopes is null)
        {
            result.Note("GitHub sent no X-OAuth-Scopes header: the token holds no scopes.");
        }

        result.Account = GitHubJson.Account(identity.Body);
        result.ExpiresAt = GitHubHeaders.Expiration(identity);
        result.ExpiryKnown = true;
        result.RateLimit = GitHubHeaders.RateLimit(identity, time);

        for (var i = 0; i < repositories.Length; i++)
        {
            result.Repositories.Add(ClassicRepository(result, request.Repositories[i], repositories[i]));
        }
    }

    private RepositoryAccessResult ClassicRepository(InspectionDraft result, RepositoryRequest repository, ProviderReply reply)
    {
        if (reply.Answer is not { } answer)
        {
            return reply.NotChecked(repository);
        }

        var granted = result.Granted!;
        switch (GitHubStatusMap.Classify(answer))
        {
            case ProviderOutcome.Success when GitHubJson.Repository(answer.Body) is { } info:
            {
                var (isPrivate, pull, push) = info;

                // Push needs both the account's role and a scope that lets the token write: repo, or public_repo on a public repository.
                var scopeWrites = granted.Grants("repo") || (isPrivate == false && granted.Grants("public_repo"));
                var canRead = pull ?? true;
                bool? canWrite = push is null ? null : push.Value && scopeWrites;
                var enough = repository.Access == RepositoryAccess.Read ? canRead : canWrite;
                var message = enough switch
                {
                    true => null,
                    null => "GitHub did not report the token's permissions on the repository.",
                    false when push == true => "The account may push, but the token lacks the repo scope (public_repo covers public repositories only).",
                    false => "The account's role on the repository does not allow pushing.",
                };
                return new(repository.Name, repository.Access, enough switch { true => RepositoryAccessState.Granted, false => RepositoryAccessState.Insufficient, null => RepositoryAccessState.Unknown }, canRead, canWrite, message);
            }

            case ProviderOutcome.NotFound:
                return new(repository.Name, repository.Access, RepositoryAccessState.NotVisible, false, false,
                    granted.Grants("repo")
                        ? "GitHub does not show the repository to the token: it does not exist or the account has no access."
                        : "GitHub does not show the repository to the token: a private repository needs the repo scope, or the account has no access.");
            default:
                return UnknownRepository(result, repository, answer);
        }
    }

    /// <summary>A repository call that neither succeeded nor said "not visible": rate limit, SSO, outage or a malformed answer.</summary>
    private RepositoryAccessResult UnknownRepository(InspectionDraft result, RepositoryRequest repository, ProviderAnswer answer)
    {
        var outcome = GitHubStatusMap.Classify(answer);
        if (outcome is ProviderOutcome.RateLimited or ProviderOutcome.SsoRequired)
        {
            FailWith(result, answer, $"GET /{GitHubApiAddress.RepositoryPath(repository)}");
        }

        var message = outcome switch
        {
            ProviderOutcome.RateLimited => "Not checked: GitHub's rate limit was reached.",
            ProviderOutcome.SsoRequired => "The owning organization requires SAML single sign-on authorization of the token.",
            ProviderOutcome.Success => "GitHub's answer could not be read.",
            _ => $"GitHub answered {answer.StatusCode}.",
        };
        return new(repository.Name, repository.Access, RepositoryAccessState.Unknown, null, null, message);
    }
}

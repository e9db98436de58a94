// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.BitbucketCloud.Internal;

/// <summary>How to replace a Bitbucket Cloud credential; Bitbucket has no pre-filled creation page.</summary>
internal sealed class BitbucketCloudGuide : IProviderGuide
{
    /// <summary>The one statement of the app-password retirement: the inspector's note, the warning and the remediation step.</summary>
    internal const string AppPasswordRetirement =
        "Bitbucket Cloud app passwords were removed on 2026-07-28 (none could be created after 2025-09-09; brownouts ran from "
        + "2026-06-09 to 2026-07-27): replace it with an Atlassian API token with scopes (its REST user name is the Atlassian "
        + "account's e-mail address) or a repository, project or workspace access token.";

    private const string ApiTokenPage = "Atlassian account → Security → Create API token with scopes → Bitbucket";

    public GitProvider Provider => GitProvider.BitbucketCloud;

    public Uri DefaultApiUrl => BitbucketCloudApiAddress.BitbucketOrg;

    public Uri? CreationLink(TokenInspection inspection, Uri? serverUrl, IReadOnlyList<string> scopes, string description, string? owner) => null;

    public string CreationSteps(TokenType tokenType, string labels, string scopes)
        => tokenType switch
        {
            TokenType.BitbucketAppPassword => $"{AppPasswordRetirement} Create it at {ApiTokenPage}, granting {labels}.",
            TokenType.BitbucketApiToken => $"Create an Atlassian API token with scopes ({ApiTokenPage}) with {scopes}.",
            TokenType.BitbucketRepositoryAccessToken => $"On Bitbucket: Repository settings → Access tokens → Create access token, with {labels}.",
            TokenType.BitbucketProjectAccessToken => $"On Bitbucket: Project settings → Access tokens → Create access token, with {labels}.",
            TokenType.BitbucketWorkspaceAccessToken => $"On Bitbucket: Workspace settings → Access tokens → Create access token, with {labels}.",
            _ => $"On Bitbucket: create a credential with {labels}.",
        };

    public IEnumerable<ValidationWarning> Warnings(TokenInspection inspection)
        => inspection.TokenType == TokenType.BitbucketAppPassword
            ? [new(ValidationWarningCode.AppPasswordRetiring, WarningSeverity.Warning, AppPasswordRetirement)]
            : [];
}

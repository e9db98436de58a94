// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>How to replace a Bitbucket Server or Data Center HTTP access token; there is no pre-filled creation page.</summary>
internal sealed class BitbucketServerGuide : IProviderGuide
{
    public GitProvider Provider => GitProvider.BitbucketServer;

    public Uri DefaultApiUrl => BitbucketServerApiAddress.Placeholder;

    public Uri? CreationLink(TokenInspection inspection, Uri? serverUrl, IReadOnlyList<string> scopes, string description, string? owner) => null;

    public string CreationSteps(TokenType tokenType, string labels, string scopes)
        => tokenType switch
        {
            TokenType.BitbucketServerProject => $"On Bitbucket: the project's settings → HTTP access tokens → Create token, with {scopes}.",
            TokenType.BitbucketServerRepository => $"On Bitbucket: the repository's settings → HTTP access tokens → Create token, with {scopes}.",
            _ => $"On Bitbucket: your avatar → Manage account → HTTP access tokens → Create token, with {scopes}.",
        };

    public IEnumerable<ValidationWarning> Warnings(TokenInspection inspection) => [];
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Validation.Internal;

/// <summary>What the validator tells a user about one provider: where to create a token, how, and what to beware of.</summary>
internal interface IProviderGuide
{
    GitProvider Provider { get; }

    /// <summary>The API address reported when an inspector failed before naming one.</summary>
    Uri DefaultApiUrl { get; }

    /// <summary>A pre-filled page creating a replacement with <paramref name="scopes"/>; <see langword="null"/> when the provider has none for this token type.</summary>
    Uri? CreationLink(TokenInspection inspection, Uri? serverUrl, IReadOnlyList<string> scopes, string description, string? owner);

    /// <summary>Where to create a replacement by hand, given the requirement's clause labels and preferred scopes.</summary>
    string CreationSteps(TokenType tokenType, string labels, string scopes);

    IEnumerable<ValidationWarning> Warnings(TokenInspection inspection);
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// Asks one provider's API what a token really holds. Inspectors never throw for provider answers or transport
/// failures: they return a <see cref="TokenInspection"/> whose <see cref="TokenInspection.Status"/> says what happened.
/// </summary>
/// <remarks>
/// An inspector a host registers (<c>services.AddSingleton&lt;ITokenInspector&gt;(…)</c>) replaces the library's built-in
/// one for its provider, whatever the order of registration; two of the host's own for one provider make resolving
/// <see cref="ITokenValidator"/> throw an <see cref="InvalidOperationException"/> that names both.
/// </remarks>
public interface ITokenInspector
{
    /// <summary>Gets the provider this inspector talks to.</summary>
    GitProvider Provider { get; }

    /// <summary>Inspects a token: the credential, the repositories to check and the requirements to probe for.</summary>
    /// <param name="request">What to inspect.</param>
    /// <param name="cancellationToken">Cancels the inspection; an <see cref="OperationCanceledException"/> is then thrown.</param>
    Task<TokenInspection> InspectAsync(TokenInspectionRequest request, CancellationToken cancellationToken = default);
}

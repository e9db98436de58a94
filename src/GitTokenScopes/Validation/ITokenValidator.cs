// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// The library's entry point: validates a Git token against the catalogue's requirements and returns a report.
/// Registered by <c>services.AddGitTokenScopes()</c>; add the providers' inspectors with <c>AddGitHub()</c> and friends.
/// </summary>
/// <remarks>
/// Provider answers never surface as exceptions: an unreachable or rate-limiting provider gives an
/// <see cref="ValidationVerdict.Indeterminate"/> report. Exceptions mean a programming or wiring error (a
/// <see langword="null"/> argument, no inspector registered for the provider) or the caller's cancellation.
/// </remarks>
public interface ITokenValidator
{
    /// <summary>Validates a token for the request's runtime.</summary>
    /// <param name="request">What to validate.</param>
    /// <param name="cancellationToken">Cancels the validation; an <see cref="OperationCanceledException"/> is then thrown.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Thrown when no inspector is registered for the credential's provider.</exception>
    Task<TokenValidationReport> ValidateAsync(TokenValidationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates one token for several runtimes (the same User token configured on several runtimes) with one set of
    /// provider calls, and returns one report per runtime, in order. The request's own runtime name is not used.
    /// </summary>
    /// <param name="request">What to validate.</param>
    /// <param name="runtimeNames">The runtimes, at least one; a <see langword="null"/> entry stands for the defaults.</param>
    /// <param name="cancellationToken">Cancels the validation; an <see cref="OperationCanceledException"/> is then thrown.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when no runtime is given.</exception>
    /// <exception cref="InvalidOperationException">Thrown when no inspector is registered for the credential's provider.</exception>
    Task<IReadOnlyList<TokenValidationReport>> ValidateForRuntimesAsync(TokenValidationRequest request, IEnumerable<string?> runtimeNames, CancellationToken cancellationToken = default);

    /// <summary>Forgets every cached inspection of a token, for example after its owner updated its scopes.</summary>
    /// <param name="credential">The credential whose token to forget (its provider and username are part of the identity).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the entries are gone (from the distributed cache too, when one is registered).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="credential"/> is <see langword="null"/>.</exception>
    ValueTask InvalidateAsync(GitCredential credential, CancellationToken cancellationToken = default);
}

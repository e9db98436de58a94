// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;

namespace GitTokenScopes.Testing;

/// <summary>
/// An <see cref="ITokenInspector"/> for tests that answers what a test scripts, without any HTTP: register it with
/// <c>services.AddSingleton&lt;ITokenInspector&gt;(fake)</c>, before or after <c>AddGitHub()</c> and friends, and it
/// replaces the built-in inspector for its provider (two fakes for one provider are an error). Records every request;
/// thread-safe.
/// </summary>
public sealed class FakeTokenInspector : ITokenInspector
{
    private readonly ConcurrentQueue<TokenInspectionRequest> _requests = new();
    private Func<TokenInspectionRequest, CancellationToken, Task<TokenInspection>> _answer;

    /// <summary>
    /// Initializes a new instance of the <see cref="FakeTokenInspector"/> class that answers every token as valid with
    /// nothing else known (<see cref="Ok"/>: no family, no grant), so a validation of it is indeterminate under the
    /// default fail-closed policy until the test scripts a grant (<see cref="Grant"/>) or an answer.
    /// </summary>
    /// <param name="provider">The provider it stands in for.</param>
    public FakeTokenInspector(GitProvider provider)
    {
        Provider = provider;
        _answer = (request, _) => Task.FromResult(Ok(request));
    }

    /// <inheritdoc/>
    public GitProvider Provider { get; }

    /// <summary>Gets every request so far, in order.</summary>
    public IReadOnlyList<TokenInspectionRequest> Requests => [.. _requests];

    /// <summary>Gets how many inspections were asked for.</summary>
    public int CallCount => _requests.Count;

    /// <summary>Answers every request with the inspection <paramref name="answer"/> builds.</summary>
    /// <param name="answer">Builds the inspection for a request.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="answer"/> is <see langword="null"/>.</exception>
    public FakeTokenInspector Answer(Func<TokenInspectionRequest, TokenInspection> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _answer = (request, _) => Task.FromResult(answer(request));
        return this;
    }

    /// <summary>Answers every request asynchronously (to delay, to throw, or to observe cancellation).</summary>
    /// <param name="answer">Builds the inspection for a request.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="answer"/> is <see langword="null"/>.</exception>
    public FakeTokenInspector Answer(Func<TokenInspectionRequest, CancellationToken, Task<TokenInspection>> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _answer = answer;
        return this;
    }

    /// <summary>Answers every request with a valid token of <paramref name="family"/> holding <paramref name="scopes"/>.</summary>
    /// <param name="family">The token family (must belong to the provider).</param>
    /// <param name="scopes">The granted scopes.</param>
    /// <returns>This instance, for chaining.</returns>
    public FakeTokenInspector Grant(TokenFamily family, params string[] scopes)
    {
        var vocabulary = ScopeVocabulary.For(Provider, family);
        return Answer(request => new TokenInspection
        {
            Provider = request.Credential.Provider,
            ApiUrl = ApiUrlOf(request),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = request.Credential.Fingerprint,
            Family = family,
            Granted = GrantedScopes.Create(vocabulary, scopes),
        });
    }

    /// <inheritdoc/>
    public Task<TokenInspection> InspectAsync(TokenInspectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        _requests.Enqueue(request);
        return _answer(request, cancellationToken);
    }

    /// <summary>A valid inspection of the request's credential about which nothing else is known (no family, no grant).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The inspection.</returns>
    public static TokenInspection Ok(TokenInspectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TokenInspection
        {
            Provider = request.Credential.Provider,
            ApiUrl = ApiUrlOf(request),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = request.Credential.Fingerprint,
        };
    }

    /// <summary>The API address the request names, or a placeholder that can never be resolved.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The address.</returns>
    public static Uri ApiUrlOf(TokenInspectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Credential.ApiUrl ?? request.Credential.ServerUrl ?? new Uri("https://example.invalid/");
    }
}

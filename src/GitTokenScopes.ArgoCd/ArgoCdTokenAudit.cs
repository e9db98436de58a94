// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>One distinct token and its validation: the secrets that hold it, everything it serves, one report per runtime.</summary>
public sealed class ArgoCdTokenAudit
{
    internal ArgoCdTokenAudit(
        ArgoCdCredential credential, GitProvider provider, TokenKind kind, IReadOnlyList<string> secretNames,
        IReadOnlyList<RepositoryRequest> repositories, IReadOnlyList<TokenValidationReport> reports, string? problem)
    {
        Credential = credential;
        Provider = provider;
        Kind = kind;
        SecretNames = secretNames;
        Repositories = repositories;
        Reports = reports;
        Problem = problem;
    }

    /// <summary>Gets the credential (the first secret that holds the token; see <see cref="SecretNames"/> for all).</summary>
    public ArgoCdCredential Credential { get; }

    /// <summary>Gets the token's fingerprint.</summary>
    public string Fingerprint => Credential.Fingerprint!;

    /// <summary>Gets the provider the token was validated at.</summary>
    public GitProvider Provider { get; }

    /// <summary>Gets the kind it was validated as: Runtime when one of its secrets is a runtime secret (<see cref="ArgoCdAuditOptions.RuntimeSecretNames"/>), else User.</summary>
    public TokenKind Kind { get; }

    /// <summary>Gets every secret that holds the token, in the order met.</summary>
    public IReadOnlyList<string> SecretNames { get; }

    /// <summary>Gets the repositories the token must reach, each with the access it needs.</summary>
    public IReadOnlyList<RepositoryRequest> Repositories { get; }

    /// <summary>Gets one report per runtime (one inspection for all of them); empty when <see cref="Problem"/> is set.</summary>
    public IReadOnlyList<TokenValidationReport> Reports { get; }

    /// <summary>Gets why the token could not be validated at all (a value that cannot travel in a header), or <see langword="null"/>.</summary>
    public string? Problem { get; }

    /// <summary>Gets the worst verdict of the reports (fail, then indeterminate, then pass, then skipped); indeterminate when there is a <see cref="Problem"/>.</summary>
    public ValidationVerdict Verdict => Reports.Count == 0 ? ValidationVerdict.Indeterminate : ArgoCdAuditResult.Worst(Reports.Select(r => r.Verdict));

    /// <inheritdoc/>
    public override string ToString() => $"{Verdict.ToWireName()}: {Provider.ToWireName()} {Kind.ToWireName()} token {Fingerprint} from {string.Join(", ", SecretNames.Select(n => $"'{n}'"))}; repositories: {Repositories.Count}";
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.ArgoCd.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// Audits an Argo CD configuration: resolves the credential of every repository (<see cref="ArgoCdResolver"/>),
/// then validates every distinct token once for everything it serves, with one report per runtime, through the
/// host's <see cref="ITokenValidator"/>. Credentials the library cannot check are listed, never skipped silently.
/// </summary>
public sealed class ArgoCdAudit
{
    private readonly ITokenValidator _validator;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="ArgoCdAudit"/> class.</summary>
    /// <param name="validator">The validator (from <c>services.AddGitTokenScopes()</c>).</param>
    /// <param name="logger">Where to log what was resolved and validated (names and fingerprints, never a value); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="validator"/> is <see langword="null"/>.</exception>
    public ArgoCdAudit(ITokenValidator validator, ILogger<ArgoCdAudit>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Resolves and audits <paramref name="secrets"/>.</summary>
    /// <param name="secrets">Argo CD's secrets (see <see cref="ArgoCdSecretReader"/> or the <see cref="ArgoCdSecret"/> constructor).</param>
    /// <param name="options">Host mappings, runtime secrets and runtimes; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the validations.</param>
    /// <returns>The audit.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="secrets"/> is <see langword="null"/>.</exception>
    public Task<ArgoCdAuditResult> AuditAsync(IEnumerable<ArgoCdSecret> secrets, ArgoCdAuditOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        options ??= new ArgoCdAuditOptions();
        return AuditResolvedAsync(ArgoCdResolver.Resolve(secrets, options), options, cancellationToken);
    }

    /// <summary>Audits a resolution made earlier (a host that showed it first, say).</summary>
    /// <param name="resolution">The resolution.</param>
    /// <param name="options">The options it was made with; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the validations.</param>
    /// <returns>The audit.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="resolution"/> is <see langword="null"/>.</exception>
    public async Task<ArgoCdAuditResult> AuditResolvedAsync(ArgoCdResolution resolution, ArgoCdAuditOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        options ??= new ArgoCdAuditOptions();
        ArgoCdLog.Resolved(_logger, resolution.SecretCount, resolution.Assignments.Count, resolution.Findings.Count);
        foreach (var finding in resolution.Findings)
        {
            ArgoCdLog.Finding(_logger, finding.CodeName, finding.Severity, finding.Message);
        }

        var groups = Group(resolution.Assignments, options);
        var runtimes = options.Runtimes.Count == 0 ? [null] : options.Runtimes.Select(r => (string?)r).ToArray();
        var findings = resolution.Findings.ToList();
        var audits = await Task.WhenAll(groups.Select(g => ValidateAsync(g, runtimes, cancellationToken))).ConfigureAwait(false);
        foreach (var audit in audits.Where(a => a.Problem is not null))
        {
            findings.Add(new(ArgoCdFindingCode.InvalidSecret, WarningSeverity.Warning, $"The token of {string.Join(", ", audit.SecretNames.Select(n => $"'{n}'"))} cannot be validated: {audit.Problem}", audit.SecretNames));
        }

        var byRow = new Dictionary<ArgoCdRepositoryAssignment, ArgoCdTokenAudit>();
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var row in groups[i].Rows)
            {
                byRow[row] = audits[i];
            }
        }

        var rows = resolution.Assignments.Select(a => new ArgoCdAuditRow(a, byRow.GetValueOrDefault(a))).ToArray();
        return new ArgoCdAuditResult(resolution, audits, rows, findings);
    }

    // One group per distinct token and place: the same token on two hosts is two inspections, one token on many repositories one.
    private static List<TokenGroup> Group(IEnumerable<ArgoCdRepositoryAssignment> assignments, ArgoCdAuditOptions options)
    {
        var groups = new List<TokenGroup>();
        foreach (var row in assignments.Where(a => a.Credential.IsCheckable && a.Server is not null))
        {
            var server = row.Server!;
            var bitbucket = server.Provider is GitProvider.BitbucketCloud or GitProvider.BitbucketServer;
            var key = (server.Provider, server.ServerUrl, server.ApiUrl, bitbucket ? row.Credential.Username : null, row.Credential.Token!);
            var group = groups.Find(g => g.Key == key);
            if (group is null)
            {
                group = new TokenGroup(key, row.Credential);
                groups.Add(group);
            }

            group.Rows.Add(row);
            if (row.Credential.SecretName is { } name && !group.SecretNames.Contains(name))
            {
                group.SecretNames.Add(name);
            }

            if (row.RepositoryName is { } repository)
            {
                var access = row.IsWrite ? RepositoryAccess.ReadWrite : options.ReadSecretAccess;
                group.Access[repository] = group.Access.TryGetValue(repository, out var known) && known == RepositoryAccess.ReadWrite ? known : access;
            }

            group.IsRuntime |= row.Credential.SecretName is { } secret && options.RuntimeSecretNames.Contains(secret);
        }

        return groups;
    }

    private async Task<ArgoCdTokenAudit> ValidateAsync(TokenGroup group, string?[] runtimes, CancellationToken cancellationToken)
    {
        var kind = group.IsRuntime ? TokenKind.Runtime : TokenKind.User;
        var repositories = group.Access.Select(p => new RepositoryRequest(p.Key, p.Value)).ToArray();
        var (provider, serverUrl, apiUrl, username, token) = group.Key;
        GitCredential credential;
        try
        {
            credential = new GitCredential(provider, token, serverUrl, apiUrl, username);
        }
        catch (ArgumentException exception)
        {
            // GitCredential's messages never repeat the value.
            return new ArgoCdTokenAudit(group.Credential, provider, kind, group.SecretNames, repositories, [], exception.Message);
        }

        ArgoCdLog.Validating(_logger, credential.Fingerprint, provider, kind, repositories.Length, group.SecretNames);
        var reports = await _validator.ValidateForRuntimesAsync(new TokenValidationRequest(credential, kind, repositories: repositories), runtimes, cancellationToken).ConfigureAwait(false);
        var audit = new ArgoCdTokenAudit(group.Credential, provider, kind, group.SecretNames, repositories, reports, null);
        ArgoCdLog.Validated(_logger, credential.Fingerprint, audit.Verdict);
        return audit;
    }

    private sealed class TokenGroup((GitProvider, Uri?, Uri?, string?, string) key, ArgoCdCredential credential)
    {
        public (GitProvider Provider, Uri? ServerUrl, Uri? ApiUrl, string? Username, string Token) Key { get; } = key;

        public ArgoCdCredential Credential { get; } = credential;

        public List<ArgoCdRepositoryAssignment> Rows { get; } = [];

        public List<string> SecretNames { get; } = [];

        public Dictionary<string, RepositoryAccess> Access { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool IsRuntime { get; set; }
    }
}

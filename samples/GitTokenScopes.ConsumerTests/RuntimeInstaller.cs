// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ConsumerTests;

/// <summary>
/// Your code: before installing a GitOps runtime, check its Runtime token and refuse one that would fail later, with
/// an explanation instead of a stack trace from the first webhook call.
/// </summary>
public sealed class RuntimeInstaller(ITokenValidator validator)
{
    /// <summary>Checks the Runtime token for <paramref name="runtime"/> and its Shared Configuration Repository.</summary>
    public async Task<InstallDecision> CheckAsync(GitCredential credential, string runtime, string configRepository, CancellationToken cancellationToken = default)
    {
        var report = await validator.ValidateAsync(
            new TokenValidationRequest(credential, TokenKind.Runtime, runtime, [new RepositoryRequest(configRepository)]),
            cancellationToken);

        return report.Verdict switch
        {
            ValidationVerdict.Pass or ValidationVerdict.Skipped => new(true, false, "The Runtime token holds what the runtime needs."),
            ValidationVerdict.Indeterminate => new(false, true, report.Message ?? "The provider could not be asked; try again shortly."),
            _ => new(false, false, $"Missing: {string.Join(", ", report.MissingScopes)}. {string.Join(" ", report.Remediation?.Steps ?? [])}"),
        };
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using GitTokenScopes.Catalogue.Internal;

namespace GitTokenScopes.Validation.Internal;

/// <summary>
/// Turns an inspection and a requirement into a report. A pure function of its inputs (the clock comes in as
/// <c>now</c>), so that one inspection gives the same report for the same requirement wherever it is evaluated.
/// Provider facts (creation pages, steps, warnings) come from the provider's <see cref="IProviderGuide"/>.
/// </summary>
internal static class ReportBuilder
{
    public static TokenValidationReport Skipped(TokenValidationRequest request, string? runtime)
        => new()
        {
            Verdict = ValidationVerdict.Skipped,
            Provider = request.Credential.Provider,
            TokenKind = request.Kind,
            Runtime = runtime,
            TokenFingerprint = request.Credential.Fingerprint,
            Repositories = [.. request.Repositories.Select(r => NotChecked(r, "Not checked: validation was skipped."))],
            Warnings = [new(ValidationWarningCode.ValidationSkipped, WarningSeverity.Warning, "Validation was skipped (skipValidation): the onus is on you to provide a valid and secure token.")],
            Message = "Validation was skipped by policy; no provider was asked.",
        };

    public static TokenValidationReport Build(
        TokenValidationRequest request, string? runtime, CachedInspection cached, IProviderGuide guide, ScopeRequirement? requirement, TokenValidationOptions options, DateTimeOffset now)
    {
        var policy = options.For(request.Kind);
        var skipPermissions = request.SkipGitPermissionValidation ?? policy.SkipGitPermissionValidation;
        var inspection = cached.Inspection;
        var statusVerdict = VerdictOf(inspection.Status);
        var evaluation = requirement is not null && statusVerdict is null && !skipPermissions && cached.Grant() is { } grant
            ? ScopeEvaluator.Evaluate(requirement, grant)
            : null;
        ClauseFinding[] findings = evaluation is not null ? [.. evaluation.Clauses.Select(c => Finding(c.Clause, c.State, c.SatisfiedBy))]
            : requirement is null ? []
            : [.. requirement.Clauses.Select(c => Finding(c, statusVerdict is not null || skipPermissions ? ClauseState.Skipped : ClauseState.Unknown, null))];
        RepositoryAccessResult[] repositories = [.. request.Repositories.Select(r => statusVerdict is null ? RepositoryResultOf(r, inspection) : NotChecked(r, "Not checked: the token itself could not be used."))];

        var failed = findings.Any(f => f.State == ClauseState.Missing)
            || repositories.Any(r => r.State is RepositoryAccessState.Insufficient or RepositoryAccessState.NotVisible);
        var unknown = findings.Any(f => f.State == ClauseState.Unknown)
            || repositories.Any(r => r.State == RepositoryAccessState.Unknown)
            || (requirement is null && !skipPermissions);
        var verdict = statusVerdict
            ?? (failed ? ValidationVerdict.Fail
                : unknown && policy.UnknownClauses == UnknownClausePolicy.FailClosed ? ValidationVerdict.Indeterminate
                : ValidationVerdict.Pass);

        var warnings = Warnings(request, inspection, guide, requirement, evaluation, skipPermissions, options.ExpiryWarningWindow, now);
        if (verdict == ValidationVerdict.Pass && unknown)
        {
            warnings.Add(new(ValidationWarningCode.UnverifiedPassed, WarningSeverity.Warning,
                "Some requirements or repositories could not be verified and passed because the policy for this token kind is fail-open."));
        }

        return new TokenValidationReport
        {
            Verdict = verdict,
            Provider = inspection.Provider,
            TokenKind = request.Kind,
            Runtime = runtime,
            TokenType = inspection.TokenType,
            TokenFamily = inspection.Family,
            Status = inspection.Status,
            TokenFingerprint = request.Credential.Fingerprint,
            ApiUrl = inspection.ApiUrl,
            GrantedScopes = inspection.Granted?.Scopes ?? [],
            MissingScopes = evaluation?.MissingScopes ?? [],
            Findings = findings,
            Repositories = repositories,
            Warnings = warnings,
            ExpiresAt = inspection.ExpiresAt,
            Account = inspection.Account,

            // A Retry-After is turned into a reset time, which stays true when the report is read later.
            RateLimit = inspection.RateLimit is { ResetAt: null, RetryAfter: { } wait } rate ? rate with { ResetAt = cached.CheckedAt + wait } : inspection.RateLimit,
            Remediation = verdict == ValidationVerdict.Fail || inspection.Status == InspectionStatus.PolicyForbidden
                ? RemediationOf(request, runtime, inspection, guide, requirement, findings, repositories, options.TokenDescription)
                : null,
            Edition = requirement?.Edition,
            Message = inspection.Message
                ?? (requirement is null && inspection.Status == InspectionStatus.Ok ? "The token's family could not be determined, so no catalogue requirement applies."
                : verdict == ValidationVerdict.Indeterminate && unknown ? "Some requirements or repositories could not be verified; the policy for this token kind is fail-closed."
                : null),
            CheckedAt = cached.CheckedAt,
        };
    }

    /// <summary>What the inspection status alone decides; <see langword="null"/> when the token was read and the requirement decides.</summary>
    private static ValidationVerdict? VerdictOf(InspectionStatus status)
        => status switch
        {
            InspectionStatus.Ok => null,
            InspectionStatus.Invalid or InspectionStatus.Expired or InspectionStatus.Revoked or InspectionStatus.SsoRequired
                or InspectionStatus.Unsupported => ValidationVerdict.Fail,

            // A 403 without a named missing scope may come from an IP allow list or an organization policy that reflects
            // where the validator runs, not the token: not proven either way.
            _ => ValidationVerdict.Indeterminate,
        };

    private static ClauseFinding Finding(ScopeClause clause, ClauseState state, string? satisfiedBy)
        => new() { Label = clause.Label, State = state, Scopes = clause.AnyOf, Purpose = clause.Purpose, SatisfiedBy = satisfiedBy };

    /// <summary>What the inspection says of one named repository, judged for the access the request needs.</summary>
    public static RepositoryAccessResult RepositoryResultOf(RepositoryRequest repository, TokenInspection inspection)
    {
        var result = inspection.Repositories.FirstOrDefault(r => string.Equals(r.Repository, repository.Name, StringComparison.OrdinalIgnoreCase));
        if (result is null)
        {
            return NotChecked(repository, "The inspector did not report on this repository.");
        }

        // The inspector judged the access it was asked for; a result for a weaker need does not prove a stronger one.
        var state = result.State == RepositoryAccessState.Granted && repository.Access == RepositoryAccess.ReadWrite && result.Needed == RepositoryAccess.Read
            ? (result.CanWrite switch { true => RepositoryAccessState.Granted, false => RepositoryAccessState.Insufficient, null => RepositoryAccessState.Unknown })
            : result.State;
        return new(repository.Name, repository.Access, state, result.CanRead, result.CanWrite, result.Message);
    }

    private static RepositoryAccessResult NotChecked(RepositoryRequest repository, string why)
        => new(repository.Name, repository.Access, RepositoryAccessState.Unknown, null, null, why);

    private static List<ValidationWarning> Warnings(
        TokenValidationRequest request, TokenInspection inspection, IProviderGuide guide, ScopeRequirement? requirement, ScopeEvaluation? evaluation, bool skipPermissions, TimeSpan expiryWindow, DateTimeOffset now)
    {
        var warnings = new List<ValidationWarning>();
        var ok = inspection.Status == InspectionStatus.Ok;
        if (skipPermissions)
        {
            warnings.Add(new(ValidationWarningCode.PermissionValidationSkipped, WarningSeverity.Warning,
                "Scope checks were skipped (skipGitPermissionValidation): the onus is on you to provide valid and secure tokens. Validity and repository access were still checked."));
        }

        if (ok && inspection.ExpiresAt is { } expires && expires > now && expires - now <= expiryWindow)
        {
            var days = (expires - now).TotalDays;
            warnings.Add(new(ValidationWarningCode.TokenExpiring, WarningSeverity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"The token expires on {expires:yyyy-MM-dd HH:mm} UTC, in {(days < 1 ? "less than a day" : $"{Math.Floor(days):0} day(s)")}: replace it before then.")));
        }

        if (ok && inspection.ExpiryKnown && inspection.ExpiresAt is null)
        {
            warnings.Add(new(ValidationWarningCode.TokenNeverExpires, WarningSeverity.Info,
                "The token never expires; a token with an expiry date limits the damage of a leak."));
        }

        if (evaluation is { ExcessScopes.Count: > 0 })
        {
            warnings.Add(new(ValidationWarningCode.ExcessScopes, WarningSeverity.Info,
                $"The token holds scopes the requirement does not need: {string.Join(", ", evaluation.ExcessScopes)}. Least privilege would drop them."));
        }

        if (ok && request.Kind == TokenKind.Runtime && inspection.Account?.IsBot == false)
        {
            warnings.Add(new(ValidationWarningCode.PersonalAccountRuntimeToken, WarningSeverity.Warning,
                $"The Runtime token belongs to the personal account {inspection.Account?.Login}; use a service (robot) account, so that the runtime does not depend on one person."));
        }

        warnings.AddRange(guide.Warnings(inspection));

        if (ok && inspection.Family == TokenFamily.FineGrained && request.Repositories.Count == 0 && !skipPermissions)
        {
            warnings.Add(new(ValidationWarningCode.FineGrainedUnverified, WarningSeverity.Warning,
                "Fine-grained permissions are per repository and no repository was named, so they could not be verified: name the repositories the token must reach."));
        }

        if (requirement is not null && BuiltInEditions.DriftOf(requirement) is { } drift)
        {
            warnings.Add(new(ValidationWarningCode.SeedCatalogueDrift, WarningSeverity.Info, drift));
        }

        return warnings;
    }

    /// <summary>
    /// How the user fixes a failed token: what to add and why, then where to create a replacement. A replacement must
    /// stand on its own, so the pre-filled link asks for exactly the requirement (one scope per clause, the clause's
    /// preferred one), not for the missing scopes alone, which would give a token that lacks what the old one had.
    /// </summary>
    private static Remediation? RemediationOf(
        TokenValidationRequest request, string? runtime, TokenInspection inspection, IProviderGuide guide, ScopeRequirement? requirement,
        IReadOnlyList<ClauseFinding> findings, IReadOnlyList<RepositoryAccessResult> repositories, string? tokenDescription)
    {
        var steps = new List<string>();
        var needsNewToken = false;
        switch (inspection.Status)
        {
            case InspectionStatus.Invalid or InspectionStatus.Expired or InspectionStatus.Revoked:
                steps.Add($"The provider rejected the token ({inspection.Status.ToWireName()}): create a new one.");
                needsNewToken = true;
                break;
            case InspectionStatus.SsoRequired:
                steps.Add(inspection.ActionUrl is { } sso
                    ? $"Authorize the token for the organization's SAML single sign-on at {sso}."
                    : "Authorize the token for the organization's SAML single sign-on (Settings → Developer settings → Personal access tokens → Configure SSO).");
                return new Remediation { Steps = steps };
            case InspectionStatus.PolicyForbidden:
                steps.Add($"{inspection.Message} Create a token within the organization's policy.");
                needsNewToken = true;
                break;
            case InspectionStatus.Unsupported:
                steps.Add((inspection.Message ?? "This kind of token cannot be used here.") + " Use a personal access token (or the provider's equivalent) instead.");
                needsNewToken = true;
                break;
        }

        foreach (var finding in findings.Where(f => f.State == ClauseState.Missing))
        {
            // A clause labelled with its only scope ("admin:repo_hook") is not named twice.
            var scopes = string.Join(" or ", finding.Scopes);
            steps.Add(scopes == finding.Label ? $"Missing {scopes}: {finding.Purpose}" : $"Missing {finding.Label} ({scopes}): {finding.Purpose}");
            needsNewToken = true;
        }

        foreach (var repository in repositories.Where(r => r.State is RepositoryAccessState.Insufficient or RepositoryAccessState.NotVisible))
        {
            var access = repository.Needed == RepositoryAccess.ReadWrite ? "read and write" : "read";
            steps.Add($"Give the token {access} access to {repository.Repository}" + (inspection.Family == TokenFamily.FineGrained ? " (include it in the token's repository access)." : " (add its account to the repository with that role)."));
        }

        Uri? url = null;
        if (needsNewToken && requirement is not null)
        {
            var description = tokenDescription ?? (request.Kind == TokenKind.Runtime ? "GitOps runtime" : "GitOps user");
            description = runtime is null ? description : $"{description} ({runtime})";
            var scopes = requirement.Clauses.Select(c => c.Preferred).ToArray();
            var owner = request.Repositories.Count > 0 ? request.Repositories[0].Owner : null;
            url = guide.CreationLink(inspection, request.Credential.ServerUrl, scopes, description, owner);
            steps.Add(url is not null
                ? $"Create a replacement token with the required scopes at {url.AbsoluteUri}, then update it where the runtime uses it."
                : guide.CreationSteps(inspection.TokenType, string.Join("; ", requirement.Clauses.Select(c => c.Label)), string.Join(", ", scopes)));
        }

        return steps.Count == 0 ? null : new Remediation { CreateTokenUrl = url, Steps = steps };
    }
}

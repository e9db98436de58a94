// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>The stable codes of report warnings; the JSON names are kebab-case (<c>token-expiring</c>, …).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValidationWarningCode>))]
public enum ValidationWarningCode
{
    /// <summary>Validation was skipped (<c>installer.skipValidation</c>): the onus for a valid, secure token is on the user.</summary>
    [JsonStringEnumMemberName("validation-skipped")]
    ValidationSkipped,

    /// <summary>Scope checks were skipped (<c>app-proxy.config.skipGitPermissionValidation</c>); validity and repository access were still checked.</summary>
    [JsonStringEnumMemberName("permission-validation-skipped")]
    PermissionValidationSkipped,

    /// <summary>The token expires within the configured window.</summary>
    [JsonStringEnumMemberName("token-expiring")]
    TokenExpiring,

    /// <summary>The token has no expiry date.</summary>
    [JsonStringEnumMemberName("token-never-expires")]
    TokenNeverExpires,

    /// <summary>The token holds scopes beyond the requirement; least privilege would drop them.</summary>
    [JsonStringEnumMemberName("excess-scopes")]
    ExcessScopes,

    /// <summary>A Runtime token is owned by a personal account where the provider tells; a service or robot account is recommended.</summary>
    [JsonStringEnumMemberName("personal-account-runtime-token")]
    PersonalAccountRuntimeToken,

    /// <summary>A Bitbucket Cloud app password: Atlassian removed them on 2026-07-28 in favour of API tokens (the wire name predates the removal and stays).</summary>
    [JsonStringEnumMemberName("app-password-retiring")]
    AppPasswordRetiring,

    /// <summary>A fine-grained token was checked without a repository, so its repository permissions could not be verified.</summary>
    [JsonStringEnumMemberName("fine-grained-unverified")]
    FineGrainedUnverified,

    /// <summary>The chosen catalogue edition asks for more or less than the other built-in edition for this token.</summary>
    [JsonStringEnumMemberName("seed-catalogue-drift")]
    SeedCatalogueDrift,

    /// <summary>Unknown clauses or repositories passed because the policy for this token kind is fail-open.</summary>
    [JsonStringEnumMemberName("unverified-passed")]
    UnverifiedPassed,

    /// <summary>The provider accepted the token although its expiry date has passed: the instance does not enforce token expiry.</summary>
    [JsonStringEnumMemberName("expiry-not-enforced")]
    ExpiryNotEnforced,
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes;

/// <summary>
/// The verdict on one token for one token kind and runtime: what the token holds, what is missing and why it is
/// needed, which repositories it reaches, warnings, and how to fix it. Its JSON form (see <see cref="ToJson"/>) is a
/// public contract: property names are camelCase, enum values kebab-case, dates ISO-8601. The token is never in it.
/// </summary>
public sealed class TokenValidationReport
{
    /// <summary>Gets the verdict.</summary>
    public required ValidationVerdict Verdict { get; init; }

    /// <summary>Gets the provider.</summary>
    public required GitProvider Provider { get; init; }

    /// <summary>Gets the token kind the token was validated as.</summary>
    public required TokenKind TokenKind { get; init; }

    /// <summary>Gets the runtime whose requirements applied, or <see langword="null"/> for the defaults.</summary>
    public string? Runtime { get; init; }

    /// <summary>Gets the kind of token the provider issued, as recognized.</summary>
    public TokenType TokenType { get; init; }

    /// <summary>Gets the token family whose catalogue row applied, or <see langword="null"/> when none was determined.</summary>
    public TokenFamily? TokenFamily { get; init; }

    /// <summary>Gets the inspection status, or <see langword="null"/> when validation was skipped and no provider was asked.</summary>
    public InspectionStatus? Status { get; init; }

    /// <summary>Gets the token's fingerprint (<c>sha256:</c> and 12 hexadecimal digits), safe to log and to correlate reports.</summary>
    public required string TokenFingerprint { get; init; }

    /// <summary>Gets the API base the token was checked against, or <see langword="null"/> when no provider was asked.</summary>
    public Uri? ApiUrl { get; init; }

    /// <summary>Gets the scopes as the provider reported them (fine-grained permissions as <c>name=level</c>).</summary>
    public IReadOnlyList<string> GrantedScopes { get; init; } = [];

    /// <summary>Gets the scopes to add, one per missing clause (the clause's preferred scope).</summary>
    public IReadOnlyList<string> MissingScopes { get; init; } = [];

    /// <summary>Gets one finding per requirement clause.</summary>
    public IReadOnlyList<ClauseFinding> Findings { get; init; } = [];

    /// <summary>Gets one finding per named repository.</summary>
    public IReadOnlyList<RepositoryAccessResult> Repositories { get; init; } = [];

    /// <summary>Gets the warnings.</summary>
    public IReadOnlyList<ValidationWarning> Warnings { get; init; } = [];

    /// <summary>Gets when the token expires, or <see langword="null"/> when it never does or the provider did not say.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets the account that owns the token, when the provider named it.</summary>
    public AccountInfo? Account { get; init; }

    /// <summary>Gets the provider's rate limit as of the inspection, when it told.</summary>
    public RateLimitInfo? RateLimit { get; init; }

    /// <summary>Gets how to fix a failed token, or <see langword="null"/> when there is nothing to fix.</summary>
    public Remediation? Remediation { get; init; }

    /// <summary>Gets the catalogue edition whose requirement applied.</summary>
    public string? Edition { get; init; }

    /// <summary>Gets what the provider or the validator said, in a sentence, when there is something to say.</summary>
    public string? Message { get; init; }

    /// <summary>Gets when the provider was asked (the inspection may come from the cache), or <see langword="null"/> when it was not.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>Gets the metadata System.Text.Json uses for this type, to serialize it inside a host's own source-generated types.</summary>
    public static JsonTypeInfo<TokenValidationReport> JsonTypeInfo => ReportJsonContext.Default.TokenValidationReport;

    /// <summary>
    /// Gets the JSON Schema (draft 2020-12) of reports as <see cref="ToJson"/> writes them, every property present; also
    /// in the package as <c>schemas/token-validation-report.schema.json</c>. A minor version may add enumeration values.
    /// </summary>
    public static string JsonSchema => field ??= ReadEmbedded("GitTokenScopes.Schemas.token-validation-report.schema.json");

    /// <summary>Reads a report from its JSON form.</summary>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">Thrown when the text is not a report.</exception>
    public static TokenValidationReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, JsonTypeInfo) ?? throw new JsonException("The JSON text is null, not a report.");
    }

    /// <summary>Writes the report in its JSON form, indented for people when <paramref name="indented"/> is set.</summary>
    public string ToJson(bool indented = false)
        => indented ? JsonSerializer.Serialize(this, ReportJsonContext.Indented.TokenValidationReport) : JsonSerializer.Serialize(this, JsonTypeInfo);

    /// <summary>Returns one line for a log: verdict, provider, kind, token type and fingerprint, then what is missing and the warning codes.</summary>
    public override string ToString()
    {
        var unknown = Findings.Where(f => f.State == ClauseState.Unknown).Select(f => f.Label);
        var blocked = Repositories.Where(r => r.State != RepositoryAccessState.Granted).Select(r => $"{r.Repository} {r.State.ToWireName()}");
        var parts = new (string Label, IEnumerable<string> Items)[]
        {
            ("status", Status is { } status && status != InspectionStatus.Ok ? [status.ToWireName()] : []),
            ("missing", MissingScopes),
            ("unknown", unknown),
            ("repositories", blocked),
            ("warnings", Warnings.Select(w => w.Code.ToWireName())),
        };
        var head = $"{Verdict.ToWireName()}: {Provider.ToWireName()} {TokenKind.ToWireName()} token {TokenFingerprint}"
            + (TokenType == TokenType.Unknown ? string.Empty : $" ({TokenType.ToWireName()})")
            + (Runtime is null ? string.Empty : $" for runtime {Runtime}");
        return string.Concat(parts.Where(p => p.Items.Any()).Select(p => $"; {p.Label} {string.Join(", ", p.Items)}").Prepend(head));
    }

    // The project file embeds the schema under this logical name.
    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(TokenValidationReport).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The assembly lacks its embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

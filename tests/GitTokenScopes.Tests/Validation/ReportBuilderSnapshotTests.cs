// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using GitTokenScopes.Tests.Snapshots;
using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// The report for every shape of inspection the validator meets, read whole: verdict, findings, repository results,
/// warnings and their wording, the fix and its link, the message, the rate limit. The report builder is a pure function
/// (the clock comes in), so each scenario's JSON and log line are compared with <c>reports.snapshot.txt</c>; a changed
/// word in what users read shows up as a reviewed diff.
/// </summary>
public sealed class ReportBuilderSnapshotTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CheckedAt = Now.AddMinutes(-1);
    private static readonly GitCredential GitHub = new(GitProvider.GitHub, "ghp_" + new string('r', 36), apiUrl: new Uri("http://127.0.0.1:9/"));
    private static readonly GitCredential GitHubServer = new(GitProvider.GitHub, "ghp_" + new string('s', 36), serverUrl: new Uri("http://127.0.0.1:8/"));
    private static readonly GitCredential GitLab = new(GitProvider.GitLab, "glpat-" + new string('g', 20), apiUrl: new Uri("http://127.0.0.1:7/"));
    private static readonly AccountInfo Bot = new("acme-bot", "Bot", IsBot: true);
    private static readonly AccountInfo Person = new("jane", "User", IsBot: false);

    private static readonly ScopeVocabulary Classic = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.Classic);
    private static readonly ScopeVocabulary FineGrained = ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.FineGrained);

    public static TheoryData<string> Names => [.. Scenarios().Select(s => s.Name)];

    [Fact]
    public void EveryScenario_ReadWhole_IsWhatUsersRead()
    {
        var text = new StringBuilder();
        foreach (var scenario in Scenarios())
        {
            var report = Build(scenario);
            text.AppendLine($"### {scenario.Name}");
            text.AppendLine(report.ToString());
            text.AppendLine(report.ToJson(indented: true));
        }

        Snapshot.Match(text.ToString(), "Validation/reports.snapshot.txt");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryScenario_ReadBackFromJson_WritesTheSameJson(string name)
    {
        var report = Build(Scenarios().Single(s => s.Name == name));

        TokenValidationReport.FromJson(report.ToJson()).ToJson().Should().Be(report.ToJson());
    }

    [Fact]
    public void Skipped_NamesEveryRepositoryAsNotChecked_AndAsksNoProvider()
    {
        var request = new TokenValidationRequest(GitHub, TokenKind.User, "staging", [new RepositoryRequest("acme/config")]);

        var report = ReportBuilder.Skipped(request, "staging");

        report.ToString().Should().Be($"skipped: github user token {GitHub.Fingerprint} for runtime staging; repositories acme/config unknown; warnings validation-skipped");
        report.Message.Should().Be("Validation was skipped by policy; no provider was asked.");
        report.Repositories.Single().Message.Should().Be("Not checked: validation was skipped.");
        report.Warnings.Single().Message.Should().Be("Validation was skipped (skipValidation): the onus is on you to provide a valid and secure token.");
        report.Status.Should().BeNull();
        report.CheckedAt.Should().BeNull();
    }

    private static TokenValidationReport Build(Scenario scenario)
    {
        var options = new TokenValidationOptions();
        scenario.Configure?.Invoke(options);
        var requirement = scenario.Requirement ?? (scenario.Inspection.Family is { } family
            ? ScopeEditions.Seed[new ScopeRequirementKey(scenario.Inspection.Provider, scenario.Request.Kind, family)]
            : null);
        return ReportBuilder.Build(scenario.Request, scenario.Request.RuntimeName, new CachedInspection(scenario.Inspection.ToInspection(), CheckedAt), new StubGuide(), requirement, options, Now);
    }

    private static IEnumerable<Scenario> Scenarios()
    {
        var runtime = Request(TokenKind.Runtime);
        var user = Request(TokenKind.User);
        var config = Request(TokenKind.Runtime, "production", new RepositoryRequest("acme/config"));

        yield return new("classic runtime token that passes", runtime, Ok(Classic, "repo", "admin:repo_hook") with { Account = Bot, ExpiresAt = Now.AddDays(90), ExpiryKnown = true });
        yield return new("classic user token that passes", user, Ok(Classic, "repo") with { Account = Person });
        yield return new("expires in three days", runtime, Ok(Classic, "repo", "admin:repo_hook") with { ExpiresAt = Now.AddDays(3.5), ExpiryKnown = true });
        yield return new("expires in hours", runtime, Ok(Classic, "repo", "admin:repo_hook") with { ExpiresAt = Now.AddHours(5), ExpiryKnown = true });
        yield return new("expires at the edge of the warning window", runtime, Ok(Classic, "repo", "admin:repo_hook") with { ExpiresAt = Now.AddDays(7), ExpiryKnown = true });
        yield return new("expires just past the warning window", runtime, Ok(Classic, "repo", "admin:repo_hook") with { ExpiresAt = Now.AddDays(7).AddSeconds(1), ExpiryKnown = true });
        yield return new("expiry in the past but the provider said ok", runtime, Ok(Classic, "repo", "admin:repo_hook") with { ExpiresAt = Now.AddSeconds(-1), ExpiryKnown = true });
        yield return new("never expires", runtime, Ok(Classic, "repo", "admin:repo_hook") with { ExpiryKnown = true });
        yield return new("expiry not known", runtime, Ok(Classic, "repo", "admin:repo_hook"));
        yield return new("more scopes than needed", runtime, Ok(Classic, "repo", "admin:repo_hook", "delete_repo", "gist"));
        yield return new("runtime token of a person", runtime, Ok(Classic, "repo", "admin:repo_hook") with { Account = Person });
        yield return new("runtime token of an account of unknown type", runtime, Ok(Classic, "repo", "admin:repo_hook") with { Account = new AccountInfo("who", null, null) });
        yield return new("runtime token missing admin:repo_hook", Request(TokenKind.Runtime, "production"), Ok(Classic, "repo"));
        yield return new("user token missing repo, described by the host", user, Ok(Classic, "read:user"), Configure: o => o.TokenDescription = "Acme GitOps");
        yield return new("missing scope, no creation link for this token type", runtime, Ok(Classic, "repo") with { TokenType = TokenType.GitHubOAuth });
        yield return new("missing scope on a server", new TokenValidationRequest(GitHubServer, TokenKind.Runtime), Ok(Classic, "repo") with { ApiUrl = new Uri("http://127.0.0.1:8/api/v3/"), CredentialFingerprint = GitHubServer.Fingerprint });

        foreach (var status in new[] { InspectionStatus.Invalid, InspectionStatus.Expired, InspectionStatus.Revoked })
        {
            yield return new($"rejected: {status}", config, Rejected(status, "The provider said no."));
        }

        yield return new("SSO authorization needed, with the provider's link", config, Rejected(InspectionStatus.SsoRequired, "SAML enforced.") with { ActionUrl = new Uri("http://127.0.0.1:9/orgs/acme/sso?authorization_request=1") });
        yield return new("SSO authorization needed, no link", config, Rejected(InspectionStatus.SsoRequired, null));
        yield return new("organization policy forbids the token", config, Rejected(InspectionStatus.PolicyForbidden, "The organization forbids classic tokens."));
        yield return new("unsupported token, with the provider's reason", runtime, Rejected(InspectionStatus.Unsupported, "OAuth app tokens are not accepted."));
        yield return new("unsupported token, no reason", runtime, Rejected(InspectionStatus.Unsupported, null));
        yield return new("provider unreachable", config, Rejected(InspectionStatus.Unreachable, "Connection refused."));
        yield return new("provider error", config, Rejected(InspectionStatus.ProviderError, "The answer was HTML."));
        yield return new("rate limited, retry after", config, Rejected(InspectionStatus.RateLimited, "Slow down.") with { RateLimit = new RateLimitInfo(5000, 0, null, TimeSpan.FromSeconds(90), "core") });
        yield return new("rate limited, reset time known", config, Rejected(InspectionStatus.RateLimited, "Slow down.") with { RateLimit = new RateLimitInfo(5000, 0, Now.AddMinutes(20), TimeSpan.FromSeconds(90), "core") });
        yield return new("forbidden without a named scope", config, Rejected(InspectionStatus.Forbidden, "IP allow list."));

        yield return new("family unknown, fail-closed", runtime, Ok(Classic, "repo") with { Family = null });
        yield return new("family unknown, fail-open", runtime, Ok(Classic, "repo") with { Family = null }, Configure: o => o.Runtime.UnknownClauses = UnknownClausePolicy.FailOpen);
        yield return new("family unknown, permissions skipped", runtime, Ok(Classic, "repo") with { Family = null }, Configure: o => o.Runtime.SkipGitPermissionValidation = true);
        yield return new("permissions skipped by policy, repository checked", config, Ok(Classic) with { Repositories = [Granted("acme/config")] }, Configure: o => o.Runtime.SkipGitPermissionValidation = true);
        yield return new("permissions skipped by the request", config.With(skipPermissions: true), Ok(Classic) with { Repositories = [Result("acme/config", RepositoryAccessState.NotVisible, false, false)] });
        yield return new("permissions not skipped when the request says no", config.With(skipPermissions: false), Ok(Classic, "repo", "admin:repo_hook") with { Repositories = [Granted("acme/config")] }, Configure: o => o.Runtime.SkipGitPermissionValidation = true);

        yield return new("repository granted for read-write", config, Ok(Classic, "repo", "admin:repo_hook") with { Repositories = [Granted("ACME/Config")] });
        yield return new("repository judged for read only, write refused", config, Ok(Classic, "repo", "admin:repo_hook") with { Repositories = [Granted("acme/config", RepositoryAccess.Read, canWrite: false)] });
        yield return new("repository judged for read only, write not known", config, Ok(Classic, "repo", "admin:repo_hook") with { Repositories = [Granted("acme/config", RepositoryAccess.Read, canWrite: null)] });
        yield return new("repository judged for read only, write granted", config, Ok(Classic, "repo", "admin:repo_hook") with { Repositories = [Granted("acme/config", RepositoryAccess.Read, canWrite: true)] });
        yield return new("repository asked read, judged for read", Request(TokenKind.Runtime, null, new RepositoryRequest("acme/config", RepositoryAccess.Read)), Ok(Classic, "repo", "admin:repo_hook") with { Repositories = [Granted("acme/config", RepositoryAccess.Read, canWrite: false)] });
        yield return new("repository insufficient", config, Ok(Classic, "repo", "admin:repo_hook") with { Repositories = [Result("acme/config", RepositoryAccessState.Insufficient, true, false)] });
        yield return new("repository not visible", config, Ok(Classic, "repo", "admin:repo_hook") with { Repositories = [Result("acme/config", RepositoryAccessState.NotVisible, false, false)] });
        yield return new("repository not reported", config, Ok(Classic, "repo", "admin:repo_hook"));
        yield return new("repository not reported, fail-open", config, Ok(Classic, "repo", "admin:repo_hook"), Configure: o => o.Runtime.UnknownClauses = UnknownClausePolicy.FailOpen);

        var fineGrained = Request(TokenKind.Runtime, "production", new RepositoryRequest("acme/config"), new RepositoryRequest("acme/apps", RepositoryAccess.Read));
        yield return new("fine-grained, everything granted", fineGrained,
            Ok(FineGrained, "repository_selection=selected", "administration=write", "contents=write", "metadata=read", "repository_hooks=write") with
            {
                TokenType = TokenType.GitHubFineGrained,
                Repositories = [Granted("acme/config"), Granted("acme/apps", RepositoryAccess.Read, canWrite: false)],
            });
        yield return new("fine-grained, a permission and a repository missing", fineGrained,
            Ok(FineGrained, "repository_selection=selected", "contents=write", "metadata=read") with
            {
                TokenType = TokenType.GitHubFineGrained,
                Repositories = [Granted("acme/config"), Result("acme/apps", RepositoryAccessState.NotVisible, false, false)],
            });
        yield return new("fine-grained, permissions not determined", fineGrained,
            Ok(FineGrained) with
            {
                TokenType = TokenType.GitHubFineGrained,
                Granted = GrantedScopes.CreateUndetermined(FineGrained, ["metadata=read"]),
                Repositories = [Granted("acme/config"), Granted("acme/apps", RepositoryAccess.Read, canWrite: false)],
            });
        yield return new("fine-grained, no repository named, fail-closed", runtime, Ok(FineGrained, "metadata=read") with { TokenType = TokenType.GitHubFineGrained, Granted = GrantedScopes.CreateUndetermined(FineGrained, ["metadata=read"]) });
        yield return new("fine-grained, no repository named, fail-open", runtime, Ok(FineGrained, "metadata=read") with { TokenType = TokenType.GitHubFineGrained, Granted = GrantedScopes.CreateUndetermined(FineGrained, ["metadata=read"]) }, Configure: o => o.Runtime.UnknownClauses = UnknownClausePolicy.FailOpen);
        yield return new("fine-grained, no repository named, permissions skipped", runtime, Ok(FineGrained, "metadata=read") with { TokenType = TokenType.GitHubFineGrained }, Configure: o => o.Runtime.SkipGitPermissionValidation = true);

        var gitLabRuntime = new TokenValidationRequest(GitLab, TokenKind.Runtime);
        var gitLab = ScopeVocabulary.For(GitProvider.GitLab, TokenFamily.PersonalAccessToken);
        yield return new("GitLab runtime token, seed edition (the docs drifted)", gitLabRuntime,
            Ok(gitLab, "read_api", "read_repository") with { Provider = GitProvider.GitLab, ApiUrl = new Uri("http://127.0.0.1:7/api/v4/"), CredentialFingerprint = GitLab.Fingerprint, TokenType = TokenType.GitLabPersonal });
        yield return new("GitLab runtime token, docs edition", gitLabRuntime,
            Ok(gitLab, "read_api", "read_repository") with { Provider = GitProvider.GitLab, ApiUrl = new Uri("http://127.0.0.1:7/api/v4/"), CredentialFingerprint = GitLab.Fingerprint, TokenType = TokenType.GitLabPersonal },
            Requirement: ScopeEditions.CodefreshDocs[new ScopeRequirementKey(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken)]);
        yield return new("provider notes become warnings", runtime, Ok(Classic, "repo", "admin:repo_hook") with { Notes = ["note from the provider"] });
    }

    private static TokenValidationRequest Request(TokenKind kind, string? runtime = null, params RepositoryRequest[] repositories)
        => new(GitHub, kind, runtime, repositories);

    private static Inspection Ok(ScopeVocabulary vocabulary, params string[] scopes)
        => new()
        {
            Provider = GitProvider.GitHub,
            ApiUrl = new Uri("http://127.0.0.1:9/"),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = GitHub.Fingerprint,
            TokenType = vocabulary.Family == TokenFamily.Classic ? TokenType.GitHubClassic : TokenType.Unknown,
            Family = vocabulary.Family,
            Granted = GrantedScopes.Create(vocabulary, scopes),
            RequestCount = 1,
        };

    private static Inspection Rejected(InspectionStatus status, string? message)
        => new()
        {
            Provider = GitProvider.GitHub,
            ApiUrl = new Uri("http://127.0.0.1:9/"),
            Status = status,
            CredentialFingerprint = GitHub.Fingerprint,
            TokenType = TokenType.GitHubClassic,
            Message = message,
            Repositories = [Granted("acme/config")],
        };

    private static RepositoryAccessResult Granted(string name, RepositoryAccess judged = RepositoryAccess.ReadWrite, bool? canWrite = true)
        => new(name, judged, RepositoryAccessState.Granted, true, canWrite, null);

    private static RepositoryAccessResult Result(string name, RepositoryAccessState state, bool? canRead, bool? canWrite)
        => new(name, RepositoryAccess.ReadWrite, state, canRead, canWrite, $"The provider said {state.ToWireName()}.");

    private sealed record Scenario(string Name, TokenValidationRequest Request, Inspection Inspection, ScopeRequirement? Requirement = null, Action<TokenValidationOptions>? Configure = null);

    /// <summary>What a scenario's inspector answered (a record, so that scenarios vary one property at a time).</summary>
    private sealed record Inspection
    {
        public GitProvider Provider { get; init; }

        public required Uri ApiUrl { get; init; }

        public InspectionStatus Status { get; init; }

        public required string CredentialFingerprint { get; init; }

        public TokenType TokenType { get; init; }

        public TokenFamily? Family { get; init; }

        public GrantedScopes? Granted { get; init; }

        public DateTimeOffset? ExpiresAt { get; init; }

        public bool ExpiryKnown { get; init; }

        public AccountInfo? Account { get; init; }

        public RateLimitInfo? RateLimit { get; init; }

        public IReadOnlyList<RepositoryAccessResult> Repositories { get; init; } = [];

        public string? Message { get; init; }

        public Uri? ActionUrl { get; init; }

        public IReadOnlyList<string> Notes { get; init; } = [];

        public int RequestCount { get; init; }

        public TokenInspection ToInspection() => new()
        {
            Provider = Provider, ApiUrl = ApiUrl, Status = Status, CredentialFingerprint = CredentialFingerprint, TokenType = TokenType,
            Family = Family, Granted = Granted, ExpiresAt = ExpiresAt, ExpiryKnown = ExpiryKnown, Account = Account, RateLimit = RateLimit,
            Repositories = Repositories, Message = Message, ActionUrl = ActionUrl, Notes = Notes, RequestCount = RequestCount,
        };
    }

    /// <summary>A provider guide that says back what it was given, so that the report shows what the builder asked of it.</summary>
    private sealed class StubGuide : IProviderGuide
    {
        public GitProvider Provider => GitProvider.GitHub;

        public Uri DefaultApiUrl => new("https://api.example.test/");

        public Uri? CreationLink(TokenInspection inspection, Uri? serverUrl, IReadOnlyList<string> scopes, string description, string? owner)
            => inspection.TokenType == TokenType.GitHubOAuth
                ? null
                : new Uri($"http://127.0.0.1:6/new?scopes={Uri.EscapeDataString(string.Join(",", scopes))}&description={Uri.EscapeDataString(description)}&owner={owner}&server={serverUrl}&type={inspection.TokenType.ToWireName()}");

        public string CreationSteps(TokenType tokenType, string labels, string scopes) => $"Create a {tokenType.ToWireName()} token by hand with {labels} ({scopes}).";

        public IEnumerable<ValidationWarning> Warnings(TokenInspection inspection)
            => inspection.Notes.Select(n => new ValidationWarning(ValidationWarningCode.ExpiryNotEnforced, WarningSeverity.Info, n));
    }
}

/// <summary>Request variants for the snapshot scenarios.</summary>
internal static class RequestVariants
{
    public static TokenValidationRequest With(this TokenValidationRequest request, bool? skipPermissions)
        => new(request.Credential, request.Kind, request.RuntimeName, request.Repositories) { SkipGitPermissionValidation = skipPermissions };
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.Validation;

public sealed class TokenValidationReportJsonTests
{
    private static readonly DateTimeOffset Checked = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Json_IsThePinnedContract()
    {
        FullReport().ToJson().Should().Be(
            """{"verdict":"fail","provider":"github","tokenKind":"runtime","runtime":"prod","tokenType":"github-classic","tokenFamily":"classic","status":"ok","tokenFingerprint":"sha256:0123456789ab","apiUrl":"https://api.github.com/","grantedScopes":["repo"],"missingScopes":["admin:repo_hook"],"findings":[{"label":"repo","state":"satisfied","scopes":["repo"],"purpose":"Clone","satisfiedBy":"repo"},{"label":"admin:repo_hook","state":"missing","scopes":["admin:repo_hook"],"purpose":"Webhooks","satisfiedBy":null}],"repositories":[{"name":"acme/config","needed":"read-write","state":"granted","canRead":true,"canWrite":true,"message":null}],"warnings":[{"code":"token-never-expires","severity":"info","message":"Never expires."}],"expiresAt":null,"account":{"login":"octocat","type":"User","isBot":null},"rateLimit":{"limit":5000,"remaining":4999,"resetAt":"2026-11-25T13:00:00+00:00","retryAfter":null,"resource":"core"},"remediation":{"createTokenUrl":"https://github.com/settings/tokens/new?scopes=repo,admin:repo_hook\u0026description=GitOps%20runtime","steps":["Add admin:repo_hook."]},"edition":"seed","message":null,"checkedAt":"2026-11-25T12:00:00+00:00"}""");
    }

    [Fact]
    public void Json_RoundTrips_EveryProperty()
    {
        var report = FullReport();

        var back = TokenValidationReport.FromJson(report.ToJson(indented: true));

        back.ToJson().Should().Be(report.ToJson());
        back.Should().BeEquivalentTo(report);
        back.Account.Should().Be(report.Account, "account, rate limit, repository results and warnings compare by value");
        back.RateLimit.Should().Be(report.RateLimit);
        back.Repositories.Should().Equal(report.Repositories);
        back.Warnings.Should().Equal(report.Warnings);
    }

    [Fact]
    public void Json_RoundTrips_ASkippedClause()
    {
        var report = new TokenValidationReport
        {
            Verdict = ValidationVerdict.Indeterminate,
            Provider = GitProvider.GitLab,
            TokenKind = TokenKind.User,
            TokenFingerprint = "sha256:abcdefabcdef",
            Status = InspectionStatus.RateLimited,
            Findings = [new ClauseFinding { Label = "api_read", State = ClauseState.Skipped, Scopes = ["read_api"], Purpose = "Read" }],
            Warnings = [new ValidationWarning(ValidationWarningCode.SeedCatalogueDrift, WarningSeverity.Info, "x")],
        };

        var back = TokenValidationReport.FromJson(report.ToJson(indented: true));

        back.ToJson().Should().Be(report.ToJson());
        back.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        back.Findings.Single().State.Should().Be(ClauseState.Skipped);
    }

    /// <summary>A report with every property set: also the schema tests' valid starting point.</summary>
    internal static TokenValidationReport FullReport()
        => new()
        {
            Verdict = ValidationVerdict.Fail,
            Provider = GitProvider.GitHub,
            TokenKind = TokenKind.Runtime,
            Runtime = "prod",
            TokenType = TokenType.GitHubClassic,
            TokenFamily = TokenFamily.Classic,
            Status = InspectionStatus.Ok,
            TokenFingerprint = "sha256:0123456789ab",
            ApiUrl = new Uri("https://api.github.com/"),
            GrantedScopes = ["repo"],
            MissingScopes = ["admin:repo_hook"],
            Findings =
            [
                new ClauseFinding { Label = "repo", State = ClauseState.Satisfied, Scopes = ["repo"], Purpose = "Clone", SatisfiedBy = "repo" },
                new ClauseFinding { Label = "admin:repo_hook", State = ClauseState.Missing, Scopes = ["admin:repo_hook"], Purpose = "Webhooks" },
            ],
            Repositories = [new RepositoryAccessResult("acme/config", RepositoryAccess.ReadWrite, RepositoryAccessState.Granted, true, true, null)],
            Warnings = [new ValidationWarning(ValidationWarningCode.TokenNeverExpires, WarningSeverity.Info, "Never expires.")],
            ExpiresAt = null,
            Account = new AccountInfo("octocat", "User", null),
            RateLimit = new RateLimitInfo(5000, 4999, Checked.AddHours(1), null, "core"),
            Remediation = new Remediation { CreateTokenUrl = new Uri("https://github.com/settings/tokens/new?scopes=repo,admin:repo_hook&description=GitOps%20runtime"), Steps = ["Add admin:repo_hook."] },
            Edition = "seed",
            Message = null,
            CheckedAt = Checked,
        };

    [Fact]
    public void FromJson_RejectsWhatIsNotAReport()
    {
        var act = () => TokenValidationReport.FromJson("""{"verdict":"maybe"}""");

        act.Should().Throw<JsonException>();
        FluentActions.Invoking(() => TokenValidationReport.FromJson("null")).Should().Throw<JsonException>().WithMessage("The JSON text is null, not a report.");
        FluentActions.Invoking(() => TokenValidationReport.FromJson(null!)).Should().Throw<ArgumentNullException>().WithParameterName("json");
    }

    [Fact]
    public void EveryEnumValue_HasAKebabCaseWireName()
    {
        var names = Enum.GetValues<ValidationWarningCode>().Select(c => c.ToWireName())
            .Concat(Enum.GetValues<ValidationVerdict>().Select(v => v.ToWireName()))
            .Concat(Enum.GetValues<ClauseState>().Select(v => v.ToWireName()))
            .Concat(Enum.GetValues<InspectionStatus>().Select(v => v.ToWireName()))
            .Concat(Enum.GetValues<TokenType>().Select(v => v.ToWireName()));

        names.Should().OnlyContain(n => System.Text.RegularExpressions.Regex.IsMatch(n, "^[a-z]+(-[a-z]+)*$"));
        ValidationWarningCode.PersonalAccountRuntimeToken.ToWireName().Should().Be("personal-account-runtime-token");
        InspectionStatus.RateLimited.ToWireName().Should().Be("rate-limited");
    }

    [Fact]
    public void UndefinedEnumValue_HasNoWireName()
    {
        var act = () => ((ValidationVerdict)42).ToWireName();

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task ToString_ReadsAsOneLogLine()
    {
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic("repo");

        var report = await harness.ValidateAsync(token, runtime: "prod");

        report.ToString().Should().Be($"fail: github runtime token {token.Fingerprint} (github-classic) for runtime prod; missing admin:repo_hook; warnings token-never-expires");
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// <c>ReportBuilder.StableUntil</c> says how long a report may be reused: the report built at any instant before it
/// must read as the one built now, and the one built at it must not.
/// </summary>
public sealed class ReportStabilityTests
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly TokenValidationOptions Options = new() { ExpiryWarningWindow = TimeSpan.FromDays(7) };

    public static TheoryData<double> HoursBeforeExpiry => [24 * 30, 24 * 7 + 1, 24 * 7, 24 * 6.5, 24 * 3 + 0.25, 30, 24, 23, 0.5];

    [Theory]
    [MemberData(nameof(HoursBeforeExpiry))]
    public void ReportBuiltAnyTimeBeforeStableUntil_ReadsTheSame_AndTheOneAtItDoesNot(double hoursBeforeExpiry)
    {
        var now = Expires - TimeSpan.FromHours(hoursBeforeExpiry);
        var until = ReportBuilder.StableUntil(Snapshot(InspectionStatus.Ok), Options, now);

        until.Should().BeAfter(now);
        var text = Warnings(now);
        foreach (var later in new[] { now + (until - now) / 3, now + (until - now) / 2, until - TimeSpan.FromTicks(1) })
        {
            Warnings(later).Should().Be(text, $"nothing changes between {now:O} and {until:O}");
        }

        Warnings(until).Should().NotBe(text);
    }

    [Fact]
    public void ExpiredToken_OrFailedInspection_NeverChangesWithTheClock()
    {
        ReportBuilder.StableUntil(Snapshot(InspectionStatus.Ok), Options, Expires.AddSeconds(1)).Should().Be(DateTimeOffset.MaxValue);
        ReportBuilder.StableUntil(Snapshot(InspectionStatus.Unreachable), Options, Expires.AddDays(-1)).Should().Be(DateTimeOffset.MaxValue);
    }

    [Fact]
    public void WindowLongerThanTheCalendar_DoesNotOverflow()
    {
        var options = new TokenValidationOptions { ExpiryWarningWindow = TimeSpan.MaxValue };

        var until = ReportBuilder.StableUntil(Snapshot(InspectionStatus.Ok), options, Expires.AddDays(-3));

        until.Should().Be(Expires.AddDays(-3).AddTicks(1));
    }

    private static string Warnings(DateTimeOffset now)
    {
        var request = new TokenValidationRequest(new GitCredential(GitProvider.GitHub, "ghp_" + new string('a', 36)), TokenKind.Runtime);
        var requirement = ScopeEditions.Seed[new ScopeRequirementKey(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic)];
        var report = ReportBuilder.Build(request, null, Snapshot(InspectionStatus.Ok), requirement, false, UnknownClausePolicy.FailClosed, Options, now);
        return string.Join(" | ", report.Warnings.Select(w => $"{w.Code}: {w.Message}"));
    }

    private static InspectionSnapshot Snapshot(InspectionStatus status)
        => new()
        {
            Provider = GitProvider.GitHub,
            ApiUrl = new Uri("https://api.github.com/"),
            Status = status,
            TokenType = TokenType.GitHubClassic,
            Family = TokenFamily.Classic,
            Scopes = ["repo", "admin:repo_hook"],
            ExpiresAt = Expires,
            ExpiryKnown = true,
            CheckedAt = Expires.AddDays(-40),
        };
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// A cached inspection answers later calls, but every report is built afresh from it: what must still change between
/// calls (the clock's effect, a host's own requirements, the runtimes asked) does, and what must not does not.
/// </summary>
public sealed class TokenValidatorFreshnessTests
{
    private static readonly string[] RuntimeScopes = ["repo", "admin:repo_hook"];

    [Fact]
    public async Task NewRequestEachTime_WhileCached_GetsAnEqualReportWithoutAskingGitHub()
    {
        using var harness = new ValidationHarness();
        var token = FakeGitHubToken.Classic(RuntimeScopes);

        var first = await harness.ValidateAsync(token, repositories: [new RepositoryRequest("acme/missing")]);
        var second = await harness.ValidateAsync(token, repositories: [new RepositoryRequest("acme/missing")]);

        second.Should().NotBeSameAs(first);
        second.ToJson().Should().Be(first.ToJson());
        harness.Server.Requests.Should().HaveCount(2, "one inspection: the user, then the repository");
    }

    [Fact]
    public async Task ExpiryWarning_FollowsTheClock_WhileTheInspectionIsCached()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new ValidationHarness(
            o => o.Validation.ExpiryWarningWindow = TimeSpan.FromDays(7),
            services => services.AddSingleton<TimeProvider>(clock));
        var token = FakeGitHubToken.Classic(RuntimeScopes);
        token.ExpiresAt = clock.GetUtcNow().AddDays(10);
        var request = new TokenValidationRequest(harness.Credential(token), TokenKind.Runtime);

        var before = await harness.Validator.ValidateAsync(request);
        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        var inWindow = await harness.Validator.ValidateAsync(request);
        clock.Advance(TimeSpan.FromDays(1));
        var dayLater = await harness.Validator.ValidateAsync(request);
        clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(12));
        var lastDay = await harness.Validator.ValidateAsync(request);

        before.Warnings.Select(w => w.Code).Should().NotContain(ValidationWarningCode.TokenExpiring);
        inWindow.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.TokenExpiring).Which.Message.Should().Contain("in 6 day(s)");
        dayLater.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.TokenExpiring).Which.Message.Should().Contain("in 5 day(s)");
        lastDay.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.TokenExpiring).Which.Message.Should().Contain("less than a day");
        inWindow.CheckedAt.Should().Be(before.CheckedAt, "the inspection itself came from the cache; only the report was rebuilt");
        harness.Server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task WarningWindowLongerThanTheCalendar_WarnsWithoutOverflowing()
    {
        using var harness = new ValidationHarness(o => o.Validation.ExpiryWarningWindow = TimeSpan.MaxValue);
        var token = FakeGitHubToken.Classic(RuntimeScopes);
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(3);

        var report = await harness.ValidateAsync(token);

        report.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.TokenExpiring);
    }

    [Fact]
    public async Task HostRequirements_AreAskedAgainOnEveryValidation()
    {
        var requirements = new SwitchableRequirements();
        using var harness = new ValidationHarness(services: s => s.AddSingleton<IScopeRequirements>(requirements));
        var request = new TokenValidationRequest(harness.Credential(FakeGitHubToken.Classic(RuntimeScopes)), TokenKind.Runtime);

        var before = await harness.Validator.ValidateAsync(request);
        requirements.AlsoRequire = "admin:org";
        var after = await harness.Validator.ValidateAsync(request);

        before.Verdict.Should().Be(ValidationVerdict.Pass);
        after.Verdict.Should().Be(ValidationVerdict.Fail);
        after.MissingScopes.Should().Contain("admin:org");
    }

    [Fact]
    public async Task SameRequestForOtherRuntimes_IsResolvedForThoseRuntimes()
    {
        using var harness = new ValidationHarness(o => o.Overrides.Add(new ScopeRequirementOverride
        {
            Provider = "github",
            Kind = "runtime",
            TokenFamily = "classic",
            Runtime = "strict",
            Mode = OverrideMode.Amend,
            Clauses = { new ScopeClauseOptions { Label = "Org admin", AnyOf = { "admin:org" } } },
        }));
        var request = new TokenValidationRequest(harness.Credential(FakeGitHubToken.Classic(RuntimeScopes)), TokenKind.Runtime);

        var relaxed = await harness.Validator.ValidateForRuntimesAsync(request, ["relaxed"]);
        var strict = await harness.Validator.ValidateForRuntimesAsync(request, ["strict"]);

        relaxed.Should().ContainSingle().Which.Verdict.Should().Be(ValidationVerdict.Pass);
        strict.Should().ContainSingle().Which.Verdict.Should().Be(ValidationVerdict.Fail);
        strict[0].Runtime.Should().Be("strict");
    }

    [Fact]
    public async Task ValidateForRuntimes_HandsOutItsOwnList_EachTime()
    {
        using var harness = new ValidationHarness();
        var request = new TokenValidationRequest(harness.Credential(FakeGitHubToken.Classic(RuntimeScopes)), TokenKind.Runtime);

        var first = await harness.Validator.ValidateForRuntimesAsync(request, ["a", "b"]);
        if (first is TokenValidationReport[] array)
        {
            array[0] = array[1];
        }

        var second = await harness.Validator.ValidateForRuntimesAsync(request, ["a", "b"]);

        second.Should().NotBeSameAs(first);
        second.Select(r => r.Runtime).Should().Equal("a", "b");
    }

    /// <summary>A host's requirements that change while the host runs.</summary>
    private sealed class SwitchableRequirements : IScopeRequirements
    {
        public string? AlsoRequire { get; set; }

        public ScopeRequirement GetRequirement(ScopeRequirementKey key, string? runtimeName = null, string? repository = null)
        {
            var seed = ScopeEditions.Seed[key];
            return AlsoRequire is { } scope && key.Family == TokenFamily.Classic
                ? seed.WithClauses([.. seed.Clauses, new ScopeClause("Also", [scope], "A host rule added while the host runs.")], "switched")
                : seed;
        }
    }
}

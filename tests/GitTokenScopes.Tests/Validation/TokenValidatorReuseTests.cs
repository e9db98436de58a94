// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// The validator keeps a request's resolved question and its last reports, so that a cached validation recomputes
/// nothing. These tests pin what must still change: the clock's effect on the report, a host's own requirements, and
/// the lists handed out.
/// </summary>
public sealed class TokenValidatorReuseTests
{
    private static readonly string[] RuntimeScopes = ["repo", "admin:repo_hook"];

    [Fact]
    public async Task SameRequestAgain_WhileCached_GetsTheSameReportWithoutAskingGitHub()
    {
        using var harness = new ValidationHarness();
        var request = new TokenValidationRequest(harness.Credential(FakeGitHubToken.Classic(RuntimeScopes)), TokenKind.Runtime);

        var first = await harness.Validator.ValidateAsync(request);
        var second = await harness.Validator.ValidateAsync(request);

        first.Verdict.Should().Be(ValidationVerdict.Pass);
        second.Should().BeSameAs(first);
        harness.Server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task ReusedReport_TakesUpTheExpiryWarning_WhenTheClockEntersTheWindow()
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

        before.Warnings.Select(w => w.Code).Should().NotContain(ValidationWarningCode.TokenExpiring);
        inWindow.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.TokenExpiring).Which.Message.Should().Contain("in 6 day(s)");
        dayLater.Warnings.Should().ContainSingle(w => w.Code == ValidationWarningCode.TokenExpiring).Which.Message.Should().Contain("in 5 day(s)");
        inWindow.CheckedAt.Should().Be(before.CheckedAt, "the inspection itself came from the cache; only the report was rebuilt");
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

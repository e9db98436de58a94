// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Tests.Transport;

/// <summary>
/// A 429 reads alike on every provider: rate limited and indeterminate, never missing scopes; a <c>Retry-After</c> given as
/// an HTTP date is a wait measured on the host's clock (the registered <see cref="TimeProvider"/>).
/// </summary>
public sealed class RateLimitedAnswerTests
{
    [Theory]
    [MemberData(nameof(HostileProviders.All), MemberType = typeof(HostileProviders))]
    public async Task RetryAfterAsAnHttpDate_IsMeasuredOnTheInjectedClock(GitProvider provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var retryAt = time.GetUtcNow().AddSeconds(90).ToString("r", CultureInfo.InvariantCulture);
        using var api = new HostileServer(HostileServer.Answer(429, "application/json", """{"message":"API rate limit exceeded"}""", $"Retry-After: {retryAt}"));
        using var providers = new HostileProviders(time: time);

        var inspection = await providers.InspectAsync(provider, api.Url);

        inspection.Status.Should().Be(InspectionStatus.RateLimited);
        inspection.RateLimit!.RetryAfter.Should().Be(TimeSpan.FromSeconds(90), "the wait is measured from the injected clock's now, not the machine's");
        inspection.Message.Should().Contain("retry after 90 s");
    }

    [Theory]
    [MemberData(nameof(HostileProviders.All), MemberType = typeof(HostileProviders))]
    public async Task RateLimitedWithoutSayingForHowLong_IsIndeterminate_NeverMissingScopes(GitProvider provider)
    {
        using var api = new HostileServer(HostileServer.Answer(429, "application/json", """{"message":"Too Many Requests"}"""));
        using var providers = new HostileProviders();

        var report = await providers.Validator.ValidateAsync(new TokenValidationRequest(HostileProviders.Credential(provider, api.Url), TokenKind.Runtime));

        report.Status.Should().Be(InspectionStatus.RateLimited);
        report.Verdict.Should().Be(ValidationVerdict.Indeterminate);
        report.MissingScopes.Should().BeEmpty();
        report.RateLimit.Should().BeNull("the provider sent no rate-limit header");
        report.Message.Should().Contain("rate limit was reached").And.NotContain("retry after").And.NotContain("resets at");
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitLab.Internal;
using Microsoft.Extensions.Time.Testing;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>GitLab's RateLimit-* and Retry-After headers, each optional.</summary>
public sealed class GitLabHeadersTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RateLimit_AllHeaders_AreRead()
    {
        var answer = Answer(("RateLimit-Name", "throttle_authenticated_api"), ("RateLimit-Limit", "2000"), ("RateLimit-Observed", "2001"),
            ("RateLimit-Remaining", "0"), ("RateLimit-Reset", "1795611660"), ("RateLimit-ResetTime", "Wed, 25 Nov 2026 12:01:00 GMT"), ("Retry-After", "60"));

        GitLabStatusMap.RateLimit(answer, Time).Should().Be(new RateLimitInfo(2000, 0, DateTimeOffset.FromUnixTimeSeconds(1795611660), TimeSpan.FromSeconds(60), "throttle_authenticated_api"));
    }

    [Fact]
    public void RateLimit_OnlyResetTime_IsUsedForTheReset()
    {
        var answer = Answer(("ratelimit-resettime", "Wed, 25 Nov 2026 12:01:00 GMT"));

        GitLabStatusMap.RateLimit(answer, Time)!.ResetAt.Should().Be(new DateTimeOffset(2026, 11, 25, 12, 1, 0, TimeSpan.Zero));
    }

    [Fact]
    public void RateLimit_RetryAfterAsHttpDate_IsTheWaitFromNow()
        => GitLabStatusMap.RateLimit(Answer(("Retry-After", "Wed, 25 Nov 2026 12:05:00 GMT")), Time)!.RetryAfter.Should().Be(TimeSpan.FromMinutes(5));

    [Fact]
    public void RateLimit_NoHeaders_IsNull() => GitLabStatusMap.RateLimit(Answer(), Time).Should().BeNull();

    [Fact]
    public void RateLimit_Garbage_IsIgnored() => GitLabStatusMap.RateLimit(Answer(("RateLimit-Limit", "lots"), ("Retry-After", "soon")), Time).Should().BeNull();

    private static ProviderAnswer Answer(params (string Name, string Value)[] headers)
        => new(429, headers.ToDictionary(h => h.Name, h => h.Value), "Retry later\n");
}

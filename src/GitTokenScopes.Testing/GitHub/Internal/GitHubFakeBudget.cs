// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>
/// A primary rate-limit window: a fixed hourly limit, one unit per request, a reset an hour after the window's first
/// request. The fake never refuses a request when the budget is spent (remaining stays at 0); a test sets
/// <see cref="FakeGitHubToken.RateLimit"/> for that.
/// </summary>
internal sealed class GitHubFakeBudget(int limit)
{
    private readonly Lock _gate = new();
    private int _used;
    private DateTimeOffset _resetAt;

    public (int Limit, int Remaining, int Used, long ResetEpoch) Spend(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now >= _resetAt)
            {
                _used = 0;
                _resetAt = now.AddHours(1);
            }

            _used++;
            return (limit, Math.Max(0, limit - _used), _used, _resetAt.ToUnixTimeSeconds());
        }
    }
}

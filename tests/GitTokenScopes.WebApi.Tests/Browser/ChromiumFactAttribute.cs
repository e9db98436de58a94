// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi.Tests.Browser;

/// <summary>
/// A fact that drives the token page in headless Chromium (<see cref="Chromium"/>). Where the browser or its driver is
/// missing it is skipped with the reason, never passed quietly; under <c>CI=true</c> it is never skipped, since
/// <c>.ci/run</c> installs both, so a CI run without them fails loudly (as <c>RedisFactAttribute</c> does for Redis).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Missing is { } why && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = why;
        }
    }
}

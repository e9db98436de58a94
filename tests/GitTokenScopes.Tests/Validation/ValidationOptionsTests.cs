// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.Validation;

public sealed class ValidationOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        var act = () => Resolve(_ => { });

        act.Should().NotThrow();
    }

    [Fact]
    public void NonsensicalDurationsAndTimeouts_FailNamingTheKeys()
    {
        var act = () => Resolve(o =>
        {
            o.Validation.PassCacheDuration = TimeSpan.Zero;
            o.Validation.FailCacheDuration = TimeSpan.FromSeconds(-1);
            o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(2);
            o.Resilience.TotalTimeout = TimeSpan.FromMinutes(1);
            o.Resilience.MaxRetryAttempts = 50;
        });

        var errors = act.Should().Throw<OptionsValidationException>().Which.Failures;
        errors.Should().Contain(e => e.Contains("GitTokenScopes:Validation:PassCacheDuration", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("GitTokenScopes:Validation:FailCacheDuration", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("GitTokenScopes:Resilience:TotalTimeout", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("GitTokenScopes:Resilience:MaxRetryAttempts", StringComparison.Ordinal));
    }

    [Fact]
    public void DisabledResilience_IsNotValidated()
    {
        var act = () => Resolve(o =>
        {
            o.Resilience.Enabled = false;
            o.Resilience.MaxRetryAttempts = -1;
        });

        act.Should().NotThrow();
    }

    [Fact]
    public void PolicyToString_UsesWireNames()
    {
        new TokenKindPolicy { SkipGitPermissionValidation = true, UnknownClauses = UnknownClausePolicy.FailOpen }.ToString()
            .Should().Be("skipValidation=false, skipGitPermissionValidation=true, unknownClauses=fail-open");
        new TokenKindPolicy { SkipValidation = true }.ToString()
            .Should().Be("skipValidation=true, skipGitPermissionValidation=false, unknownClauses=fail-closed");
    }

    private static GitTokenScopesOptions Resolve(Action<GitTokenScopesOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddGitTokenScopes(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value;
    }
}

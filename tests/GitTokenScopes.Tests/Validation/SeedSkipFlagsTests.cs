// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.Validation;

public sealed class SeedSkipFlagsTests
{
    [Fact]
    public void ValuesYamlShape_AsTheSeedWritesIt()
    {
        // installer.skipValidation: true (a boolean) and skipGitPermissionValidation: "true" (a string), as in the seed.
        var values = Values(new Dictionary<string, string?>
        {
            ["installer:skipValidation"] = "True",
            ["app-proxy:config:skipGitPermissionValidation"] = "true",
        });

        var options = Resolve(values);

        options.Runtime.SkipValidation.Should().BeTrue();
        options.User.SkipGitPermissionValidation.Should().BeTrue();
        options.User.SkipValidation.Should().BeFalse("installer.skipValidation concerns the Runtime token");
        options.Runtime.SkipGitPermissionValidation.Should().BeFalse("the app-proxy flag concerns user tokens");
    }

    [Fact]
    public void AbsentFlags_ChangeNothing()
    {
        var options = Resolve(Values([]));

        options.Runtime.SkipValidation.Should().BeFalse();
        options.User.SkipGitPermissionValidation.Should().BeFalse();
    }

    [Fact]
    public void OtherValues_FailNamingTheFlag()
    {
        var act = () => Resolve(Values(new Dictionary<string, string?> { ["installer:skipValidation"] = "yes" }));

        act.Should().Throw<InvalidOperationException>().WithMessage("*installer.skipValidation*'yes'*");
    }

    [Fact]
    public void NullArguments_ThrowNamingTheParameter()
    {
        var builder = new ServiceCollection().AddGitTokenScopes();

        FluentActions.Invoking(() => GitTokenScopesBuilderExtensions.UseSeedSkipFlags(null!, Values([]))).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => builder.UseSeedSkipFlags(null!)).Should().Throw<ArgumentNullException>().WithParameterName("values");
    }

    [Fact]
    public void AppProxyFlag_OtherValue_FailsNamingIt()
    {
        var act = () => Resolve(Values(new Dictionary<string, string?> { ["app-proxy:config:skipGitPermissionValidation"] = "maybe" }));

        act.Should().Throw<InvalidOperationException>().WithMessage("*app-proxy.config.skipGitPermissionValidation*'maybe'*");
    }

    private static IConfiguration Values(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static TokenValidationOptions Resolve(IConfiguration values)
    {
        var services = new ServiceCollection();
        services.AddGitTokenScopes().UseSeedSkipFlags(values);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value.Validation;
    }
}

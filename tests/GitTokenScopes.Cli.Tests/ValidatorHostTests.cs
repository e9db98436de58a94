// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli.Validation;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Cli.Tests;

/// <summary>How the tool wires the library: what the Native AOT build relies on (NativeAot.Substitutions.xml).</summary>
public sealed class ValidatorHostTests
{
    [Fact]
    public async Task Create_HybridCacheHasNoReflectionJsonFallback()
    {
        await using var host = ValidatorHost.Create();

        // HybridCache's default factory is compiled as "throw" into the native executable: it must never be constructed.
        host.Services.GetServices<IHybridCacheSerializerFactory>().Should().ContainSingle().Which.Should().BeOfType<NoFallbackSerializerFactory>();
        host.Services.GetRequiredService<HybridCache>().Should().NotBeNull();
    }

    [Fact]
    public void CreateServices_ValidatedOnBuild_ResolveEveryRegistration()
    {
        // The tool builds its services unvalidated, for start-up time; this is the validation it skips.
        var act = () =>
        {
            using var provider = ValidatorHost.CreateServices(edition: "seed").BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        };

        act.Should().NotThrow();
    }

    [Fact]
    public void NoFallbackSerializerFactory_MakesNoSerializer()
    {
        new NoFallbackSerializerFactory().TryCreateSerializer<Uri>(out var serializer).Should().BeFalse();
        serializer.Should().BeNull();
    }
}

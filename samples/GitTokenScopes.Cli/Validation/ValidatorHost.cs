// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Cli.Validation;

/// <summary>
/// The library wired as a host would wire it: <c>AddGitTokenScopes()</c> with every provider's inspector, so each
/// command validates through the real validator, catalogue and inspectors.
/// </summary>
internal sealed class ValidatorHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ValidatorHost(ServiceProvider services)
    {
        _services = services;
        Validator = services.GetRequiredService<ITokenValidator>();
    }

    /// <summary>Gets the validator.</summary>
    public ITokenValidator Validator { get; }

    /// <summary>Builds the services.</summary>
    /// <param name="edition">The catalogue edition; <see langword="null"/> for the default.</param>
    /// <param name="seedValues">A values.yaml-shaped configuration whose skip flags apply, or <see langword="null"/>.</param>
    /// <param name="configure">Further options (the demo turns retries off).</param>
    public static ValidatorHost Create(string? edition = null, IConfiguration? seedValues = null, Action<GitTokenScopesOptions>? configure = null)
    {
        var services = new ServiceCollection();

        // No logging providers: a command's output is its report, and the library's logs never add to it.
        services.AddLogging();
        var builder = services.AddGitTokenScopes(options =>
            {
                if (edition is not null)
                {
                    options.Edition = edition;
                }

                configure?.Invoke(options);
            })
            .AddGitHub()
            .AddGitLab()
            .AddBitbucketCloud()
            .AddBitbucketServer();
        if (seedValues is not null)
        {
            builder.UseSeedSkipFlags(seedValues);
        }

        return new ValidatorHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

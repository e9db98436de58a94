// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Schemas;

/// <summary>How the suite obtains a validator: the container's, wrapped in a <see cref="SchemaCheckedValidator"/>.</summary>
internal static class SchemaCheckedValidatorExtensions
{
    /// <summary>Gets the container's <see cref="ITokenValidator"/>, every report of which is checked against the shipped schema.</summary>
    public static ITokenValidator GetSchemaCheckedValidator(this IServiceProvider services)
        => new SchemaCheckedValidator(services.GetRequiredService<ITokenValidator>());
}

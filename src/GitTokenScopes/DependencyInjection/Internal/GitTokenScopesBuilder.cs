// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.DependencyInjection.Internal;

internal sealed record GitTokenScopesBuilder(IServiceCollection Services) : IGitTokenScopesBuilder;

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.DependencyInjection.Internal;

/// <summary>The configuration section the options were bound from, so that errors name the host's own keys.</summary>
internal sealed record GitTokenScopesConfigurationPath(string Path);

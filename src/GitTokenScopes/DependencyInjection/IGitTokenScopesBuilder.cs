// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes;

/// <summary>
/// Returned by <see cref="GitTokenScopesServiceCollectionExtensions.AddGitTokenScopes(IServiceCollection)"/>;
/// provider inspectors and other features chain their registrations on it.
/// </summary>
public interface IGitTokenScopesBuilder
{
    /// <summary>Gets the service collection the library registers into.</summary>
    IServiceCollection Services { get; }
}

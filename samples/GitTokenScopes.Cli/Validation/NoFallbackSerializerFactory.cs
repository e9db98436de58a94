// Licensed under the MIT License. See LICENSE in the repository root.

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Hybrid;

namespace GitTokenScopes.Cli.Validation;

/// <summary>
/// HybridCache's serializer factory in the tool: it makes no serializer. HybridCache asks a factory only for a type that
/// has no <see cref="IHybridCacheSerializer{T}"/> of its own, and everything GitTokenScopes caches has a source-generated
/// one; without this, the fallback would be HybridCache's reflection-based JSON, which Native AOT cannot run. Registered
/// before <c>AddGitTokenScopes()</c>, whose <c>AddHybridCache()</c> then adds no default factory, so the native build can
/// leave the default's code out (<c>NativeAot.Substitutions.xml</c>).
/// </summary>
internal sealed class NoFallbackSerializerFactory : IHybridCacheSerializerFactory
{
    /// <inheritdoc/>
    public bool TryCreateSerializer<T>([NotNullWhen(true)] out IHybridCacheSerializer<T>? serializer)
    {
        serializer = null;
        return false;
    }
}

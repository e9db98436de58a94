// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Benchmarks.Loopback;

/// <summary>How the loopback provider spoils one answer.</summary>
internal enum LoopbackFault
{
    None,
    ServerError,
    Reset,
    Slow,
}

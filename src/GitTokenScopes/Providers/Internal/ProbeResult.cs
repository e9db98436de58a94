// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>What one permission probe on one repository showed: its verdict, and the answer or why there was none.</summary>
internal readonly record struct ProbeResult(PermissionProbe Probe, ProbeVerdict Verdict, ProviderAnswer? Answer, string? Unreachable);

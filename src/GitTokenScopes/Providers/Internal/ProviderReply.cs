// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Providers.Internal;

/// <summary>An answer, or why there is none: one repository's loss is <see cref="NotChecked"/>, a required request's <see cref="Required"/>.</summary>
internal readonly record struct ProviderReply(ProviderAnswer? Answer, string? Unreachable, InspectionStatus Status = InspectionStatus.Unreachable)
{
    /// <summary>Gets the answer; without one, throws <see cref="ProviderUnreachableException"/>.</summary>
    public ProviderAnswer Required => Answer ?? throw new ProviderUnreachableException(Unreachable!, Status);

    /// <summary>The result of a repository whose request got no answer.</summary>
    public RepositoryAccessResult NotChecked(RepositoryRequest repository) => repository.Unknown($"Not checked: {Unreachable}");
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>The account a token acts as, as the provider named it. Two values are equal when every property is.</summary>
/// <param name="Login">The account's login or user name.</param>
/// <param name="Type">The account type as the provider names it (GitHub: <c>User</c>, <c>Bot</c>, <c>Organization</c>; GitLab: <c>bot</c>, …), if given.</param>
/// <param name="IsBot">Whether the provider marks the account as a bot or service account; <see langword="null"/> when it does not say.</param>
public sealed record AccountInfo(string Login, string? Type, bool? IsBot)
{
    /// <inheritdoc/>
    public override string ToString() => Type is null ? Login : $"{Login} ({Type})";
}

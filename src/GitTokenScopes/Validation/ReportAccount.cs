// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>The account that owns the token, as the provider named it.</summary>
/// <param name="Login">The login or username.</param>
/// <param name="Type">The provider's account type (<c>User</c>, <c>Bot</c>, <c>bot</c>, <c>service-account</c>, …), when the provider tells.</param>
public sealed record ReportAccount(string Login, string? Type)
{
    /// <inheritdoc/>
    public override string ToString() => Type is null ? Login : $"{Login} ({Type})";
}

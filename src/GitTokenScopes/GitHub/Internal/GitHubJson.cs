// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitHub.Internal;

/// <summary>Reads the few fields the inspector needs from GitHub's JSON bodies; a malformed body yields <see langword="null"/>.</summary>
internal static class GitHubJson
{
    /// <summary>
    /// <c>GET /user</c>: login and account type. <c>type: "Bot"</c> is a bot; <c>"User"</c> tells nothing, because a
    /// GitHub machine user (a service account) is an ordinary user to the API (PROVIDERS.md §1.8).
    /// </summary>
    public static AccountInfo? Account(string? body)
        => ProviderAnswer.Read(body, GitHubJsonContext.Default.GitHubUser) is { Login: { Length: > 0 } login } user
            ? new AccountInfo(login, user.Type, string.Equals(user.Type, "Bot", StringComparison.OrdinalIgnoreCase) ? true : null)
            : null;

    /// <summary><c>GET /repos/{o}/{r}</c>: whether it is private and the caller's pull/push permissions.</summary>
    public static GitHubRepository? Repository(string? body)
        => ProviderAnswer.Read(body, GitHubJsonContext.Default.GitHubRepository) is { FullName: not null } repository ? repository : null;

    /// <summary><c>GET /installation/repositories</c>: the repository selection; <see langword="null"/> without a repository list.</summary>
    public static GitHubInstallationRepositories? Installation(string? body)
        => ProviderAnswer.Read(body, GitHubJsonContext.Default.GitHubInstallationRepositories) is { Repositories: not null } listing ? listing : null;
}

internal sealed record GitHubUser(string? Login, string? Type);

internal sealed record GitHubRepository(string? FullName, bool? Private, GitHubPermissions? Permissions);

internal sealed record GitHubPermissions(bool? Pull, bool? Push);

internal sealed record GitHubInstallationRepositories(string? RepositorySelection, IReadOnlyList<GitHubRepository?>? Repositories);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GitHubUser))]
[JsonSerializable(typeof(GitHubRepository))]
[JsonSerializable(typeof(GitHubInstallationRepositories))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;

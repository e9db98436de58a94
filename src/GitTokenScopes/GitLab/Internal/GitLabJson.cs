// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>Reads the GitLab bodies the inspector needs (source-generated); a malformed body yields <see langword="null"/>.</summary>
internal static partial class GitLabJson
{
    /// <summary><c>GET /personal_access_tokens/self</c>; <see langword="null"/> when the body is malformed or has no <c>scopes</c> array.</summary>
    public static GitLabTokenInfo? Token(string? body)
    {
        var self = ProviderAnswer.Read(body, GitLabWireContext.Default.TokenSelf);
        if (self?.Scopes is not { } scopes)
        {
            return null;
        }

        var (expiresAt, expiryReadable) = Expiry(self.ExpiresAt);
        string[] listed = [.. scopes.OfType<string>().Where(s => s.Length > 0)];
        var grants = Grants(self.GranularScopes);

        // A fine-grained token says granular: true and scopes: ["granular"]; granular_scopes only from GitLab 19.5.
        var fineGrained = self.Granular == true || listed is ["granular"] || grants is { Count: > 0 };
        return new GitLabTokenInfo(self.Name, listed, expiresAt, expiryReadable, self.Revoked, self.Active, self.UserId, fineGrained, grants, self.Impersonation);
    }

    /// <summary><c>GET /user</c>: user name and bot flag; <see langword="null"/> when malformed or without a user name.</summary>
    public static (string Username, bool? Bot)? User(string? body)
        => ProviderAnswer.Read(body, GitLabWireContext.Default.UserBody) is { Username: { Length: > 0 } username } user ? (username, user.Bot) : null;

    /// <summary><c>GET /projects/:id</c>; <see langword="null"/> when malformed or naming neither id nor path.</summary>
    public static GitLabProject? Project(string? body)
        => ProviderAnswer.Read(body, GitLabWireContext.Default.GitLabProject) is { } project
            && (project.Id is not null || project.PathWithNamespace is not null)
            ? project
            : null;

    /// <summary>Either GitLab error shape; <see langword="null"/> when the body is not a JSON object.</summary>
    public static GitLabError? Error(string? body)
    {
        var error = ProviderAnswer.Read(body, GitLabWireContext.Default.ErrorBody);
        if (error is null)
        {
            return null;
        }

        var scopes = error.Scope is { ValueKind: JsonValueKind.String } text
            ? text.GetString()!.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : error.Scope is { ValueKind: JsonValueKind.Array } array
                ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [];
        return new GitLabError(Flatten(error.Message), Flatten(error.Error), error.ErrorDescription, scopes);
    }

    /// <summary>What GitLab said, in one line for messages: the error description, the message, or the error code.</summary>
    public static string? Said(GitLabError? error)
        => error switch
        {
            { Description: { Length: > 0 } description } => description,
            { Message: { Length: > 0 } message } => message,
            { Code: { Length: > 0 } code } => code,
            _ => null,
        };

    /// <summary>
    /// <c>expires_at</c> is a date; GitLab's check is <c>expires_at &lt;= today</c>, so the token stops at 00:00:00Z of
    /// that day. A full timestamp is accepted too. JSON <c>null</c> (never expires) is readable; garbage is not.
    /// </summary>
    public static (DateTimeOffset? ExpiresAt, bool Readable) Expiry(string? value)
    {
        if (value is null)
        {
            return (null, true);
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true);
        }

        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at.ToUniversalTime(), true)
            : (null, false);
    }

    // granular_scopes (GitLab 19.5+): {access, permissions[], project_id, group_id} each; absent or not a list is null
    // (unreadable), and an item that is not such an object is skipped.
    private static List<GitLabGrant>? Grants(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        var grants = new List<GitLabGrant>();
        foreach (var item in array.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var access = item.TryGetProperty("access", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : string.Empty;
            string[] permissions = item.TryGetProperty("permissions", out var p) && p.ValueKind == JsonValueKind.Array
                ? [.. p.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [];
            grants.Add(new GitLabGrant(access, permissions, Id(item, "project_id"), Id(item, "group_id")));
        }

        return grants;
    }

    private static long? Id(JsonElement item, string name)
        => item.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) ? value : null;

    private static string? Flatten(JsonElement? element)
        => element switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Object } obj => string.Join("; ", obj.EnumerateObject().Select(p => $"{p.Name}: {Flatten(p.Value)}")),
            { ValueKind: JsonValueKind.Array } array => string.Join(", ", array.EnumerateArray().Select(e => Flatten(e)).OfType<string>()),
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } other => other.GetRawText(),
            _ => null,
        };

    // Every member is optional; message may be a string or an object of validation errors.
    internal sealed record TokenSelf(bool? Revoked, bool? Active, List<string?>? Scopes, long? UserId, string? ExpiresAt, JsonElement? GranularScopes, bool? Impersonation, string? Name, bool? Granular);

    internal sealed record UserBody(long? Id, string? Username, bool? Bot);

    internal sealed record ErrorBody(JsonElement? Message, JsonElement? Error, string? ErrorDescription, JsonElement? Scope);

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(TokenSelf))]
    [JsonSerializable(typeof(UserBody))]
    [JsonSerializable(typeof(GitLabProject))]
    [JsonSerializable(typeof(ErrorBody))]
    private sealed partial class GitLabWireContext : JsonSerializerContext;
}

/// <summary>
/// A GitLab error body in either shape (PROVIDERS.md §2.5): Grape's <c>{"message":…}</c> (an object of validation
/// errors is flattened) or rack-oauth2's <c>{"error":"invalid_token","error_description":…}</c>, with <c>scope</c>.
/// </summary>
internal sealed record GitLabError(string? Message, string? Code, string? Description, IReadOnlyList<string> Scopes);

/// <summary>What <c>GET /personal_access_tokens/self</c> tells; <c>ExpiryReadable</c> is false only for an unreadable <c>expires_at</c>.</summary>
internal sealed record GitLabTokenInfo(
    string? Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    bool ExpiryReadable,
    bool? Revoked,
    bool? Active,
    long? UserId,
    bool FineGrained,
    IReadOnlyList<GitLabGrant>? Grants,
    bool? Impersonation);

/// <summary>One item of <c>granular_scopes</c>: permissions held at an access boundary, for one project or group when <c>selected_memberships</c>.</summary>
internal sealed record GitLabGrant(string Access, IReadOnlyList<string> Permissions, long? ProjectId, long? GroupId);

/// <summary>What <c>GET /projects/:id</c> tells: visibility, the caller's access levels, and the namespace (<c>user</c> or <c>group</c>).</summary>
internal sealed record GitLabProject(
    long? Id, string? PathWithNamespace, string? Visibility, GitLabProject.Members? Permissions, GitLabProject.Space? Namespace)
{
    /// <summary>The higher of the caller's project and group access levels.</summary>
    public int? AccessLevel => new[] { Permissions?.ProjectAccess?.AccessLevel, Permissions?.GroupAccess?.AccessLevel }.Max();

    internal sealed record Members(Access? ProjectAccess, Access? GroupAccess);

    internal sealed record Access(int? AccessLevel);

    internal sealed record Space(long? Id, string? Kind, string? FullPath);
}

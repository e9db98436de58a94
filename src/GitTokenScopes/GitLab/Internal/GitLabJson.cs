// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Text.Json;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.GitLab.Internal;

/// <summary>Reads the GitLab bodies the inspector needs through <see cref="GitLabJsonContext"/>; a malformed body yields <see langword="null"/>.</summary>
internal static class GitLabJson
{
    private const int MaxGranularLength = 200;

    /// <summary><c>GET /personal_access_tokens/self</c>; <see langword="null"/> when the body is malformed or has no <c>scopes</c> array.</summary>
    public static GitLabTokenInfo? Token(string? body)
    {
        var self = ProviderAnswer.Read(body, GitLabJsonContext.Default.TokenSelf);
        if (self?.Scopes is not { } scopes)
        {
            return null;
        }

        var (expiresAt, expiryReadable) = Expiry(self.ExpiresAt);
        return new GitLabTokenInfo(
            self.Name,
            [.. scopes.OfType<string>().Where(s => s.Length > 0)],
            expiresAt,
            expiryReadable,
            self.Revoked,
            self.Active,
            self.UserId,
            Granular(self.GranularScopes),
            self.Impersonation);
    }

    /// <summary><c>GET /user</c>: user name and bot flag; <see langword="null"/> when malformed or without a user name.</summary>
    public static (string Username, bool? Bot)? User(string? body)
        => ProviderAnswer.Read(body, GitLabJsonContext.Default.User) is { Username: { Length: > 0 } username } user ? (username, user.Bot) : null;

    /// <summary><c>GET /projects/:id</c>: visibility and the highest of the caller's project and group access levels.</summary>
    public static (string? Visibility, int? AccessLevel, bool PermissionsShown)? Project(string? body)
    {
        var project = ProviderAnswer.Read(body, GitLabJsonContext.Default.Project);
        if (project is null || (project.Id is null && project.PathWithNamespace is null))
        {
            return null;
        }

        var levels = new[] { project.Permissions?.ProjectAccess?.AccessLevel, project.Permissions?.GroupAccess?.AccessLevel };
        var highest = levels.Max();
        return (project.Visibility, highest, project.Permissions is not null);
    }

    /// <summary>Either GitLab error shape; <see langword="null"/> when the body is not a JSON object.</summary>
    public static GitLabError? Error(string? body)
    {
        var error = ProviderAnswer.Read(body, GitLabJsonContext.Default.ErrorBody);
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
    /// GitLab writes <c>expires_at</c> as a date (<c>2026-12-01</c>). GitLab documents that such a token "expires at
    /// midnight UTC on that date" (project access tokens API, <c>expires_at</c>; personal access tokens docs), and its
    /// check is <c>expires_at &lt;= today</c>: the token stops working when that date begins in UTC. So the date is read as
    /// <c>00:00:00Z</c> of that day. A full timestamp is accepted too. Returns (value, readable): <c>null, true</c> for
    /// JSON <c>null</c> (never expires), <c>null, false</c> for a value that cannot be read.
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

    /// <summary>
    /// <c>granular_scopes</c> of a fine-grained token, each written as text: strings as they are, objects and other
    /// values as compact JSON (shortened). The field's shape is not documented yet, so nothing more is assumed.
    /// </summary>
    private static string[] Granular(JsonElement? element)
    {
        if (element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value];
        return [.. items
            .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText())
            .Where(text => text.Length > 0)
            .Select(text => text.Length > MaxGranularLength ? text[..MaxGranularLength] + "…" : text)];
    }

    private static string? Flatten(JsonElement? element)
        => element switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Object } obj => string.Join("; ", obj.EnumerateObject().Select(p => $"{p.Name}: {Flatten(p.Value)}")),
            { ValueKind: JsonValueKind.Array } array => string.Join(", ", array.EnumerateArray().Select(e => Flatten(e)).OfType<string>()),
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } other => other.GetRawText(),
            _ => null,
        };
}

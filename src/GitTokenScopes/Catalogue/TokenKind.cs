// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>
/// What a token is used for in a GitOps runtime: the two tables of the source document.
/// </summary>
/// <remarks>The JSON and configuration names are <c>runtime</c> and <c>user</c>.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<TokenKind>))]
public enum TokenKind
{
    /// <summary>
    /// The Git Runtime token: mandatory for every runtime, ideally owned by a service or robot account.
    /// It installs the runtime, lets Argo CD clone and sync, and lets Argo Events create webhooks.
    /// </summary>
    [JsonStringEnumMemberName("runtime")]
    Runtime,

    /// <summary>
    /// The Git user token: one per user and per runtime; it authorizes that user's Git actions.
    /// </summary>
    [JsonStringEnumMemberName("user")]
    User,
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>
/// A Git hosting provider whose tokens the library understands. JSON and configuration name it <c>github</c>,
/// <c>gitlab</c>, <c>bitbucket-cloud</c> or <c>bitbucket-server</c> (see <see cref="WireNames"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<GitProvider>))]
public enum GitProvider
{
    /// <summary>GitHub: github.com, GitHub Enterprise Cloud (including <c>*.ghe.com</c>) and GitHub Enterprise Server.</summary>
    [JsonStringEnumMemberName("github")]
    GitHub,

    /// <summary>GitLab: GitLab.com, GitLab Dedicated and self-managed GitLab.</summary>
    [JsonStringEnumMemberName("gitlab")]
    GitLab,

    /// <summary>Bitbucket Cloud (bitbucket.org).</summary>
    [JsonStringEnumMemberName("bitbucket-cloud")]
    BitbucketCloud,

    /// <summary>Bitbucket Server and Bitbucket Data Center.</summary>
    [JsonStringEnumMemberName("bitbucket-server")]
    BitbucketServer,
}

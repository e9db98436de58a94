// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json.Serialization;

namespace GitTokenScopes;

/// <summary>The access a token needs to a repository.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RepositoryAccess>))]
public enum RepositoryAccess
{
    /// <summary>Clone and pull.</summary>
    [JsonStringEnumMemberName("read")]
    Read,

    /// <summary>Clone, pull and push (the seed's need for the Shared Configuration Repository).</summary>
    [JsonStringEnumMemberName("read-write")]
    ReadWrite,
}

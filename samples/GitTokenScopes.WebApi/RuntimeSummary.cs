// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>A runtime as <c>GET /runtimes</c> lists it: what the page shows and groups its choices by.</summary>
public sealed class RuntimeSummary
{
    /// <summary>Gets or sets the runtime's name.</summary>
    public required string Name { get; set; }

    /// <summary>Gets or sets the provider's wire name.</summary>
    public required string Provider { get; set; }

    /// <summary>Gets or sets the Git server a token for this runtime belongs to; one token is checked for runtimes of one server.</summary>
    public required string Server { get; set; }

    /// <summary>Gets or sets the repositories a user's token must reach for this runtime.</summary>
    public required List<RepositoryBody> Repositories { get; set; }

    internal static RuntimeSummary From(RuntimeOptions runtime) => new()
    {
        Name = runtime.Name!.Trim(),
        Provider = runtime.Provider!,
        Server = runtime.Server,
        Repositories = [.. runtime.RepositoryRequests().OfType<RepositoryRequest>().Select(r => new RepositoryBody
        {
            Name = r.Name,
            Access = r.Access.ToWireName(),
        })],
    };
}

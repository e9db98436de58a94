// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.BitbucketServer.Internal;

/// <summary>
/// How to learn whether a token holds one permission on a repository without changing anything (PROVIDERS.md §4.2):
/// read-only requests where one needs the permission, and for write an invalid payload that can only be rejected — a
/// 400/409/422 proves the request passed authorization, a 401/403 proves it did not. After the token was accepted, the
/// server answers "not permitted" with 401 as well as 403.
/// </summary>
internal sealed class BitbucketServerPermissionProbe
{
    /// <summary>A branch with a blank name from a blank start point: Bitbucket can only reject it.</summary>
    internal const string InvalidBranch = """{"name":"","startPoint":""}""";

    private static readonly ProviderOutcome[] NotPermitted = [ProviderOutcome.Unauthorized, ProviderOutcome.Forbidden];

    private static readonly BitbucketServerPermissionProbe[] Table =
    [
        new("REPO_WRITE", HttpMethod.Post, r => BitbucketServerApiAddress.RepositoryPath(r) + "/branches", InvalidBranch, [ProviderOutcome.Rejected], NotPermitted),
        new("REPO_ADMIN", HttpMethod.Get, r => BitbucketServerApiAddress.RepositoryPath(r) + "/webhooks?limit=1", null, [ProviderOutcome.Success], NotPermitted),
        new("PROJECT_READ", HttpMethod.Get, BitbucketServerApiAddress.ProjectPath, null, [ProviderOutcome.Success], [.. NotPermitted, ProviderOutcome.NotFound]),
    ];

    private readonly Func<RepositoryRequest, string> _path;
    private readonly ProviderOutcome[] _granted;
    private readonly ProviderOutcome[] _denied;

    private BitbucketServerPermissionProbe(string permission, HttpMethod method, Func<RepositoryRequest, string> path, string? body, ProviderOutcome[] granted, ProviderOutcome[] denied)
    {
        Permission = permission;
        Method = method;
        _path = path;
        Body = body;
        _granted = granted;
        _denied = denied;
    }

    public string Permission { get; }

    public HttpMethod Method { get; }

    public string? Body { get; }

    public bool IsWrite => Method != HttpMethod.Get;

    /// <summary>Finds the probe for a permission; <see langword="null"/> when none exists (the permission stays undetermined).</summary>
    public static BitbucketServerPermissionProbe? For(string permission) => Array.Find(Table, p => p.Permission == permission);

    public string Endpoint(RepositoryRequest repository) => _path(repository);

    public ProbeVerdict Interpret(ProviderOutcome outcome) => ProbeVerdicts.Interpret(outcome, _granted, _denied, IsWrite);
}

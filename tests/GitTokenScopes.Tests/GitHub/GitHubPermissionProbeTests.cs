// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitHub.Internal;
using GitTokenScopes.Providers.Internal;

namespace GitTokenScopes.Tests.GitHub;

/// <summary>The probe table (PROVIDERS.md §1.4): which call proves which level, and that write probes can only be rejected.</summary>
public sealed class GitHubPermissionProbeTests
{
    private static readonly RepositoryRequest Repository = new("acme/gitops-config");

    [Theory]
    [InlineData("contents", "read", "GET", "repos/acme/gitops-config/commits?per_page=1")]
    [InlineData("contents", "write", "PUT", "repos/acme/gitops-config/contents/gittokenscopes-permission-probe.txt")]
    [InlineData("administration", "read", "GET", "repos/acme/gitops-config/actions/permissions")]
    [InlineData("administration", "write", "GET", "repos/acme/gitops-config/rulesets/rule-suites?per_page=1")]
    [InlineData("repository_hooks", "read", "GET", "repos/acme/gitops-config/hooks?per_page=1")]
    [InlineData("repository_hooks", "write", "PATCH", "repos/acme/gitops-config/hooks/2147483647")]
    [InlineData("statuses", "read", "GET", "repos/acme/gitops-config/commits/0000000000000000000000000000000000000000/statuses")]
    [InlineData("statuses", "write", "POST", "repos/acme/gitops-config/statuses/0000000000000000000000000000000000000000")]
    [InlineData("pull_requests", "read", "GET", "repos/acme/gitops-config/pulls?per_page=1")]
    [InlineData("pull_requests", "write", "POST", "repos/acme/gitops-config/pulls")]
    public void For_KnownPermission_HasTheDocumentedEndpoint(string permission, string level, string method, string endpoint)
    {
        var probe = GitHubPermissionProbe.For(permission, level)!;

        probe.Method.Method.Should().Be(method);
        probe.Endpoint(Repository).Should().Be(endpoint);
        probe.IsWrite.Should().Be(method != "GET");
    }

    [Theory]
    [InlineData("contents", "admin")]
    [InlineData("workflows", "write")]
    [InlineData("metadata", "read")]
    public void For_NoSafeProbe_IsNull(string permission, string level)
        => GitHubPermissionProbe.For(permission, level).Should().BeNull();

    [Theory]
    [InlineData("contents", "read", "Success", "Granted")]
    [InlineData("contents", "read", "Rejected", "Granted")] // 409 empty repository
    [InlineData("contents", "read", "Forbidden", "Denied")]
    [InlineData("contents", "read", "NotFound", "Denied")]
    [InlineData("contents", "write", "Rejected", "Granted")]
    [InlineData("contents", "write", "Forbidden", "Denied")]
    [InlineData("contents", "write", "Success", "UnexpectedSuccess")]
    [InlineData("contents", "write", "NotFound", "Unknown")]
    [InlineData("administration", "write", "Success", "Granted")]
    [InlineData("administration", "write", "NotFound", "Unknown")]
    [InlineData("repository_hooks", "write", "NotFound", "Granted")]
    [InlineData("repository_hooks", "write", "Success", "UnexpectedSuccess")]
    [InlineData("statuses", "read", "NotFound", "Granted")]
    [InlineData("statuses", "write", "Rejected", "Granted")]
    [InlineData("pull_requests", "write", "Success", "UnexpectedSuccess")]
    [InlineData("pull_requests", "read", "RateLimited", "RateLimited")]
    [InlineData("pull_requests", "read", "SsoRequired", "SsoRequired")]
    [InlineData("pull_requests", "read", "ServerError", "Unknown")]
    [InlineData("pull_requests", "read", "Unauthorized", "Unknown")]
    public void Interpret_Row(string permission, string level, string outcome, string expected)
        => GitHubPermissionProbe.For(permission, level)!.Interpret(Enum.Parse<ProviderOutcome>(outcome)).Should().Be(Enum.Parse<ProbeVerdict>(expected));
}

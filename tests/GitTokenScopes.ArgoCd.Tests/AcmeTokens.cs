// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd.Tests;

/// <summary>The secret values of <see cref="AcmeSecrets.Yaml"/>: tokens (from the fakes or made up) and keys.</summary>
internal sealed record AcmeTokens(string Runtime, string Platform, string Jane, string TeamX, string GitLabA, string GitLabB, string Write, string Bitbucket)
{
    public const string SshKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n-----END OPENSSH PRIVATE KEY-----";
    public const string AppKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx9dXn3qGm8GitHubAppKeyNotReal0123456789abcdef\n-----END RSA PRIVATE KEY-----";
    public const string GcpKey = "{\"type\":\"service_account\",\"private_key\":\"gcpKeyMaterialNotReal7f3a9c2e1b\"}";

    /// <summary>Made-up values, for tests that never call a provider.</summary>
    public static AcmeTokens MadeUp { get; } = new(
        "ghp_RuntimeTokenNotReal0000000000000001", "ghp_PlatformTokenNotReal000000000000002", "ghp_JaneUserTokenNotReal000000000000003",
        "ghp_TeamXProjectTokenNotReal0000000004", "glpat-TeamTokenANotReal00000005", "glpat-TeamTokenBNotReal00000006",
        "ghp_WriteTokenNotReal000000000000000007", "ATBBbitbucketAppPasswordNotReal0008");

    /// <summary>Every secret value the manifest holds.</summary>
    public IEnumerable<string> All => [Runtime, Platform, Jane, TeamX, GitLabA, GitLabB, Write, Bitbucket, SshKey, AppKey, GcpKey, "gcpKeyMaterialNotReal7f3a9c2e1b"];
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using GitTokenScopes.Cli.Tests.Support;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Cli.Tests;

public sealed class ArgoCdAuditCommandTests(FakeProviders fakes) : IClassFixture<FakeProviders>
{
    private const string KubeToken = "kube-api-bearer-token-not-real-9d41c7";

    /// <summary>The runtime's template holds a token without admin:repo_hook; Jane's repository secret a good User token; one SSH key.</summary>
    private (string Yaml, string[] Secrets) Namespace()
    {
        var runtime = fakes.GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository(FakeProviders.ConfigRepository, new FakeGitHubGrant { Role = "admin" }));
        var jane = fakes.GitHub.AddToken(FakeGitHubToken.Classic("repo").WithRepository(FakeProviders.ConfigRepository, new FakeGitHubGrant { Role = "write" }));
        const string sshKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n-----END OPENSSH PRIVATE KEY-----";
        var yaml = $"""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Secret
              metadata:
                name: runtime-repo-creds-secret
                labels:
                  argocd.argoproj.io/secret-type: repo-creds
              data:
                url: {B64("https://github.com/acme/")}
                username: {B64("acme-bot")}
                password: {B64(runtime.Value)}
            - apiVersion: v1
              kind: Secret
              metadata:
                name: repo-gitops-config
                labels:
                  argocd.argoproj.io/secret-type: repository
              stringData:
                url: https://github.com/acme/gitops-config.git
            - apiVersion: v1
              kind: Secret
              metadata:
                name: repo-gitops-config-team-x
                labels:
                  argocd.argoproj.io/secret-type: repository
              stringData:
                url: https://github.com/acme/gitops-config
                project: team-x
                username: jane
                password: {jane.Value}
            - apiVersion: v1
              kind: Secret
              metadata:
                name: repo-legacy
                labels:
                  argocd.argoproj.io/secret-type: repository
              stringData:
                url: git@github.com:acme/legacy.git
                sshPrivateKey: |
                  {sshKey.Replace("\n", "\n      ", StringComparison.Ordinal)}
            """;
        return (yaml, [runtime.Value, jane.Value, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz"]);
    }

    private string[] GitHubHost() => ["--git-host", $"github.com=github,api={fakes.GitHub.ApiUrl}"];

    [Fact]
    public async Task ArgoCdSecretsFile_Table_ShowsEachRepositorysCredentialVerdictAndFindings_AndExitsWithTheWorstVerdict()
    {
        var (yaml, secrets) = Namespace();
        using var file = new TempFile("secrets.yaml", yaml);

        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, ["audit", "--argocd-secrets", file.Path, .. GitHubHost()]);

        run.ExitCode.Should().Be(1, run.Stderr + run.Stdout);
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should()
            .Contain("https://github.com/acme/gitops-config.git").And.Contain($"runtime-repo-creds-secret ({GitCredential.FingerprintOf(secrets[0])})")
            .And.Contain("repo-gitops-config-team-x (sha256:").And.Contain("https://github.com/acme/gitops-config (project team-x)")
            .And.Contain("repo-legacy (ssh-private-key)").And.Contain("not checkable")
            .And.Contain("FAIL").And.Contain("PASS").And.Contain("missing admin:repo_hook")
            .And.Contain("Findings").And.Contain("uncheckable-credential").And.Contain("project-scoped-repository")
            .And.Contain("audit: 2 reports: 1 pass, 1 fail, 0 indeterminate, 0 skipped; 2 distinct tokens");
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], secrets);
    }

    [Fact]
    public async Task ArgoCdSecretsFromStandardInput_JsonFormat_PrintsOneReportPerToken_AndFindingsOnStandardError()
    {
        var (yaml, secrets) = Namespace();

        var run = await CliRun.RunAsync(new Dictionary<string, string>(), yaml, ["audit", "--argocd-secrets", "-", "--format", "json", "--runtime", "production", .. GitHubHost()]);

        run.ExitCode.Should().Be(1, run.Stderr);
        var lines = run.Stdout.TrimEnd().Split(Environment.NewLine);
        var reports = lines.Select(TokenValidationReport.FromJson).ToArray();
        reports.Select(r => r.TokenFingerprint).Should().Equal(GitCredential.FingerprintOf(secrets[0]), GitCredential.FingerprintOf(secrets[1]));
        reports.Select(r => (r.TokenKind, r.Runtime, r.Verdict)).Should().Equal(
            (TokenKind.Runtime, "production", ValidationVerdict.Fail),
            (TokenKind.User, "production", ValidationVerdict.Pass));
        reports.Select(r => CliRun.Relaxed(r.ToJson())).Should().Equal(lines);
        run.Stderr.Should().Contain("info uncheckable-credential: ").And.Contain("audit: 2 reports");
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], secrets);
    }

    [Fact]
    public async Task RuntimeSecretRepoUrlAndReadAccess_ShapeWhatEachTokenIsValidatedAs()
    {
        var (yaml, secrets) = Namespace();

        var run = await CliRun.RunAsync(new Dictionary<string, string>(), yaml,
        [
            "audit", "--argocd-secrets", "-", "--format", "json", .. GitHubHost(),
            "--runtime-secret", "repo-gitops-config-team-x", "--repo-url", "https://github.com/acme/undeclared", "--read-access", "read-write",
        ]);

        var reports = run.Stdout.TrimEnd().Split(Environment.NewLine).Select(TokenValidationReport.FromJson).ToArray();
        var template = reports.Single(r => r.TokenFingerprint == GitCredential.FingerprintOf(secrets[0]));
        var jane = reports.Single(r => r.TokenFingerprint == GitCredential.FingerprintOf(secrets[1]));
        template.TokenKind.Should().Be(TokenKind.User, "--runtime-secret replaces the default runtime secret name");
        jane.TokenKind.Should().Be(TokenKind.Runtime);
        template.Repositories.Select(r => (r.Repository, r.Needed)).Should().BeEquivalentTo(
            [(FakeProviders.ConfigRepository, RepositoryAccess.ReadWrite), ("acme/undeclared", RepositoryAccess.ReadWrite)]);
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], secrets);
    }

    [Fact]
    public async Task Kubeconfig_ListsSecretsReadOnlyWithTheLabelSelector_AndAuditsThem()
    {
        var token = fakes.GitHub.AddToken(FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository(FakeProviders.ConfigRepository, new FakeGitHubGrant { Role = "admin" }));
        using var api = new FakeKubernetesApi(FakeKubernetesApi.SecretList(
            ("runtime-repo-creds-secret", "repo-creds", [("url", "https://github.com/acme/"), ("password", token.Value)]),
            ("repo-gitops-config", "repository", [("url", "https://github.com/acme/gitops-config")])));
        using var kubeconfig = new TempFile("config", api.Kubeconfig(KubeToken));

        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, ["audit", "--kubeconfig", kubeconfig.Path, "--namespace", "argocd", .. GitHubHost()]);

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        run.Stdout.Should().Contain("https://github.com/acme/gitops-config").And.Contain("runtime-repo-creds-secret (sha256:").And.Contain("PASS");
        var request = api.Requests.Should().ContainSingle("one list, nothing else").Which;
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/api/v1/namespaces/argocd/secrets");
        request.Query.Should().Contain("labelSelector=argocd.argoproj.io/secret-type").And.NotContain("watch=true");
        request.Authorization.Should().Be($"Bearer {KubeToken}");
        SecretAssertions.ShouldNotContainAny([run.Stdout, run.Stderr], [token.Value, KubeToken]);
    }

    [Fact]
    public async Task Kubeconfig_FromTheEnvironment_AndAnAnswerOtherThanAList_ExitsTwoWithTheStatusOnly()
    {
        using var api = new FakeKubernetesApi("{}", HttpStatusCode.Forbidden);
        using var kubeconfig = new TempFile("config", api.Kubeconfig(KubeToken));

        var run = await CliRun.RunAsync(new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig.Path }, null, ["audit", "--namespace", "gitops"]);

        run.ExitCode.Should().Be(2);
        run.Stderr.Trim().Should().Be("error: the API server answered 403 Forbidden to listing secrets in namespace 'gitops' (the audit needs 'list secrets' there)");
        api.Requests.Should().OnlyContain(r => r.Method == "GET" && r.Path == "/api/v1/namespaces/gitops/secrets");
        run.Stderr.Should().NotContain(KubeToken);
    }

    [Fact]
    public async Task UnreadableKubeconfig_IsAUsageError()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, ["audit", "--kubeconfig", "/nonexistent/kubeconfig"]);

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().StartWith("error: --kubeconfig: cannot use '/nonexistent/kubeconfig'");
    }

    [Theory]
    [InlineData("--manifest", "tokens.yaml", "--argocd-secrets", "secrets.yaml")]
    [InlineData("--parallelism", "2")]
    public async Task NoSourceOrTwoSources_IsAUsageError(params string[] args)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), null, ["audit", .. args]);

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().StartWith("error: give --manifest FILE, or --argocd-secrets FILE, or --kubeconfig/--namespace for a cluster (one of them).");
    }

    [Fact]
    public async Task FileAndCluster_IsAUsageError()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), "", ["audit", "--argocd-secrets", "-", "--namespace", "argocd"]);

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().Contain("give one or the other");
    }

    [Fact]
    public async Task MalformedSecrets_NameTheSecretAndKey_NeverTheValue()
    {
        const string yaml = "kind: Secret\nmetadata:\n  name: repo-broken\ndata:\n  password: ghp_not-base64-but-a-real-looking-token!\n";

        var run = await CliRun.RunAsync(new Dictionary<string, string>(), yaml, ["audit", "--argocd-secrets", "-"]);

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().Contain("repo-broken").And.Contain("data.password is not base64").And.NotContain("real-looking");
    }

    [Theory]
    [InlineData("github.example.com", "'github.example.com': expected HOST=PROVIDER")]
    [InlineData("github.example.com=gitea", "expected HOST=PROVIDER")]
    [InlineData("github.example.com=github,api=http://github.example.com/api/v3", "uses plain HTTP")]
    [InlineData("github.example.com=github,token=x", "unknown part 'token'")]
    public async Task BadGitHost_IsAUsageError(string value, string message)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string>(), "kind: List\nitems: []\n", ["audit", "--argocd-secrets", "-", "--git-host", value]);

        run.ExitCode.Should().Be(64);
        run.Stderr.Should().Contain(message);
    }

    [Fact]
    public async Task OnlyUncheckableCredentials_ExitZero_AndSayNothingWasValidated()
    {
        const string yaml = """
            kind: Secret
            metadata:
              name: repo-app
              labels:
                argocd.argoproj.io/secret-type: repository
            stringData:
              url: https://dev.azure.com/acme/platform/_git/app
              useAzureWorkloadIdentity: "true"
            """;

        var run = await CliRun.RunAsync(new Dictionary<string, string>(), yaml, ["audit", "--argocd-secrets", "-"]);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("repo-app (azure-workload-identity)").And.Contain("audit: 0 reports").And.Contain("0 distinct tokens").And.Contain("credentials the library cannot check: 1");
    }

    private static string B64(string value) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value));
}

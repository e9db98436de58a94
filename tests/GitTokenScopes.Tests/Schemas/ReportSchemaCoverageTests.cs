// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Net.Sockets;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Schemas;

/// <summary>
/// Real reports from every provider's fake, one per kind of outcome the contract knows (pass, fail with missing scopes,
/// expired and revoked tokens, indeterminate for every reason, skipped, fine-grained, repository results, several
/// runtimes at once), each validated against the shipped schema by the <see cref="SchemaCheckedValidator"/> they come
/// through. Each scenario also checks it produced the outcome it is named for, so that a scenario cannot quietly
/// degrade into one that proves less.
/// </summary>
public sealed class ReportSchemaCoverageTests : IClassFixture<ReportSchemaCoverageTests.Providers>
{
    private readonly Providers _providers;

    public ReportSchemaCoverageTests(Providers providers) => _providers = providers;

    public static TheoryData<string> Scenarios() => [.. Providers.Scenarios.Keys];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task EveryReport_ValidatesAgainstTheShippedSchema(string scenario)
    {
        var (run, verdict, status) = Providers.Scenarios[scenario];

        var reports = await run(_providers);

        reports.Should().NotBeEmpty();
        reports.Should().OnlyContain(r => r.Verdict == verdict && r.Status == status, string.Join(Environment.NewLine, reports));
        reports.Select(r => ShippedReportSchema.Violations(r.ToJson())).Should().OnlyContain(v => v.Count == 0);
    }

    [Fact]
    public void Scenarios_CoverEveryVerdictAndTheStatusesTheFakesCanProduce()
    {
        var outcomes = Providers.Scenarios.Values;

        outcomes.Select(o => o.Verdict).Distinct().Should().BeEquivalentTo(Enum.GetValues<ValidationVerdict>());
        outcomes.Select(o => o.Status).Should().Contain([
            InspectionStatus.Ok, InspectionStatus.Invalid, InspectionStatus.Expired, InspectionStatus.RateLimited,
            InspectionStatus.Unreachable, InspectionStatus.ProviderError, InspectionStatus.SsoRequired,
            InspectionStatus.PolicyForbidden, null]);
    }

    /// <summary>The four fakes and one container with every provider; every report goes through the schema check.</summary>
    public sealed class Providers : IDisposable
    {
        private readonly ServiceProvider _services;

        public Providers()
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddGitTokenScopes(o => o.Resilience.MaxRetryAttempts = 0)
                .AddGitHub().AddGitLab().AddBitbucketCloud().AddBitbucketServer();
            _services = services.BuildServiceProvider();
            Validator = _services.GetSchemaCheckedValidator();
            GitHub.AddRepository(new FakeGitHubRepository { FullName = "acme/gitops-config" });
            GitLab.AddProject(new FakeGitLabProject { PathWithNamespace = "acme/platform/config" });
            BitbucketCloud.AddRepository(new FakeBitbucketCloudRepository { FullName = "acme/gitops-config" });
            BitbucketServer.AddRepository(new FakeBitbucketServerRepository { FullName = "ACME/gitops-config" });
        }

        public delegate Task<IReadOnlyList<TokenValidationReport>> Scenario(Providers providers);

        public static Dictionary<string, (Scenario Run, ValidationVerdict Verdict, InspectionStatus? Status)> Scenarios { get; } = new(StringComparer.Ordinal)
        {
            ["github classic pass, repository granted"] = (p => p.GitHubAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository("acme/gitops-config", new FakeGitHubGrant { Role = "admin" }), "acme/gitops-config"), ValidationVerdict.Pass, InspectionStatus.Ok),
            ["github classic missing admin:repo_hook"] = (p => p.GitHubAsync(FakeGitHubToken.Classic("repo")), ValidationVerdict.Fail, InspectionStatus.Ok),
            ["github repository not visible"] = (p => p.GitHubAsync(FakeGitHubToken.Classic("repo", "admin:repo_hook"), "acme/gitops-config"), ValidationVerdict.Fail, InspectionStatus.Ok),
            ["github expiring oauth token"] = (p => p.GitHubAsync(Configure(FakeGitHubToken.OAuth("repo", "admin:repo_hook"), t => t.ExpiresAt = DateTimeOffset.UtcNow.AddDays(2))), ValidationVerdict.Pass, InspectionStatus.Ok),
            ["github revoked"] = (p => p.GitHubAsync(Configure(FakeGitHubToken.Classic("repo"), t => t.Revoked = true)), ValidationVerdict.Fail, InspectionStatus.Invalid),
            ["github rate-limited"] = (p => p.GitHubAsync(Configure(FakeGitHubToken.Classic("repo"), t => t.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(5) })), ValidationVerdict.Indeterminate, InspectionStatus.RateLimited),
            ["github provider-error"] = (p => p.GitHubAsync(Configure(FakeGitHubToken.Classic("repo"), t => t.ServerErrorStatus = 502)), ValidationVerdict.Indeterminate, InspectionStatus.ProviderError),
            ["github sso-required"] = (p => p.GitHubAsync(Configure(FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository("acme/gitops-config", new FakeGitHubGrant { Role = "admin" }), t => t.SsoOrganization = "acme"), "acme/gitops-config"), ValidationVerdict.Fail, InspectionStatus.SsoRequired),
            ["github policy-forbidden"] = (p => p.GitHubAsync(Configure(FakeGitHubToken.Classic("repo", "admin:repo_hook").WithRepository("acme/gitops-config", new FakeGitHubGrant { Role = "admin" }), t => t.PolicyOrganization = "acme"), "acme/gitops-config"), ValidationVerdict.Indeterminate, InspectionStatus.PolicyForbidden),
            ["github fine-grained probed on a repository"] = (p => p.GitHubAsync(FakeGitHubToken.FineGrained().WithRepository("acme/gitops-config", FakeGitHubGrant.WithPermissions(("contents", "write"), ("metadata", "read"), ("administration", "write"), ("repository_hooks", "write"))), "acme/gitops-config"), ValidationVerdict.Pass, InspectionStatus.Ok),
            ["github fine-grained without a repository"] = (p => p.GitHubAsync(FakeGitHubToken.FineGrained()), ValidationVerdict.Indeterminate, InspectionStatus.Ok),
            ["github skipped"] = (p => p.GitHubAsync(FakeGitHubToken.Classic("repo"), skip: true), ValidationVerdict.Skipped, null),
            ["github several runtimes at once"] = (p => p.GitHubAsync(FakeGitHubToken.Classic("repo"), runtimes: ["production", "staging"]), ValidationVerdict.Fail, InspectionStatus.Ok),
            ["github unreachable"] = (p => p.UnreachableAsync(port => new GitCredential(GitProvider.GitHub, "ghp_" + new string('u', 36), apiUrl: new Uri($"http://127.0.0.1:{port}/"))), ValidationVerdict.Indeterminate, InspectionStatus.Unreachable),
            ["gitlab personal pass, project granted"] = (p => p.GitLabAsync(FakeGitLabToken.Personal("write_repository", "read_api").WithProject("acme/platform/config", FakeGitLabAccessLevel.Developer), TokenKind.User, "acme/platform/config"), ValidationVerdict.Pass, InspectionStatus.Ok),
            ["gitlab missing scopes"] = (p => p.GitLabAsync(FakeGitLabToken.Personal("read_repository"), TokenKind.User), ValidationVerdict.Fail, InspectionStatus.Ok),
            ["gitlab project bot runtime token"] = (p => p.GitLabAsync(FakeGitLabToken.ProjectBot(7, "api"), TokenKind.Runtime), ValidationVerdict.Pass, InspectionStatus.Ok),
            ["gitlab expired"] = (p => p.GitLabAsync(Configure(FakeGitLabToken.Personal("api"), t => t.ExpiresAt = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2))), TokenKind.Runtime), ValidationVerdict.Fail, InspectionStatus.Expired),
            ["gitlab revoked"] = (p => p.GitLabAsync(Configure(FakeGitLabToken.Personal("api"), t => t.Revoked = true), TokenKind.Runtime), ValidationVerdict.Fail, InspectionStatus.Revoked),
            ["gitlab rate-limited"] = (p => p.GitLabAsync(Configure(FakeGitLabToken.Personal("api"), t => t.RateLimitRetryAfter = TimeSpan.FromSeconds(30)), TokenKind.Runtime), ValidationVerdict.Indeterminate, InspectionStatus.RateLimited),
            ["gitlab provider-error"] = (p => p.GitLabAsync(Configure(FakeGitLabToken.Personal("api"), t => t.ServerErrorStatus = 500), TokenKind.Runtime), ValidationVerdict.Indeterminate, InspectionStatus.ProviderError),
            ["gitlab skip permission validation"] = (p => p.GitLabAsync(FakeGitLabToken.Personal("read_user"), TokenKind.User, skipPermissions: true), ValidationVerdict.Pass, InspectionStatus.Ok),
            ["bitbucket cloud api token pass"] = (p => p.BitbucketCloudAsync(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket", "read:repository:bitbucket", "write:repository:bitbucket", "admin:repository:bitbucket", "read:webhook:bitbucket", "write:webhook:bitbucket", "read:workspace:bitbucket").WithRepository("acme/gitops-config", "admin"), "acme/gitops-config"), ValidationVerdict.Pass, InspectionStatus.Ok),
            ["bitbucket cloud app password, retiring"] = (p => p.BitbucketCloudAsync(FakeBitbucketCloudCredential.AppPassword("acme-bot", "account")), ValidationVerdict.Fail, InspectionStatus.Ok),
            ["bitbucket cloud repository access token"] = (p => p.BitbucketCloudAsync(FakeBitbucketCloudCredential.RepositoryAccessToken("repository")), ValidationVerdict.Fail, InspectionStatus.Ok),
            ["bitbucket cloud revoked"] = (p => p.BitbucketCloudAsync(Configure(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket"), c => c.Revoked = true)), ValidationVerdict.Fail, InspectionStatus.Invalid),
            ["bitbucket cloud rate-limited"] = (p => p.BitbucketCloudAsync(Configure(FakeBitbucketCloudCredential.ApiToken("bot@example.com", "read:user:bitbucket"), c => c.RateLimited = true)), ValidationVerdict.Indeterminate, InspectionStatus.RateLimited),
            ["bitbucket cloud provider-error"] = (p => p.BitbucketCloudAsync(Configure(FakeBitbucketCloudCredential.OAuth("account"), c => c.ServerErrorStatus = 502)), ValidationVerdict.Indeterminate, InspectionStatus.ProviderError),
            ["bitbucket server personal token pass"] = (p => p.BitbucketServerAsync(FakeBitbucketServerToken.Personal("acme-bot", "PROJECT_READ", "REPO_ADMIN").WithRepository("ACME/gitops-config", "REPO_ADMIN"), "ACME/gitops-config"), ValidationVerdict.Pass, InspectionStatus.Ok),
            ["bitbucket server read-only token"] = (p => p.BitbucketServerAsync(FakeBitbucketServerToken.Personal("acme-bot", "PROJECT_READ", "REPO_READ").WithRepository("ACME/gitops-config", "REPO_READ"), "ACME/gitops-config"), ValidationVerdict.Fail, InspectionStatus.Ok),
            ["bitbucket server provider-error"] = (p => p.BitbucketServerAsync(Configure(FakeBitbucketServerToken.Personal("acme-bot", "REPO_ADMIN"), t => t.ServerErrorStatus = 503)), ValidationVerdict.Indeterminate, InspectionStatus.ProviderError),
            ["bitbucket server revoked"] = (p => p.BitbucketServerAsync(Configure(FakeBitbucketServerToken.Personal("acme-bot", "REPO_ADMIN"), t => t.Revoked = true)), ValidationVerdict.Fail, InspectionStatus.Invalid),
            ["bitbucket server rate-limited"] = (p => p.BitbucketServerAsync(Configure(FakeBitbucketServerToken.Personal("acme-bot", "REPO_ADMIN"), t => t.RateLimited = true)), ValidationVerdict.Indeterminate, InspectionStatus.RateLimited),
            ["bitbucket server unreachable"] = (p => p.UnreachableAsync(port => new GitCredential(GitProvider.BitbucketServer, "BBDC-" + new string('u', 44), serverUrl: new Uri($"http://127.0.0.1:{port}/"))), ValidationVerdict.Indeterminate, InspectionStatus.Unreachable),
        };

        public ITokenValidator Validator { get; }

        public FakeGitHubServer GitHub { get; } = FakeGitHubServer.Start();

        public FakeGitLabServer GitLab { get; } = FakeGitLabServer.Start();

        public FakeBitbucketCloudServer BitbucketCloud { get; } = FakeBitbucketCloudServer.Start();

        public FakeBitbucketServer BitbucketServer { get; } = FakeBitbucketServer.Start();

        public void Dispose()
        {
            _services.Dispose();
            GitHub.Dispose();
            GitLab.Dispose();
            BitbucketCloud.Dispose();
            BitbucketServer.Dispose();
        }

        private static T Configure<T>(T value, Action<T> configure)
        {
            configure(value);
            return value;
        }

        private Task<IReadOnlyList<TokenValidationReport>> GitHubAsync(FakeGitHubToken token, string? repository = null, bool skip = false, IReadOnlyList<string>? runtimes = null)
        {
            GitHub.AddToken(token);
            var request = new TokenValidationRequest(
                new GitCredential(GitProvider.GitHub, token.Value, apiUrl: GitHub.ApiUrl), TokenKind.Runtime, repositories: Repositories(repository))
            {
                SkipValidation = skip ? true : null,
            };
            return ValidateAsync(request, runtimes);
        }

        private Task<IReadOnlyList<TokenValidationReport>> GitLabAsync(FakeGitLabToken token, TokenKind kind, string? project = null, bool skipPermissions = false)
        {
            GitLab.AddToken(token);
            var request = new TokenValidationRequest(new GitCredential(GitProvider.GitLab, token.Value, serverUrl: GitLab.Url), kind, repositories: Repositories(project))
            {
                SkipGitPermissionValidation = skipPermissions ? true : null,
            };
            return ValidateAsync(request);
        }

        private Task<IReadOnlyList<TokenValidationReport>> BitbucketCloudAsync(FakeBitbucketCloudCredential credential, string? repository = null)
        {
            BitbucketCloud.AddCredential(credential);
            return ValidateAsync(new TokenValidationRequest(
                new GitCredential(GitProvider.BitbucketCloud, credential.Secret, apiUrl: BitbucketCloud.ApiUrl, username: credential.Username),
                TokenKind.Runtime,
                repositories: Repositories(repository)));
        }

        private Task<IReadOnlyList<TokenValidationReport>> BitbucketServerAsync(FakeBitbucketServerToken token, string? repository = null)
        {
            BitbucketServer.AddToken(token);
            return ValidateAsync(new TokenValidationRequest(
                new GitCredential(GitProvider.BitbucketServer, token.Value, serverUrl: BitbucketServer.Url), TokenKind.Runtime, repositories: Repositories(repository)));
        }

        private Task<IReadOnlyList<TokenValidationReport>> UnreachableAsync(Func<int, GitCredential> credential)
        {
            // A loopback port that was free a moment ago: the connection is refused, nothing leaves the machine.
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return ValidateAsync(new TokenValidationRequest(credential(port), TokenKind.Runtime));
        }

        private async Task<IReadOnlyList<TokenValidationReport>> ValidateAsync(TokenValidationRequest request, IReadOnlyList<string>? runtimes = null)
            => runtimes is null ? [await Validator.ValidateAsync(request)] : await Validator.ValidateForRuntimesAsync(request, runtimes);

        private static RepositoryRequest[] Repositories(string? name) => name is null ? [] : [new RepositoryRequest(name)];
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd.Tests;

public sealed class ArgoCdResolverTests
{
    private static readonly ArgoCdResolution Acme = ArgoCdResolver.Resolve(ArgoCdSecretReader.Read(AcmeSecrets.Yaml(AcmeTokens.MadeUp)));

    private static ArgoCdRepositoryAssignment Row(string url, string? project = null, bool write = false)
        => Acme.Assignments.Single(a => a.Url == url && a.Project == project && a.IsWrite == write && !a.IsTemplateOnly);

    [Fact]
    public void Resolve_RepositoryWithoutCredential_TakesTheLongestMatchingTemplate()
    {
        var row = Row("https://github.com/acme/gitops-config.git");

        row.RepositorySecretName.Should().Be("repo-gitops-config");
        row.TemplateSecretName.Should().Be("runtime-repo-creds-secret");
        row.Credential.Kind.Should().Be(ArgoCdCredentialKind.Password);
        row.Credential.SecretName.Should().Be("runtime-repo-creds-secret");
        row.Credential.Username.Should().Be("acme-bot");
        row.Credential.Fingerprint.Should().Be(GitCredential.FingerprintOf(AcmeTokens.MadeUp.Runtime));
        row.Server!.Provider.Should().Be(GitProvider.GitHub);
        row.RepositoryName.Should().Be("acme/gitops-config");
    }

    [Fact]
    public void Resolve_LongerTemplateWinsAcrossANonSegmentPrefix_AndIsFlaggedOverBroad()
    {
        var row = Row("https://github.com/acme/platform-tools");

        // https://github.com/acme/platform (31) beats https://github.com/acme/ (24), though 'platform' is not the repository's path segment.
        row.TemplateSecretName.Should().Be("github-acme-platform");
        row.Credential.Fingerprint.Should().Be(GitCredential.FingerprintOf(AcmeTokens.MadeUp.Platform));
        row.Credential.UsernameDefaulted.Should().BeTrue();
        row.Credential.Username.Should().Be(ArgoCdCredential.DefaultUsername);
        Acme.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.OverBroadTemplate && f.Severity == WarningSeverity.Warning)
            .Which.Message.Should().Contain("'github-acme-platform'").And.Contain("https://github.com/acme/platform-tools");
    }

    [Fact]
    public void Resolve_RepositoryWithOwnCredential_NeverTakesATemplate_AndStringDataWinsOverData()
    {
        var row = Row("https://github.com/acme/payments");

        row.TemplateSecretName.Should().BeNull();
        row.Credential.SecretName.Should().Be("repo-payments");
        row.Credential.Username.Should().Be("jane");
        row.Credential.Fingerprint.Should().Be(GitCredential.FingerprintOf(AcmeTokens.MadeUp.Jane));
    }

    [Fact]
    public void Resolve_ProjectScopedRepositorySecret_IsItsProjectsRow_AndOtherProjectsFallBackToTheGlobalOne()
    {
        var scoped = Row("https://github.com/acme/payments", project: "team-x");

        scoped.Credential.SecretName.Should().Be("repo-payments-team-x");
        scoped.Credential.Fingerprint.Should().Be(GitCredential.FingerprintOf(AcmeTokens.MadeUp.TeamX));
        Acme.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.ProjectScopedRepository)
            .Which.Message.Should().Contain("project team-x").And.Contain("other projects use repository secret 'repo-payments'");
    }

    [Fact]
    public void Resolve_EqualLengthTemplates_TakesTheFirstListed_AndReportsTheTie()
    {
        var row = Row("https://gitlab.com/team/app.git");

        row.TemplateSecretName.Should().Be("gitlab-team-a");
        row.Server!.Provider.Should().Be(GitProvider.GitLab);
        var tie = Acme.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.AmbiguousTemplate).Which;
        tie.SecretNames.Should().Equal("gitlab-team-a", "gitlab-team-b");
        tie.Severity.Should().Be(WarningSeverity.Warning);
        Acme.Findings.Should().Contain(f => f.Code == ArgoCdFindingCode.UnusedTemplate && f.SecretNames.Contains("gitlab-team-b"));
        Acme.Assignments.Should().Contain(a => a.IsTemplateOnly && a.TemplateSecretName == "gitlab-team-b" && a.Credential.IsCheckable);
    }

    [Theory]
    [InlineData("git@github.com:acme/legacy.git", "ssh-acme", ArgoCdCredentialKind.SshPrivateKey)]
    [InlineData("https://github.com/acme-infra/cluster", "github-app-acme-infra", ArgoCdCredentialKind.GitHubApp)]
    [InlineData("https://source.developers.google.com/p/acme/r/config", "repo-gcp", ArgoCdCredentialKind.GoogleCloud)]
    [InlineData("https://dev.azure.com/acme/platform/_git/app", "repo-azure", ArgoCdCredentialKind.AzureWorkloadIdentity)]
    public void Resolve_CredentialsTheLibraryCannotCheck_AreListedAsSuch(string url, string secret, ArgoCdCredentialKind kind)
    {
        var row = Row(url);

        row.Credential.Kind.Should().Be(kind);
        row.Credential.SecretName.Should().Be(secret);
        row.Credential.IsCheckable.Should().BeFalse();
        row.Credential.Fingerprint.Should().BeNull();
        Acme.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.UncheckableCredential && f.SecretNames.Contains(secret));
    }

    [Fact]
    public void Resolve_GitHubApp_NamesTheAppIdNotTheKey()
        => Row("https://github.com/acme-infra/cluster").Credential.ToString().Should().Be("GitHub App 123456 from 'github-app-acme-infra'");

    [Fact]
    public void Resolve_BitbucketPasswordWithoutUsername_WarnsAboutXAccessToken()
    {
        var row = Row("https://bitbucket.org/acme/deploy.git");

        row.Credential.Username.Should().Be("x-access-token");
        row.Server!.Provider.Should().Be(GitProvider.BitbucketCloud);
        Acme.Findings.Should().Contain(f => f.Code == ArgoCdFindingCode.DefaultUsername && f.Severity == WarningSeverity.Warning && f.SecretNames.Contains("repo-deploy-bitbucket"));
        Acme.Findings.Should().Contain(f => f.Code == ArgoCdFindingCode.DefaultUsername && f.Severity == WarningSeverity.Info && f.SecretNames.Contains("github-acme-platform"));
    }

    [Fact]
    public void Resolve_WriteSecrets_ResolveAgainstWriteTemplatesOnly()
    {
        var write = Row("https://github.com/acme/gitops-config", write: true);

        write.RepositorySecretName.Should().Be("write-gitops-config");
        write.TemplateSecretName.Should().Be("write-creds-acme");
        write.Credential.Fingerprint.Should().Be(GitCredential.FingerprintOf(AcmeTokens.MadeUp.Write));
        Acme.Assignments.Where(a => a.IsWrite).Should().ContainSingle("read secrets never serve writes, nor write templates reads");
    }

    [Fact]
    public void Resolve_PublicRepositoryWithoutCredential_IsAnonymous_AndHelmIsNotGit()
    {
        Row("https://github.com/argoproj/argocd-example-apps").Credential.Kind.Should().Be(ArgoCdCredentialKind.None);
        Acme.Findings.Should().Contain(f => f.Code == ArgoCdFindingCode.NoCredential && f.SecretNames.Contains("repo-example-apps"));
        Row("https://charts.example.com").Server.Should().BeNull();
        Acme.Findings.Should().Contain(f => f.Code == ArgoCdFindingCode.NotGit && f.SecretNames.Contains("repo-charts"));
    }

    [Fact]
    public void Resolve_CountsOnlyArgoCdSecrets()
        => Acme.SecretCount.Should().Be(20, "argocd-secret has no secret-type label");

    [Fact]
    public void Resolve_SegmentPrefixTemplate_IsNotOverBroadForItsOwnRepositories()
        => Acme.Findings.Where(f => f.Code == ArgoCdFindingCode.OverBroadTemplate).SelectMany(f => f.SecretNames)
            .Should().NotContain("runtime-repo-creds-secret", "https://github.com/acme/ ends with '/'");

    [Fact]
    public void Resolve_TemplateWithoutTrailingSlash_IsMentionedOnceAsInfo()
        => Acme.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.OverBroadTemplate && f.SecretNames.Contains("ssh-acme"))
            .Which.Severity.Should().Be(WarningSeverity.Info);

    [Fact]
    public void Resolve_DuplicateGlobalRepositorySecrets_ApplicationsTakeTheLast_AndItSaysSo()
    {
        // getRepositorySecret: an application (always in a project) falls back to project-less secrets, keeping the last.
        var resolution = ArgoCdResolver.Resolve(
        [
            Secret("first", "repository", ("url", "https://github.com/acme/app"), ("password", "tok-first-0000000000")),
            Secret("second", "repository", ("url", "https://GITHUB.com/acme/app.git"), ("password", "tok-second-000000000")),
        ]);

        resolution.Assignments.Should().ContainSingle().Which.Credential.SecretName.Should().Be("second");
        var finding = resolution.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.DuplicateRepository).Which;
        finding.SecretNames.Should().Equal("first", "second");
        finding.Message.Should().Contain("the last it lists").And.Contain("'second' here");
    }

    [Fact]
    public void Resolve_DuplicateProjectRepositorySecrets_TheProjectTakesTheFirst()
    {
        var resolution = ArgoCdResolver.Resolve(
        [
            Secret("first", "repository", ("url", "https://github.com/acme/app"), ("project", "p1"), ("password", "tok-first-0000000000")),
            Secret("second", "repository", ("url", "https://github.com/acme/app"), ("project", "p1"), ("password", "tok-second-000000000")),
        ]);

        resolution.Assignments.Should().ContainSingle().Which.Credential.SecretName.Should().Be("first");
        resolution.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.DuplicateRepository).Which.Message.Should().Contain("the first it lists");
    }

    [Fact]
    public void Resolve_ProjectRequestWithoutGlobalSecret_FallsBackToTemplates()
    {
        var resolution = ArgoCdResolver.Resolve(
        [
            Secret("scoped", "repository", ("url", "https://github.com/acme/app"), ("project", "p1"), ("password", "tok-scoped-000000000")),
            Secret("tpl", "repo-creds", ("url", "https://github.com/acme/"), ("password", "tok-template-0000000")),
        ]);

        resolution.Findings.Should().Contain(f => f.Code == ArgoCdFindingCode.ProjectScopedRepository && f.Message.Contains("other projects use template 'tpl'", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_UsernameOnlyRepositorySecret_HasCredentials_SoNoTemplate_AndArgoCdSendsNothing()
    {
        // HasCredentials counts a user name; GetGitCreds needs a password: Argo CD then clones anonymously.
        var resolution = ArgoCdResolver.Resolve(
        [
            Secret("repo", "repository", ("url", "https://github.com/acme/app"), ("username", "jane")),
            Secret("tpl", "repo-creds", ("url", "https://github.com/acme/"), ("password", "tok-template-0000000")),
        ]);

        var row = resolution.Assignments.Single(a => !a.IsTemplateOnly);
        row.Credential.Kind.Should().Be(ArgoCdCredentialKind.None);
        row.TemplateSecretName.Should().BeNull();
        resolution.Findings.Should().Contain(f => f.Code == ArgoCdFindingCode.NoCredential && f.Message.Contains("user name but no password", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_GitHubAppWithoutInstallationId_SendsNothing()
    {
        var resolution = ArgoCdResolver.Resolve(
        [
            Secret("app", "repository", ("url", "https://github.com/acme/app"), ("githubAppID", "1"), ("githubAppPrivateKey", AcmeTokens.AppKey)),
        ]);

        resolution.Assignments.Single().Credential.Kind.Should().Be(ArgoCdCredentialKind.None);
        resolution.Findings.Should().Contain(f => f.Code == ArgoCdFindingCode.NoCredential && f.Message.Contains("githubAppInstallationID", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_RepositoryCredentialMissingFields_AreCopiedFromTheTemplate()
    {
        // A repository with only a GCP key has no credentials by Argo CD's HasCredentials: the template's password is copied and wins.
        var resolution = ArgoCdResolver.Resolve(
        [
            Secret("repo", "repository", ("url", "https://github.com/acme/app"), ("gcpServiceAccountKey", AcmeTokens.GcpKey)),
            Secret("tpl", "repo-creds", ("url", "https://github.com/acme/"), ("username", "bot"), ("password", "tok-template-0000000")),
        ]);

        var row = resolution.Assignments.Single(a => !a.IsTemplateOnly);
        row.Credential.Kind.Should().Be(ArgoCdCredentialKind.Password);
        row.Credential.SecretName.Should().Be("tpl");
    }

    [Fact]
    public void Resolve_SelfHostedHost_IsValidatedOnlyWhenMapped()
    {
        var secrets = new[] { Secret("repo", "repository", ("url", "https://git.example.com/scm/PLAT/app.git"), ("username", "svc"), ("password", "BBDC-token-000000000")) };

        var unmapped = ArgoCdResolver.Resolve(secrets);
        var options = new ArgoCdAuditOptions();
        options.Servers["git.example.com"] = new ArgoCdGitServer(GitProvider.BitbucketServer);
        var mapped = ArgoCdResolver.Resolve(secrets, options);

        unmapped.Assignments.Single().Server.Should().BeNull();
        unmapped.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.UnknownProvider).Which.Message.Should().Contain("git.example.com");
        var row = mapped.Assignments.Single();
        row.Server!.ServerUrl.Should().Be(new Uri("https://git.example.com/"));
        row.RepositoryName.Should().Be("PLAT/app", "Bitbucket Server's scm/ is not part of the name");
    }

    [Fact]
    public void Resolve_UrlWithUserInformation_IsRefusedWithoutShowingIt()
    {
        var resolution = ArgoCdResolver.Resolve([Secret("leaky", "repository", ("url", "https://bot:tok-in-url-0000000000@github.com/acme/app"))]);

        resolution.Assignments.Should().BeEmpty();
        var finding = resolution.Findings.Should().ContainSingle(f => f.Code == ArgoCdFindingCode.InvalidSecret).Which;
        finding.Message.Should().NotContain("tok-in-url").And.Contain("leaky");
    }

    [Fact]
    public void Resolve_AdditionalRepositoryUrls_ResolveThroughTemplates()
    {
        var options = new ArgoCdAuditOptions();
        options.AdditionalRepositoryUrls.Add("https://github.com/acme/undeclared");

        var resolution = ArgoCdResolver.Resolve([Secret("tpl", "repo-creds", ("url", "https://github.com/acme/"), ("password", "tok-template-0000000"))], options);

        resolution.Assignments.Should().ContainSingle().Which.Should().Match<ArgoCdRepositoryAssignment>(a =>
            a.RepositorySecretName == null && a.TemplateSecretName == "tpl" && a.RepositoryName == "acme/undeclared");
    }

    [Fact]
    public void Resolve_NoSecretValueInAnyFindingOrRow()
    {
        var texts = Acme.Findings.Select(f => f.ToString()).Concat(Acme.Assignments.Select(a => a.ToString()));

        SecretText.ShouldNotContainAny(texts.ToArray(), AcmeTokens.MadeUp.All);
    }

    internal static ArgoCdSecret Secret(string name, string type, params (string Key, string Value)[] values)
        => new(name, [KeyValuePair.Create(ArgoCdSecret.SecretTypeLabel, type)], null, values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd.Tests;

public sealed class ArgoCdSecretReaderTests
{
    [Fact]
    public void Read_KubectlYamlList_ReadsEverySecretInOrder_WithDataDecodedAndStringDataWinning()
    {
        var secrets = ArgoCdSecretReader.Read(AcmeSecrets.Yaml(AcmeTokens.MadeUp));

        secrets.Should().HaveCount(21);
        secrets[0].Name.Should().Be("runtime-repo-creds-secret");
        secrets[0].Type.Should().Be(ArgoCdSecretType.RepoCreds);
        secrets[0].Get("password").Should().Be(AcmeTokens.MadeUp.Runtime, "data is base64");
        var payments = secrets.Single(s => s.Name == "repo-payments");
        payments.Get("password").Should().Be(AcmeTokens.MadeUp.Jane, "stringData wins over data, as in Kubernetes");
        payments.Get("username").Should().Be("jane");
        secrets.Single(s => s.Name == "ssh-acme").Get("sshPrivateKey").Should().StartWith("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl");
        secrets.Single(s => s.Name == "argocd-secret").Type.Should().BeNull();
        secrets.Select(s => s.Type).Should().Contain([ArgoCdSecretType.Repository, ArgoCdSecretType.RepositoryWrite, ArgoCdSecretType.RepoWriteCreds]);
    }

    [Fact]
    public void Read_KubectlJsonList_ReadsTheSame()
    {
        var json = $$"""
            {
              "apiVersion": "v1",
              "items": [
                {
                  "apiVersion": "v1", "kind": "Secret",
                  "metadata": { "name": "repo-a", "labels": { "argocd.argoproj.io/secret-type": "repository" } },
                  "data": { "url": "{{AcmeSecrets.B64("https://github.com/acme/a")}}", "password": "{{AcmeSecrets.B64("ghp_json0000000000000")}}", "githubAppID": "{{AcmeSecrets.B64("42")}}" }
                }
              ],
              "kind": "List",
              "metadata": { "resourceVersion": "" }
            }
            """;

        var secret = ArgoCdSecretReader.Read(json).Should().ContainSingle().Which;

        secret.Name.Should().Be("repo-a");
        secret.Type.Should().Be(ArgoCdSecretType.Repository);
        secret.Get("password").Should().Be("ghp_json0000000000000");
        secret.Keys.Should().BeEquivalentTo("url", "password", "githubAppID");
    }

    [Fact]
    public void Read_MultiDocumentYaml_AndASingleSecret_SkipOtherKinds()
    {
        var yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-cm
            data:
              url: https://argocd.example.com
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: one
              labels:
                argocd.argoproj.io/secret-type: repo-creds
            stringData:
              url: https://github.com/acme/
              githubAppID: 123
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: two
              labels:
                argocd.argoproj.io/secret-type: repository-write
            stringData:
              url: https://github.com/acme/x
            """;

        var secrets = ArgoCdSecretReader.Read(yaml);

        secrets.Select(s => s.Name).Should().Equal("one", "two");
        secrets[0].Get("githubAppID").Should().Be("123", "a YAML number is text in a Secret");
        secrets[1].Type.Should().Be(ArgoCdSecretType.RepositoryWrite);
    }

    [Fact]
    public void Read_DataThatIsNotBase64_NamesTheSecretAndKey_NeverTheValue()
    {
        var yaml = """
            kind: Secret
            metadata:
              name: broken
            data:
              password: ghp_this-is-not-base64-but-a-token!
            """;

        var act = () => ArgoCdSecretReader.Read(yaml);

        act.Should().Throw<FormatException>()
            .Which.Message.Should().Contain("broken").And.Contain("data.password").And.NotContain("ghp_this");
    }

    [Fact]
    public void Read_InvalidYaml_GivesThePositionOnly()
    {
        var yaml = "kind: Secret\nstringData:\n  password: \"ghp_unterminated-secret-value\n  url: [\n";

        var act = () => ArgoCdSecretReader.Read(yaml);

        act.Should().Throw<FormatException>().Which.Message.Should().StartWith("Not valid YAML (line").And.NotContain("ghp_unterminated");
    }

    [Fact]
    public void Read_SecretWithoutName_IsRefused()
        => FluentActions.Invoking(() => ArgoCdSecretReader.Read("kind: Secret\nstringData:\n  url: x\n"))
            .Should().Throw<FormatException>().WithMessage("*metadata.name*");

    [Fact]
    public void Constructor_FromAKubernetesClientsSecret_DecodesBytes_AndStringDataWins()
    {
        // What a V1Secret gives: Metadata.Labels, Data as bytes already decoded from base64, StringData as text.
        IDictionary<string, byte[]> data = new Dictionary<string, byte[]>
        {
            ["url"] = "https://gitlab.com/team/"u8.ToArray(),
            ["password"] = "glpat-from-data-0000000"u8.ToArray(),
        };
        IDictionary<string, string> labels = new Dictionary<string, string> { [ArgoCdSecret.SecretTypeLabel] = "repo-creds" };

        var secret = new ArgoCdSecret("gitlab-team", labels, data, new Dictionary<string, string> { ["username"] = "oauth2" });

        secret.Type.Should().Be(ArgoCdSecretType.RepoCreds);
        secret.Get("password").Should().Be("glpat-from-data-0000000");
        secret.Get("username").Should().Be("oauth2");
        secret.ToString().Should().Be("repo-creds secret 'gitlab-team'");
    }

    [Fact]
    public void Constructor_NonUtf8Value_IsRefusedWithoutTheValue()
    {
        var act = () => new ArgoCdSecret("bin", null, [KeyValuePair.Create("password", new byte[] { 0xff, 0xfe, 0x41 })]);

        act.Should().Throw<ArgumentException>().WithMessage("*data.password is not UTF-8*").And.ParamName.Should().Be("data");
    }

    [Theory]
    [InlineData("cluster")]
    [InlineData(null)]
    public void Constructor_OtherRoles_HaveNoType(string? label)
        => new ArgoCdSecret("x", label is null ? [] : [KeyValuePair.Create(ArgoCdSecret.SecretTypeLabel, label)], null).Type.Should().BeNull();

    [Fact]
    public void Guards_NullArguments_Throw()
    {
        FluentActions.Invoking(() => ArgoCdSecretReader.Read(null!)).Should().Throw<ArgumentNullException>().WithParameterName("text");
        FluentActions.Invoking(() => new ArgoCdSecret(" ", null, null)).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => ArgoCdResolver.Resolve(null!)).Should().Throw<ArgumentNullException>().WithParameterName("secrets");
        FluentActions.Invoking(() => new ArgoCdAudit(null!)).Should().Throw<ArgumentNullException>().WithParameterName("validator");
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.BitbucketServer.Internal;
using GitTokenScopes.Testing;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>An instance that shows a token its own entry: exact permissions, read in one extra request.</summary>
public sealed class BitbucketServerMetadataTests(BitbucketServerInspectorFixture bitbucket) : IClassFixture<BitbucketServerInspectorFixture>
{
    [Theory]
    [InlineData("Runtime")]
    [InlineData("User")]
    public async Task InspectAsync_PersonalTokenWithProjectAndRepoAdmin_SatisfiesTheSeedFromItsOwnEntry(string kind)
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN");

        var inspection = await bitbucket.InspectAsync(token, kind: Enum.Parse<TokenKind>(kind));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Provider.Should().Be(GitProvider.BitbucketServer);
        inspection.TokenType.Should().Be(TokenType.BitbucketServerPersonal);
        inspection.Family.Should().Be(TokenFamily.HttpAccessToken);
        inspection.Account!.Login.Should().Be("codefresh-bot");
        inspection.Granted!.Scopes.Should().Equal("PROJECT_READ", "REPO_ADMIN");
        inspection.Granted.IsComplete.Should().BeTrue();
        inspection.Notes.Should().Contain(BitbucketServerTokenInspector.MetadataNote);
        inspection.RequestCount.Should().Be(2);
        BitbucketServerInspectorFixture.Evaluate(inspection, Enum.Parse<TokenKind>(kind)).IsSatisfied.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_ContextPath_IsKeptInEveryAddress()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_READ");

        var inspection = await bitbucket.InspectAsync(token);

        inspection.ApiUrl.Should().Be(new Uri(bitbucket.Server.Url, "rest/api/1.0/"));
        inspection.ApiUrl.AbsolutePath.Should().Be("/bitbucket/rest/api/1.0/");
        bitbucket.Server.Requests.Select(r => r.Path).Should().Equal("/rest/api/1.0/application-properties", $"/rest/access-tokens/1.0/users/codefresh-bot/{token.Id}");
        bitbucket.Server.Requests.Should().OnlyContain(r => r.StatusCode == 200 && r.AuthenticationScheme == "Bearer");
    }

    [Theory]
    [InlineData("PROJECT_READ,REPO_WRITE", "REPO_ADMIN")]
    [InlineData("PROJECT_READ,REPO_READ", "REPO_ADMIN,REPO_WRITE")]
    [InlineData("REPO_ADMIN", "PROJECT_READ")]
    public async Task InspectAsync_PersonalTokenLackingAPermission_ReportsItMissing(string permissions, string missing)
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", permissions.Split(','));

        var inspection = await bitbucket.InspectAsync(token);

        var evaluation = BitbucketServerInspectorFixture.Evaluate(inspection);
        MissingClauseScopes(evaluation).Should().BeEquivalentTo(missing.Split(','));
        evaluation.HasUnknown.Should().BeFalse();
    }

    [Fact]
    public async Task InspectAsync_ProjectAdmin_ImpliesRepositoryAdminAndWrite()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_ADMIN", "REPO_ADMIN"));

        inspection.Granted!.Grants("REPO_WRITE").Should().BeTrue();
        inspection.Granted.Grants("PROJECT_READ").Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_TokenWithExpiry_ReportsIt()
    {
        var expiry = new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN");
        token.ExpiresAt = expiry;

        var inspection = await bitbucket.InspectAsync(token);

        inspection.ExpiresAt.Should().Be(expiry);
        inspection.ExpiryKnown.Should().BeTrue();
    }

    [Fact]
    public async Task InspectAsync_RepositoryWithWriteNeeded_ConfirmsWriteWithAProbeThatIsRejected()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN").WithRepository("CF/config", "REPO_ADMIN");

        var inspection = await bitbucket.InspectAsync(token, [new("CF/config"), new("OTHER/secret", RepositoryAccess.Read)]);

        inspection.Repositories[0].Should().Match<RepositoryAccessResult>(r => r.State == RepositoryAccessState.Granted && r.CanRead == true && r.CanWrite == true);
        inspection.Repositories[1].State.Should().Be(RepositoryAccessState.NotVisible);
        inspection.RequestCount.Should().Be(5);
        bitbucket.Server.Requests.Where(r => r.Method != "GET").Should().ContainSingle()
            .Which.Should().Match<FakeBitbucketServerRequest>(r => r.Method == "POST" && r.StatusCode == 400, "the write probe can only be rejected");
    }

    [Fact]
    public async Task InspectAsync_TokenWithoutWrite_IsInsufficientWithoutProbing()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_READ").WithRepository("CF/config", "REPO_ADMIN");

        var inspection = await bitbucket.InspectAsync(token, [new("CF/config")]);

        var result = inspection.Repositories.Single();
        result.State.Should().Be(RepositoryAccessState.Insufficient);
        result.CanRead.Should().BeTrue();
        result.Message.Should().Contain("REPO_WRITE");
        bitbucket.Server.Requests.Should().OnlyContain(r => r.Method == "GET");
    }

    [Fact]
    public async Task InspectAsync_OwnerWithReadOnly_IsInsufficientThoughTheTokenMayWrite()
    {
        var token = FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_WRITE", "REPO_WRITE").WithRepository("CF/config", "REPO_READ");

        var inspection = await bitbucket.InspectAsync(token, [new("CF/config")]);

        inspection.Repositories.Single().Should().Match<RepositoryAccessResult>(r => r.State == RepositoryAccessState.Insufficient && r.CanWrite == false);
    }

    [Fact]
    public async Task InspectAsync_ExplicitApiUrl_IsUsedVerbatim()
    {
        var token = bitbucket.Server.AddToken(FakeBitbucketServerToken.Personal("codefresh-bot", "PROJECT_READ", "REPO_ADMIN"));

        var inspection = await bitbucket.Inspector.InspectAsync(new TokenInspectionRequest(
            new GitCredential(GitProvider.BitbucketServer, token.Value, apiUrl: bitbucket.Server.ApiUrl)));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.ApiUrl.Should().Be(bitbucket.Server.ApiUrl);
        inspection.TokenType.Should().Be(TokenType.BitbucketServerPersonal);
    }

    private static IEnumerable<string> MissingClauseScopes(ScopeEvaluation evaluation)
        => evaluation.Clauses.Where(c => c.State == ClauseState.Missing).SelectMany(c => c.Clause.AnyOf).Distinct();
}

/// <summary>User names are looked up by slug.</summary>
public sealed class BitbucketServerSlugTests(BitbucketServerInspectorFixture bitbucket) : IClassFixture<BitbucketServerInspectorFixture>
{
    [Fact]
    public async Task InspectAsync_MixedCaseUserName_LooksTheTokenUpByItsLowerCaseSlug()
    {
        var token = FakeBitbucketServerToken.Personal("Jane.Doe", "PROJECT_READ", "REPO_ADMIN");

        var inspection = await bitbucket.InspectAsync(token);

        inspection.Account!.Login.Should().Be("Jane.Doe");
        inspection.TokenType.Should().Be(TokenType.BitbucketServerPersonal);
        bitbucket.Server.Requests.Should().Contain(r => r.Path == $"/rest/access-tokens/1.0/users/jane.doe/{token.Id}");
    }
}

/// <summary>Project and repository tokens: their own entries live under their project or repository.</summary>
public sealed class BitbucketServerScopedTokenTests(BitbucketServerInspectorFixture bitbucket) : IClassFixture<BitbucketServerInspectorFixture>
{
    [Fact]
    public async Task InspectAsync_ProjectToken_IsRecognizedFromItsProjectEntry()
    {
        var token = FakeBitbucketServerToken.Project("CF", "PROJECT_ADMIN");

        var inspection = await bitbucket.InspectAsync(token, [new("CF/config")]);

        inspection.TokenType.Should().Be(TokenType.BitbucketServerProject);
        inspection.Granted!.Scopes.Should().Equal("PROJECT_ADMIN");
        inspection.Notes.Should().Contain(BitbucketServerTokenInspector.MetadataNote);
        BitbucketServerInspectorFixture.Evaluate(inspection).IsSatisfied.Should().BeTrue();

        // identity, repository, own entry under the user (404), under the repository and the project, then the write probe.
        inspection.RequestCount.Should().Be(6);
        inspection.Repositories.Single().State.Should().Be(RepositoryAccessState.Granted);
    }

    [Fact]
    public async Task InspectAsync_RepositoryToken_IsRecognizedFromItsRepositoryEntry()
    {
        var token = FakeBitbucketServerToken.Repository("CF", "config", "REPO_WRITE");

        var inspection = await bitbucket.InspectAsync(token, [new("CF/config")]);

        inspection.TokenType.Should().Be(TokenType.BitbucketServerRepository);
        inspection.Granted!.Scopes.Should().Equal("REPO_WRITE");
        var evaluation = BitbucketServerInspectorFixture.Evaluate(inspection);
        evaluation.HasUnknown.Should().BeFalse();
        evaluation.MissingScopes.Should().BeEquivalentTo("PROJECT_READ", "REPO_ADMIN");
    }

    [Fact]
    public async Task InspectAsync_ProjectTokenWithoutANamedRepository_StaysUndetermined()
    {
        var inspection = await bitbucket.InspectAsync(FakeBitbucketServerToken.Project("CF", "PROJECT_ADMIN"));

        inspection.TokenType.Should().Be(TokenType.BitbucketServerHttpAccessToken);
        inspection.RequestCount.Should().Be(2);
        BitbucketServerInspectorFixture.Evaluate(inspection).HasMissing.Should().BeFalse();
    }
}

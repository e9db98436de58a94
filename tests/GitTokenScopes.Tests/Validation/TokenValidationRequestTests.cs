// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Validation;

/// <summary>A request is checked when it is made, so that a validation never starts from a question that makes no sense.</summary>
public sealed class TokenValidationRequestTests
{
    private static readonly GitCredential Credential = new(GitProvider.GitHub, "ghp_" + new string('w', 36));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(" production ", "production")]
    public void RuntimeName_IsTrimmed_AndBlankMeansTheDefaults(string? given, string? expected)
        => new TokenValidationRequest(Credential, TokenKind.User, given).RuntimeName.Should().Be(expected);

    [Fact]
    public void UndefinedKind_IsRefused()
    {
        var act = () => new TokenValidationRequest(Credential, (TokenKind)7);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("kind").WithMessage("Not a defined TokenKind value.*");
    }

    [Fact]
    public void ARepositoryNamedTwice_InAnyCase_IsRefusedByName()
    {
        var act = () => new TokenValidationRequest(Credential, TokenKind.Runtime, repositories: [new RepositoryRequest("acme/config"), new RepositoryRequest("ACME/config", RepositoryAccess.Read)]);

        act.Should().Throw<ArgumentException>().WithParameterName("repositories").WithMessage("The repository 'ACME/config' is named twice; name it once with the access it needs.*");
    }

    [Fact]
    public void ANullRepository_IsRefused()
    {
        var act = () => new TokenValidationRequest(Credential, TokenKind.Runtime, repositories: [new RepositoryRequest("acme/config"), null!]);

        act.Should().Throw<ArgumentNullException>().WithParameterName("repositories");
    }

    [Fact]
    public void Repositories_KeepTheirOrder_AndNoneMeansEmpty()
    {
        new TokenValidationRequest(Credential, TokenKind.Runtime).Repositories.Should().BeEmpty();
        new TokenValidationRequest(Credential, TokenKind.Runtime, repositories: [new RepositoryRequest("acme/b"), new RepositoryRequest("acme/a")])
            .Repositories.Select(r => r.Name).Should().Equal("acme/b", "acme/a");
    }

    [Fact]
    public void ToString_SaysWhatIsAsked_WithoutTheToken()
    {
        var request = new TokenValidationRequest(Credential, TokenKind.Runtime, "production", [new RepositoryRequest("acme/config")]);

        request.ToString().Should().Be($"runtime {Credential} for runtime production; repositories: 1").And.NotContain(Credential.Token);
        new TokenValidationRequest(Credential, TokenKind.User).ToString().Should().Be($"user {Credential}; repositories: 0");
    }
}

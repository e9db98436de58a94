// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Catalogue;

public sealed class RepositoryRequestTests
{
    [Theory]
    [InlineData("acme/config", "acme", "config")]
    [InlineData(" /acme/config.git ", "acme", "config")]
    [InlineData("https://github.com/acme/config.git", "acme", "config")]
    [InlineData("group/subgroup/project", "group/subgroup", "project")]
    [InlineData("PROJ/repo", "PROJ", "repo")]
    public void Constructor_ReducesToOwnerAndRepository(string name, string owner, string repository)
    {
        var request = new RepositoryRequest(name);

        request.Owner.Should().Be(owner);
        request.Repository.Should().Be(repository);
        request.Access.Should().Be(RepositoryAccess.ReadWrite);
    }

    [Theory]
    [InlineData("config")]
    [InlineData("acme/")]
    [InlineData("/")]
    [InlineData("acme//config")]
    [InlineData("https://github.com/")]
    [InlineData("acme/my config")]
    public void Constructor_NotOwnerSlashRepository_Throws(string name)
        => FluentActions.Invoking(() => new RepositoryRequest(name)).Should().Throw<ArgumentException>().WithParameterName("name");
}

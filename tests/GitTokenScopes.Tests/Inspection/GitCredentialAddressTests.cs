// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Inspection;

/// <summary>
/// A credential's addresses end up in cache keys, reports and logs, so they must be plain absolute URLs: no user
/// information (a clone URL's <c>oauth2:TOKEN@</c>), no query, no fragment. The message never repeats the URL.
/// </summary>
public sealed class GitCredentialAddressTests
{
    private const string Secret = "glpat-abcdefghij0123456789";

    [Theory]
    [InlineData("https://oauth2:" + Secret + "@gitlab.example.com/", "must not carry user information (user:secret@): give the token and the user name separately.")]
    [InlineData("https://gitlab.example.com/?private_token=" + Secret, "must not carry a query or a fragment.")]
    [InlineData("https://gitlab.example.com/#" + Secret, "must not carry a query or a fragment.")]
    public void ServerUrlCarryingMoreThanAnAddress_IsRefused_WithoutQuotingIt(string url, string rule)
    {
        var act = () => new GitCredential(GitProvider.GitLab, Secret, serverUrl: new Uri(url));

        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.ParamName.Should().Be("serverUrl");
        thrown.Message.Should().StartWith($"The server URL {rule}").And.NotContain(Secret).And.NotContain("gitlab.example.com");
    }

    [Fact]
    public void RelativeApiUrl_IsRefused()
    {
        var act = () => new GitCredential(GitProvider.GitLab, Secret, apiUrl: new Uri("api/v4/", UriKind.Relative));

        act.Should().Throw<ArgumentException>().WithParameterName("apiUrl").WithMessage("The API URL must be absolute.*");
    }

    [Fact]
    public void UndefinedProvider_IsRefused()
    {
        var act = () => new GitCredential((GitProvider)42, Secret);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("provider").Which.Message.Should().NotContain(Secret);
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>
/// What a report over the fake Bitbucket Data Center tells the user to do: there is no pre-filled creation page, so a
/// project token gets its project's settings page; and where a report points when the inspector fails.
/// </summary>
public sealed class BitbucketServerRemediationTests(BitbucketServerInspectorFixture bitbucket) : IClassFixture<BitbucketServerInspectorFixture>
{
    [Fact]
    public async Task Validate_ProjectTokenLackingPermissions_GivesTheProjectSettingsSteps()
    {
        var token = bitbucket.Server.AddToken(FakeBitbucketServerToken.Project("CF", "PROJECT_READ"));
        var scopes = string.Join(", ", BitbucketServerInspectorFixture.Requirement().Clauses.Select(c => c.Preferred));
        using var services = Services();

        var report = await services.GetSchemaCheckedValidator().ValidateAsync(
            new TokenValidationRequest(bitbucket.Credential(token), TokenKind.Runtime, repositories: [new RepositoryRequest("CF/config")]));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.TokenType.Should().Be(TokenType.BitbucketServerProject);
        report.Remediation!.CreateTokenUrl.Should().BeNull();
        report.Remediation.Steps.Should().Contain($"On Bitbucket: the project's settings → HTTP access tokens → Create token, with {scopes}.");
    }

    private static ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddGitTokenScopes(o => o.Resilience.MaxRetryAttempts = 0).AddBitbucketServer();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}

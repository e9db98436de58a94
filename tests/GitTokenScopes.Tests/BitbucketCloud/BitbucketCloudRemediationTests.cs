// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>
/// What a report over the fake Bitbucket Cloud tells the user to do: Bitbucket has no pre-filled creation page, so each
/// credential type gets the steps of its own settings page; and where a report points when the inspector fails.
/// </summary>
public sealed class BitbucketCloudRemediationTests(BitbucketCloudInspectorFixture bitbucket) : IClassFixture<BitbucketCloudInspectorFixture>
{
    private static readonly string ClassicLabels = string.Join("; ", BitbucketCloudInspectorFixture.Requirement(TokenKind.Runtime, TokenFamily.AppPassword).Clauses.Select(c => c.Label));

    [Theory]
    [InlineData(TokenType.BitbucketProjectAccessToken, "On Bitbucket: Project settings → Access tokens → Create access token, with ")]
    [InlineData(TokenType.BitbucketWorkspaceAccessToken, "On Bitbucket: Workspace settings → Access tokens → Create access token, with ")]
    [InlineData(TokenType.BitbucketOAuth, "On Bitbucket: create a credential with ")]
    public async Task Validate_CredentialLackingScopes_GivesTheStepsOfItsOwnSettingsPage(TokenType type, string steps)
    {
        var credential = type switch
        {
            TokenType.BitbucketProjectAccessToken => FakeBitbucketCloudCredential.ProjectAccessToken("repository"),
            TokenType.BitbucketWorkspaceAccessToken => FakeBitbucketCloudCredential.WorkspaceAccessToken("repository"),
            _ => FakeBitbucketCloudCredential.OAuth("account", "repository"),
        };
        bitbucket.Server.AddCredential(credential);
        using var services = Services();

        var report = await services.GetSchemaCheckedValidator().ValidateAsync(new TokenValidationRequest(bitbucket.Credential(credential), TokenKind.Runtime));

        report.Verdict.Should().Be(ValidationVerdict.Fail);
        report.TokenType.Should().Be(type);
        report.Remediation!.CreateTokenUrl.Should().BeNull();
        report.Remediation.Steps.Should().Contain(steps + ClassicLabels + ".");
    }

    private static ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddGitTokenScopes(o => o.Resilience.MaxRetryAttempts = 0).AddBitbucketCloud();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}

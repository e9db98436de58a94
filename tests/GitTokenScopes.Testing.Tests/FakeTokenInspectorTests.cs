// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.Tests;

public sealed class FakeTokenInspectorTests
{
    private static readonly GitCredential Credential = new(GitProvider.GitLab, "glpat-fake0123456789abcd");

    [Fact]
    public async Task NothingScripted_AnswersValid_WithNothingElseKnown()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab);

        var inspection = await fake.InspectAsync(new TokenInspectionRequest(Credential));

        inspection.Status.Should().Be(InspectionStatus.Ok);
        inspection.Provider.Should().Be(GitProvider.GitLab);
        inspection.CredentialFingerprint.Should().Be(Credential.Fingerprint);
        inspection.Family.Should().BeNull("no family is known, so a validator applies no requirement and cannot pass the token");
        inspection.Granted.Should().BeNull();
    }

    [Fact]
    public async Task Requests_AreRecordedInOrder()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab).Grant(TokenFamily.PersonalAccessToken, "api");
        var first = new TokenInspectionRequest(Credential);
        var second = new TokenInspectionRequest(Credential, [new RepositoryRequest("acme/config")]);

        await fake.InspectAsync(first);
        var inspection = await fake.InspectAsync(second);

        fake.Requests.Should().Equal(first, second);
        fake.CallCount.Should().Be(2);
        inspection.Granted!.Scopes.Should().Equal("api");
    }

    [Fact]
    public async Task CancelledCaller_IsNeitherAnsweredNorRecorded()
    {
        var fake = new FakeTokenInspector(GitProvider.GitLab);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => fake.InspectAsync(new TokenInspectionRequest(Credential), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        fake.CallCount.Should().Be(0);
    }
}

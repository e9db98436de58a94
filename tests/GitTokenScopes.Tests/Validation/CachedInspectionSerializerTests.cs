// Licensed under the MIT License. See LICENSE in the repository root.

using System.Buffers;
using GitTokenScopes.Validation.Internal;

namespace GitTokenScopes.Tests.Validation;

/// <summary>What the distributed tier keeps of an inspection must read back as the inspection itself.</summary>
public sealed class CachedInspectionSerializerTests
{
    private static readonly DateTimeOffset Checked = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryProperty_RoundTrips()
    {
        var inspection = new TokenInspection
        {
            Provider = GitProvider.GitHub,
            ApiUrl = new Uri("https://ghe.example.com/api/v3/"),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = "sha256:0123456789ab",
            TokenType = TokenType.GitHubFineGrained,
            Family = TokenFamily.FineGrained,
            Granted = GrantedScopes.Create(ScopeVocabulary.For(GitProvider.GitHub, TokenFamily.FineGrained), ["contents=write"], ["administration=write"]),
            ExpiresAt = Checked.AddDays(30),
            ExpiryKnown = true,
            Account = new AccountInfo("octocat", "User", false),
            RateLimit = new RateLimitInfo(5000, 4999, Checked.AddHours(1), TimeSpan.FromSeconds(30), "core"),
            Repositories = [new RepositoryAccessResult("acme/config", RepositoryAccess.ReadWrite, RepositoryAccessState.Granted, true, true, "Pushed.")],
            Message = "Fine.",
            ActionUrl = new Uri("https://github.com/orgs/acme/sso"),
            Notes = ["probed administration"],
            RequestCount = 3,
        };

        var back = RoundTrip(new CachedInspection(inspection, Checked));

        back.CheckedAt.Should().Be(Checked);
        back.Inspection.Should().BeEquivalentTo(inspection, o => o.Excluding(i => i.Granted));
        back.Inspection.Granted!.Vocabulary.Should().BeSameAs(inspection.Granted!.Vocabulary);
        back.Inspection.Granted.Scopes.Should().Equal("contents=write");
        back.Inspection.Granted.Undetermined.Should().Equal("administration=write");
        back.Inspection.Granted.AllOthersUndetermined.Should().BeFalse();
    }

    [Fact]
    public void GrantAboutWhichNothingElseIsKnown_StaysSo_AndAnAbsentGrantStaysAbsent()
    {
        var vocabulary = ScopeVocabulary.For(GitProvider.BitbucketServer, TokenFamily.HttpAccessToken);
        var undetermined = Inspection(GrantedScopes.CreateUndetermined(vocabulary, ["REPO_READ"]));

        RoundTrip(new CachedInspection(undetermined, Checked)).Inspection.Granted!.AllOthersUndetermined.Should().BeTrue();
        RoundTrip(new CachedInspection(Inspection(null), Checked)).Inspection.Granted.Should().BeNull();
    }

    private static TokenInspection Inspection(GrantedScopes? granted)
        => new()
        {
            Provider = GitProvider.BitbucketServer,
            ApiUrl = new Uri("https://bitbucket.example.com/rest/api/1.0/"),
            Status = InspectionStatus.Ok,
            CredentialFingerprint = "sha256:abcdefabcdef",
            Family = TokenFamily.HttpAccessToken,
            Granted = granted,
        };

    private static CachedInspection RoundTrip(CachedInspection value)
    {
        var serializer = new CachedInspectionSerializer();
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(value, buffer);
        return serializer.Deserialize(new ReadOnlySequence<byte>(buffer.WrittenMemory));
    }
}

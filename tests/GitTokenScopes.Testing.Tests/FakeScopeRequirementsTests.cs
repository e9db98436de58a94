// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.Tests;

public sealed class FakeScopeRequirementsTests
{
    private static readonly ScopeRequirementKey Key = new(GitProvider.GitHub, TokenKind.Runtime, TokenFamily.Classic);

    [Fact]
    public void GetRequirement_NothingSet_ServesTheDefaultEdition()
    {
        var fake = new FakeScopeRequirements();

        fake.GetRequirement(Key).Should().BeSameAs(ScopeEditions.Seed[Key]);
        new FakeScopeRequirements(ScopeEditions.CodefreshDocs).GetRequirement(Key).Should().BeSameAs(ScopeEditions.CodefreshDocs[Key]);
    }

    [Fact]
    public void GetRequirement_MostSpecificSetRequirementWins()
    {
        var fake = new FakeScopeRequirements()
            .Set(Key, new ScopeClause("key", ["repo"], "p"))
            .Set(Requirement("runtime"), runtimeName: "prod")
            .Set(Requirement("repository"), repository: "org/repo")
            .Set(Requirement("both"), "prod", "org/repo");

        Label(fake.GetRequirement(Key)).Should().Be("key");
        Label(fake.GetRequirement(Key, "prod")).Should().Be("runtime");
        Label(fake.GetRequirement(Key, "dev", "org/repo")).Should().Be("repository");
        Label(fake.GetRequirement(Key, "prod", "org/repo")).Should().Be("both");
        Label(fake.GetRequirement(Key, "prod", "org/other")).Should().Be("runtime");
        fake.GetRequirement(new ScopeRequirementKey(GitProvider.GitHub, TokenKind.User, TokenFamily.Classic))
            .Should().BeSameAs(ScopeEditions.Seed[new ScopeRequirementKey(GitProvider.GitHub, TokenKind.User, TokenFamily.Classic)]);
    }

    [Fact]
    public void GetRequirement_RecordsEveryCallInOrder()
    {
        var fake = new FakeScopeRequirements();

        fake.GetRequirement(Key);
        fake.GetRequirement(Key, "prod", "org/repo");

        fake.Requests.Should().Equal(new RequirementRequest(Key, null, null), new RequirementRequest(Key, "prod", "org/repo"));
        fake.ClearRequests();
        fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task GetRequirement_ConcurrentCalls_AreAllRecorded()
    {
        var fake = new FakeScopeRequirements();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => fake.GetRequirement(Key, $"runtime-{i}"))));

        fake.Requests.Select(r => r.RuntimeName).Should().HaveCount(64).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Set_MalformedScope_Throws()
    {
        var act = () => new FakeScopeRequirements().Set(Key, new ScopeClause("bad", ["not a scope"], "p"));

        act.Should().Throw<ArgumentException>();
    }

    private static ScopeRequirement Requirement(string label)
        => new(Key, [new ScopeClause(label, ["repo"], "p")], "seed", new RequirementSource("test"));

    private static string Label(ScopeRequirement requirement) => requirement.Clauses.Single().Label;
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Testing;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Validation;

/// <summary>An inspector the host registers replaces the built-in one whatever the order; two of its own for one provider fail loudly.</summary>
public sealed class InspectorChoiceTests
{
    private static readonly GitCredential Credential = new(GitProvider.GitHub, "ghp_" + new string('f', 36), apiUrl: new Uri("http://127.0.0.1:9/"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HostInspector_WinsOverTheBuiltInOne_WhateverTheOrder(bool fakeFirst)
    {
        var fake = new FakeTokenInspector(GitProvider.GitHub).Grant(TokenFamily.Classic, "repo", "admin:repo_hook");
        var services = new ServiceCollection().AddLogging();
        if (fakeFirst)
        {
            services.AddSingleton<ITokenInspector>(fake);
        }

        services.AddGitTokenScopes().AddGitHub();
        if (!fakeFirst)
        {
            services.AddSingleton<ITokenInspector>(fake);
        }

        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetSchemaCheckedValidator().ValidateAsync(new TokenValidationRequest(Credential, TokenKind.Runtime));

        report.Verdict.Should().Be(ValidationVerdict.Pass, "the fake answered, not GitHub's inspector (which would find nothing listening)");
        fake.CallCount.Should().Be(1);
    }

    [Fact]
    public void TwoHostInspectorsForOneProvider_FailNamingBoth()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddGitTokenScopes().AddGitHub();
        services.AddSingleton<ITokenInspector>(new FakeTokenInspector(GitProvider.GitHub));
        services.AddSingleton<ITokenInspector>(new OtherInspector());
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<ITokenValidator>();

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*github*")
            .WithMessage($"*{typeof(FakeTokenInspector).FullName}*")
            .WithMessage($"*{typeof(OtherInspector).FullName}*");
    }

    [Fact]
    public async Task OneHostInspectorRegisteredTwice_IsOneInspector()
    {
        var fake = new FakeTokenInspector(GitProvider.GitHub).Grant(TokenFamily.Classic, "repo", "admin:repo_hook");
        var services = new ServiceCollection().AddLogging();
        services.AddGitTokenScopes().AddGitHub();
        services.AddSingleton<ITokenInspector>(fake).AddSingleton<ITokenInspector>(fake);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetSchemaCheckedValidator().ValidateAsync(new TokenValidationRequest(Credential, TokenKind.Runtime));

        report.Verdict.Should().Be(ValidationVerdict.Pass);
    }

    private sealed class OtherInspector : ITokenInspector
    {
        public GitProvider Provider => GitProvider.GitHub;

        public Task<TokenInspection> InspectAsync(TokenInspectionRequest request, CancellationToken cancellationToken = default)
            => Task.FromResult(FakeTokenInspector.Ok(request));
    }
}

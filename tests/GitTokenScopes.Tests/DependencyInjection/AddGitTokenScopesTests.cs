// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GitTokenScopes.Tests.DependencyInjection;

public sealed class AddGitTokenScopesTests
{
    private const string AppSettings = """
        {
          "GitTokenScopes": {
            "Edition": "codefresh-docs-2026-05",
            "Overrides": [
              {
                "Provider": "bitbucket-cloud",
                "Kind": "runtime",
                "TokenFamily": "app-password",
                "Runtime": "prod",
                "Mode": "Amend",
                "RemoveClauses": [ "Account: Read" ]
              },
              {
                "Provider": "github",
                "Kind": "user",
                "TokenFamily": "fine-grained",
                "Repository": "acme/gitops-config",
                "Clauses": [
                  { "Label": "Contents: Read-only", "AnyOf": [ "contents=read" ], "Purpose": "Read the shared configuration" },
                  { "Label": "Repository access", "AnyOf": [ "repository_selection=selected", "repository_selection=all" ] }
                ]
              }
            ]
          }
        }
        """;

    [Fact]
    public void AddGitTokenScopes_Twice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();

        services.AddGitTokenScopes();
        var once = services.Select(d => d.ServiceType).ToList();
        services.AddGitTokenScopes();
        services.AddGitTokenScopes(o => o.Edition = "seed");

        services.Count(d => d.ServiceType == typeof(IScopeRequirements)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<GitTokenScopesOptions>)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(TimeProvider)).Should().Be(1);
        services.Select(d => d.ServiceType).Except([typeof(IConfigureOptions<GitTokenScopesOptions>)])
            .Should().BeEquivalentTo(once.Except([typeof(IConfigureOptions<GitTokenScopesOptions>)]));
    }

    [Fact]
    public void AddGitTokenScopes_ReturnsBuilderOverSameServices()
    {
        var services = new ServiceCollection();

        services.AddGitTokenScopes().Services.Should().BeSameAs(services);
    }

    [Fact]
    public void AddGitTokenScopes_RegistersSystemTimeProviderUnlessOneExists()
    {
        var custom = new FixedTimeProvider();
        using var withCustom = new ServiceCollection().AddSingleton<TimeProvider>(custom).AddGitTokenScopes().Services.BuildServiceProvider();
        using var withDefault = new ServiceCollection().AddGitTokenScopes().Services.BuildServiceProvider();

        withCustom.GetRequiredService<TimeProvider>().Should().BeSameAs(custom);
        withDefault.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddGitTokenScopes_HostsOwnRequirements_WinWhetherRegisteredBeforeOrAfter()
    {
        var mine = new FixedRequirements();
        using var before = new ServiceCollection().AddSingleton<IScopeRequirements>(mine).AddGitTokenScopes().Services.BuildServiceProvider();
        var afterServices = new ServiceCollection();
        afterServices.AddGitTokenScopes();
        afterServices.AddSingleton<IScopeRequirements>(mine);
        using var after = afterServices.BuildServiceProvider();

        before.GetRequiredService<IScopeRequirements>().Should().BeSameAs(mine);
        after.GetRequiredService<IScopeRequirements>().Should().BeSameAs(mine);
    }

    [Fact]
    public void AddGitTokenScopes_FromConfiguration_AppliesEditionAndOverrides()
    {
        using var provider = FromJson(AppSettings);
        var requirements = provider.GetRequiredService<IScopeRequirements>();
        var bitbucket = new ScopeRequirementKey(GitProvider.BitbucketCloud, TokenKind.Runtime, TokenFamily.AppPassword);
        var fineGrainedUser = new ScopeRequirementKey(GitProvider.GitHub, TokenKind.User, TokenFamily.FineGrained);

        requirements.GetRequirement(new ScopeRequirementKey(GitProvider.GitLab, TokenKind.Runtime, TokenFamily.PersonalAccessToken))
            .Clauses.Single().AnyOf.Should().Equal("api");
        requirements.GetRequirement(bitbucket).Clauses.Should().HaveCount(5);
        requirements.GetRequirement(bitbucket, "prod").Clauses.Select(c => c.Label).Should().NotContain("Account: Read").And.HaveCount(4);
        var config = requirements.GetRequirement(fineGrainedUser, "any", "acme/gitops-config");
        config.Clauses.Select(c => c.AnyOf[0]).Should().Equal("contents=read", "repository_selection=selected");
        config.Clauses[1].Purpose.Should().Be("Required by the host's override");
        config.AppliedOverrides.Should().Equal("GitTokenScopes:Overrides:1");
        config.Edition.Should().Be("codefresh-docs-2026-05");
    }

    [Fact]
    public void AddGitTokenScopes_SameSectionTwice_DoesNotDuplicateOverrides()
    {
        var configuration = Configuration(AppSettings);
        var services = new ServiceCollection();
        services.AddGitTokenScopes(configuration.GetSection("GitTokenScopes"));
        services.AddGitTokenScopes(configuration.GetSection("GitTokenScopes"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value.Overrides.Should().HaveCount(2);
    }

    [Fact]
    public async Task AddGitTokenScopes_InvalidConfiguration_FailsAtStartupNamingTheKey()
    {
        var json = AppSettings.Replace("\"github\"", "\"githab\"", StringComparison.Ordinal).Replace("\"contents=read\"", "\"contents=maybe\"", StringComparison.Ordinal);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddGitTokenScopes(builder.Configuration.GetSection("GitTokenScopes"));
        using var host = builder.Build();

        var act = () => host.StartAsync();

        var failures = (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures;
        failures.Should().ContainMatch("GitTokenScopes:Overrides:1:Provider: 'githab' is not a known provider*");
        failures.Should().HaveCount(1, "the clauses of an override whose provider is unknown cannot be checked against a vocabulary");
    }

    [Fact]
    public async Task AddGitTokenScopes_MalformedScopeInNestedSection_NamesTheFullKey()
    {
        var json = """{ "Platform": { "Tokens": { "Overrides": [ { "Provider": "gitlab", "Kind": "user", "TokenFamily": "personal-access-token", "Clauses": [ { "Label": "x", "AnyOf": [ "read api" ] } ] } ] } } }""";
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddGitTokenScopes(builder.Configuration.GetSection("Platform:Tokens"));
        using var host = builder.Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures
            .Should().ContainSingle().Which.Should().StartWith("Platform:Tokens:Overrides:0:Clauses:0:AnyOf:0: 'read api' is not a well-formed scope");
    }

    [Fact]
    public void AddGitTokenScopes_UnknownConfigurationKey_FailsNamingIt()
    {
        using var provider = FromJson("""{ "GitTokenScopes": { "Editon": "seed" } }""");

        var act = () => provider.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value;

        act.Should().Throw<InvalidOperationException>().WithMessage("*Editon*");
    }

    [Fact]
    public void AddGitTokenScopes_ProviderSubSections_AreLeftToTheProviders()
    {
        var configuration = Configuration("""{ "GitTokenScopes": { "Edition": "codefresh-docs-2026-05", "GitHub": { "RequestTimeout": "00:00:07" }, "BitbucketServer": { "RequestTimeout": "00:00:09" } } }""");
        var section = configuration.GetSection("GitTokenScopes");
        var services = new ServiceCollection();
        services.AddGitTokenScopes(section).AddGitHub(section.GetSection("GitHub")).AddBitbucketServer(section.GetSection("BitbucketServer"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value.Edition.Should().Be("codefresh-docs-2026-05");
        provider.GetRequiredService<IOptions<GitTokenScopes.GitHub.GitHubInspectorOptions>>().Value.RequestTimeout.Should().Be(TimeSpan.FromSeconds(7));
        provider.GetRequiredService<IOptions<GitTokenScopes.BitbucketServer.BitbucketServerInspectorOptions>>().Value.RequestTimeout.Should().Be(TimeSpan.FromSeconds(9));
    }

    [Theory]
    [InlineData("""{ "Other": 1 }""")]
    [InlineData("""{ "GitTokenScopes": {} }""")]
    [InlineData("""{ "GitTokenScopes": "" }""")]
    public async Task AddGitTokenScopes_MissingOrEmptySection_UsesTheDefaults(string json)
    {
        // As Configure<T>(section) does: a host without a GitTokenScopes section starts with the defaults.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddGitTokenScopes(builder.Configuration.GetSection("GitTokenScopes"));
        using var host = builder.Build();

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<GitTokenScopesOptions>>().Value;
        options.Edition.Should().Be(ScopeEditions.SeedName);
        options.Overrides.Should().BeEmpty();
        host.Services.GetRequiredService<IScopeRequirements>().Should().NotBeNull();
        await host.StopAsync();
    }

    [Fact]
    public async Task AddGitTokenScopes_UnknownKeyInSection_FailsAtStartupNamingIt()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "GitTokenScopes": { "Editon": "seed" } }""")));
        builder.Services.AddGitTokenScopes(builder.Configuration.GetSection("GitTokenScopes"));
        using var host = builder.Build();

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*Editon*");
    }

    [Fact]
    public void AddGitTokenScopes_NullArguments_Throw()
    {
        var services = new ServiceCollection();

        FluentActions.Invoking(() => GitTokenScopesServiceCollectionExtensions.AddGitTokenScopes(null!)).Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => services.AddGitTokenScopes((Action<GitTokenScopesOptions>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configure");
        FluentActions.Invoking(() => services.AddGitTokenScopes((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
    }

    [Theory]
    [InlineData(1023, false)]
    [InlineData(1024, true)]
    [InlineData(64 * 1024 * 1024, true)]
    [InlineData(64 * 1024 * 1024 + 1, false)]
    public void ProviderOptions_MaxResponseBodySize_IsBetween1KiBAnd64MiB(long size, bool valid)
    {
        // The one validator every provider's options share: GitLab's here, the same rule for the other three.
        using var provider = new ServiceCollection().AddGitTokenScopes().AddGitLab(o => o.MaxResponseBodySize = size).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<GitTokenScopes.GitLab.GitLabInspectorOptions>>().Value;

        if (valid)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
                .Which.Should().EndWith($"MaxResponseBodySize must be between 1 KiB and 64 MiB. Actual: {size}.");
        }
    }

    private static ServiceProvider FromJson(string json)
        => new ServiceCollection().AddGitTokenScopes(Configuration(json).GetSection("GitTokenScopes")).Services.BuildServiceProvider();

    private static IConfigurationRoot Configuration(string json)
        => new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private sealed class FixedTimeProvider : TimeProvider;

    private sealed class FixedRequirements : IScopeRequirements
    {
        public ScopeRequirement GetRequirement(ScopeRequirementKey key, string? runtimeName = null, string? repository = null)
            => ScopeEditions.Seed[key];
    }
}

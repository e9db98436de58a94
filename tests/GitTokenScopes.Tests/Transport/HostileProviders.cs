// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.DependencyInjection;

namespace GitTokenScopes.Tests.Transport;

/// <summary>Every provider's real inspector, wired as a host wires it, pointed at a hostile server; retries off.</summary>
internal sealed class HostileProviders : IDisposable
{
    public const string GitHubToken = "ghp_HostileHostileHostileHostile012345";
    public const string GitLabToken = "glpat-Hostile0123456789ab";
    public const string CloudUser = "alice";
    public const string CloudToken = "ATBBHostile0123456789abcdef";
    public const string ServerToken = "BBDC-Hostile0123456789abcdefghijklmnopqrstu";

    private readonly ServiceProvider _services;

    public HostileProviders(long? maxResponseBodySize = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        void Limit(ProviderInspectorOptions o) => o.MaxResponseBodySize = maxResponseBodySize ?? o.MaxResponseBodySize;
        services.AddGitTokenScopes(o => o.Resilience.Enabled = false)
            .AddGitHub(o => Limit(o))
            .AddGitLab(o => Limit(o))
            .AddBitbucketCloud(o => Limit(o))
            .AddBitbucketServer(o => Limit(o));
        _services = services.BuildServiceProvider();
    }

    public static TheoryData<GitProvider> All => new(Enum.GetValues<GitProvider>());

    /// <summary>The token the provider's credential carries.</summary>
    public static string TokenOf(GitProvider provider) => provider switch
    {
        GitProvider.GitHub => GitHubToken,
        GitProvider.GitLab => GitLabToken,
        GitProvider.BitbucketCloud => CloudToken,
        _ => ServerToken,
    };

    public static GitCredential Credential(GitProvider provider, Uri apiUrl)
        => new(provider, TokenOf(provider), apiUrl: apiUrl, username: provider == GitProvider.BitbucketCloud ? CloudUser : null);

    public ITokenValidator Validator => _services.GetSchemaCheckedValidator();

    public Task<TokenInspection> InspectAsync(GitProvider provider, Uri apiUrl, params RepositoryRequest[] repositories)
        => _services.GetServices<ITokenInspector>().Single(i => i.Provider == provider)
            .InspectAsync(new TokenInspectionRequest(Credential(provider, apiUrl), repositories));

    public void Dispose() => _services.Dispose();
}

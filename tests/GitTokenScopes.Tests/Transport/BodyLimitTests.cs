// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Transport;

/// <summary>Issue 15, item 2: every body is read through a size limit; past it the answer is a provider error and reading stops.</summary>
public sealed class BodyLimitTests
{
    private const long Limit = 64 * 1024;
    private const long Huge = 1L << 30;

    [Theory]
    [MemberData(nameof(HostileProviders.All), MemberType = typeof(HostileProviders))]
    public async Task BodyJustPastTheLimit_IsAProviderError(GitProvider provider)
    {
        var body = "{\"pad\":\"" + new string('x', (int)Limit) + "\"}";
        using var api = new HostileServer(HostileServer.Answer(200, "application/json", body, "X-OAuth-Scopes: repo"));
        using var providers = new HostileProviders(Limit);

        var inspection = await providers.InspectAsync(provider, api.Url);

        inspection.Status.Should().Be(InspectionStatus.ProviderError);
        inspection.Message.Should().Contain($"above the limit of {Limit} bytes");
    }

    [Fact]
    public async Task BodyAtTheLimit_IsRead()
    {
        var prefix = """{"login":"octocat","id":1,"type":"User","pad":" """.TrimEnd();
        var body = prefix + new string('x', (int)Limit - prefix.Length - 2) + "\"}";
        using var api = new HostileServer(HostileServer.Answer(200, "application/json", body, "X-OAuth-Scopes: repo"));
        using var providers = new HostileProviders(Limit);

        var inspection = await providers.InspectAsync(GitProvider.GitHub, api.Url);

        body.Length.Should().Be((int)Limit);
        inspection.Status.Should().Be(InspectionStatus.Ok);
    }

    [Theory]
    [InlineData(GitProvider.GitHub, true)]
    [InlineData(GitProvider.GitHub, false)]
    [InlineData(GitProvider.GitLab, true)]
    [InlineData(GitProvider.BitbucketCloud, false)]
    [InlineData(GitProvider.BitbucketServer, true)]
    public async Task GibibyteBody_StopsReadingNearTheLimit_AndIsAProviderError(GitProvider provider, bool chunked)
    {
        HostileServer? api = null;
        api = new HostileServer((_, stream) => api!.StreamAsync(stream, Huge, chunked));
        using (api)
        using (var providers = new HostileProviders())
        {
            var inspection = await providers.InspectAsync(provider, api.Url);

            inspection.Status.Should().Be(InspectionStatus.ProviderError);
            inspection.Message.Should().Contain(chunked ? "larger than the limit of 1048576 bytes" : $"a body of {Huge} bytes, above the limit");

            // Socket buffers and the handler's drain take a few MiB at most; a body read to the end would be 1 GiB.
            await Task.Delay(200);
            api.BytesSent.Should().BeLessThan(64L << 20, "the client abandoned the connection near the limit");
        }
    }
}

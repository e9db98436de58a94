// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;

namespace GitTokenScopes.Tests.Transport;

/// <summary>Issue 15, item 4: a provider that echoes the credential it got never gets it into a report, a message or JSON.</summary>
public sealed class EchoedCredentialTests
{
    [Theory]
    [MemberData(nameof(HostileProviders.All), MemberType = typeof(HostileProviders))]
    public async Task ProviderEchoingTheCredential_IsScrubbedToTheFingerprint_InTheReport(GitProvider provider)
    {
        // Each provider's own error shape, quoting every form of the credential the server received.
        using var api = new HostileServer((request, stream) =>
        {
            var sent = request.Header("Authorization") ?? request.Header("PRIVATE-TOKEN") ?? string.Empty;
            var secret = sent.Contains(' ', StringComparison.Ordinal) ? sent[(sent.IndexOf(' ', StringComparison.Ordinal) + 1)..] : sent;
            var decoded = sent.StartsWith("Basic ", StringComparison.Ordinal) ? Encoding.UTF8.GetString(Convert.FromBase64String(secret)) : secret;
            var said = $"Bad credentials: {sent} | {secret} | {decoded} | {Uri.EscapeDataString(decoded)}";
            var body = provider switch
            {
                GitProvider.GitLab => $$"""{"message":"401 Unauthorized: {{said}}"}""",
                GitProvider.BitbucketCloud => $$$"""{"type":"error","error":{"message":"{{{said}}}"}}""",
                GitProvider.BitbucketServer => $$$"""{"errors":[{"context":null,"message":"{{{said}}}","exceptionName":"com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"}]}""",
                _ => $$"""{"message":"{{said}}","documentation_url":"https://docs.github.com/rest"}""",
            };
            return HostileServer.WriteAsync(stream, 401, "application/json", body, $"WWW-Authenticate: Bearer realm=\"{said}\"");
        });
        using var providers = new HostileProviders();
        var credential = HostileProviders.Credential(provider, api.Url);

        var report = await providers.Validator.ValidateAsync(new TokenValidationRequest(credential, TokenKind.Runtime));

        report.Status.Should().Be(InspectionStatus.Invalid);
        var texts = new[] { report.Message!, report.ToJson(), report.ToString() };
        var token = HostileProviders.TokenOf(provider);
        var forms = new[] { token, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{HostileProviders.CloudUser}:{token}")), $"{HostileProviders.CloudUser}:{token}", token[4..16] };
        foreach (var text in texts)
        {
            foreach (var form in forms)
            {
                text.Should().NotContain(form);
            }
        }

        report.Message.Should().Contain("Bad credentials").And.Contain(credential.Fingerprint, "the echo names the token by its fingerprint");
    }
}

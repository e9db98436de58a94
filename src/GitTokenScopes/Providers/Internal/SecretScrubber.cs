// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Http.Headers;
using System.Text;

namespace GitTokenScopes.Providers.Internal;

/// <summary>
/// Replaces, in provider text, every form in which the library sent the credential (a header's whole value, the secret
/// after its scheme, Basic's decoded <c>user:secret</c> and the secret alone) with the secret's fingerprint: a provider
/// that echoes the token ("Bad credentials: token ghp_…") must not put it in a report, a log or an exception.
/// </summary>
internal sealed class SecretScrubber
{
    public static readonly SecretScrubber None = new([]);

    private static readonly string[] CredentialHeaders = ["Authorization", "PRIVATE-TOKEN"];

    private readonly (string Secret, string Fingerprint)[] _forms;

    private SecretScrubber((string, string)[] forms) => _forms = forms;

    /// <summary>The forms of the credential headers <paramref name="headers"/> carries, longest first.</summary>
    public static SecretScrubber Of(HttpRequestHeaders headers)
    {
        var forms = new List<(string, string)>();
        foreach (var value in CredentialHeaders.SelectMany(name => headers.TryGetValues(name, out var values) ? values : []))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            var secret = space < 0 ? value : value[(space + 1)..].Trim();
            if (space > 0 && value[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase) && Decode(secret) is { } pair)
            {
                var user = pair.IndexOf(':', StringComparison.Ordinal);
                forms.Add((pair, GitCredential.FingerprintOf(pair[(user + 1)..])));
                secret = pair[(user + 1)..];
                forms.Add((Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)), GitCredential.FingerprintOf(secret)));
            }

            var fingerprint = GitCredential.FingerprintOf(secret);
            forms.Add((value, fingerprint));
            forms.Add((secret, fingerprint));
            forms.Add((Uri.EscapeDataString(secret), fingerprint));
        }

        return new([.. forms.Where(f => f.Item1.Length > 0).DistinctBy(f => f.Item1).OrderByDescending(f => f.Item1.Length)]);
    }

    /// <summary><paramref name="text"/> with every form of the credential replaced by its fingerprint.</summary>
    public string Scrub(string text)
    {
        foreach (var (secret, fingerprint) in _forms)
        {
            text = text.Replace(secret, fingerprint, StringComparison.Ordinal);
        }

        return text;
    }

    private static string? Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) && Encoding.UTF8.GetString(bytes, 0, written) is var pair && pair.Contains(':', StringComparison.Ordinal)
            ? pair
            : null;
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd.Tests;

/// <summary>Searches texts for secrets, whole or any 12-character slice of one.</summary>
internal static class SecretText
{
    public static void ShouldNotContainAny(IReadOnlyCollection<string> texts, IEnumerable<string> secrets)
    {
        texts.Should().NotBeEmpty("an empty haystack proves nothing");
        foreach (var secret in secrets)
        {
            secret.Length.Should().BeGreaterThan(12, "a secret this short could not be searched for reliably");
            var slices = Enumerable.Range(0, secret.Length - 11).Select(i => secret.Substring(i, 12))
                .Where(s => !s.StartsWith("-----", StringComparison.Ordinal) && !s.EndsWith("-----", StringComparison.Ordinal))
                .ToArray();
            foreach (var text in texts)
            {
                text.Should().NotContain(secret);
                slices.Should().NotContain(s => text.Contains(s, StringComparison.Ordinal), "not even a slice of a secret may be shown");
            }
        }
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>Searches everything the CLI printed for tokens, whole or in part.</summary>
internal static class SecretAssertions
{
    /// <summary>Asserts that no text holds any secret, nor any 12-character slice of one.</summary>
    public static void ShouldNotContainAny(IReadOnlyCollection<string> texts, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            secret.Length.Should().BeGreaterThan(12, "a secret this short could not be searched for reliably");
            var slices = Enumerable.Range(0, secret.Length - 11).Select(i => secret.Substring(i, 12)).ToArray();
            foreach (var text in texts)
            {
                text.Should().NotContain(secret, "the token must never be printed");
                slices.Should().NotContain(s => text.Contains(s, StringComparison.Ordinal), "not even a slice of it may be printed");
            }
        }
    }
}

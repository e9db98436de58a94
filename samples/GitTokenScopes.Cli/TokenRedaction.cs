// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.RegularExpressions;

namespace GitTokenScopes.Cli;

/// <summary>
/// Finds what looks like a token in a message and replaces it with <see cref="Redacted"/>: a value typed where a name
/// belongs (<c>--token-env ghp_…</c>) must not be echoed to a terminal or a CI log. A token is a word with a provider's
/// prefix, or a long random-looking one (letters and digits mixed, high entropy, not shaped like a variable name).
/// </summary>
internal static partial class TokenRedaction
{
    /// <summary>What stands in for a value that looks like a token.</summary>
    public const string Redacted = "<redacted>";

    // Prefixes of the tokens the providers issue (GitHub, GitLab, Bitbucket Server, Atlassian API and app passwords).
    private static readonly string[] TokenPrefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gloas-", "glrt-", "gldt-", "BBDC-", "ATATT", "ATCTT", "ATBB"];

    /// <summary>Gets a value indicating whether <paramref name="value"/> looks like a token.</summary>
    public static bool LooksLikeToken(string value)
    {
        if (TokenPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal) && value.Length >= p.Length + 8))
        {
            return true;
        }

        // Environment-variable names (GITHUB_TOKEN_2024) are upper case, digits and underscores: never redacted.
        if (value.Length < 20 || !value.Any(char.IsDigit) || !value.Any(char.IsLetter) || value.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_'))
        {
            return false;
        }

        var entropy = value.GroupBy(c => c).Sum(g => { var p = (double)g.Count() / value.Length; return -p * Math.Log2(p); });
        return entropy >= 3.5;
    }

    /// <summary><paramref name="message"/> with every word that looks like a token replaced by <see cref="Redacted"/>.</summary>
    public static string Redact(string message)
        => Word().Replace(message, m => LooksLikeToken(m.Value) ? Redacted : m.Value);

    [GeneratedRegex("[A-Za-z0-9_+=-]{8,}")]
    private static partial Regex Word();
}

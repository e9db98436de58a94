// Licensed under the MIT License. See LICENSE in the repository root.

using System.Security.Cryptography;
using System.Text;

namespace GitTokenScopes.Testing.GitHub.Internal;

/// <summary>
/// Makes token values in GitHub's formats and fingerprints them. Prefixed tokens (<c>ghp_</c>, <c>gho_</c>, …) are 30
/// random base62 characters followed by the CRC32 of those 30 characters in base62, padded to 6, as GitHub describes in
/// "Behind GitHub's new authentication token formats" (2021) and secret scanners check.
/// </summary>
internal static class GitHubFakeTokens
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly uint[] CrcTable = BuildCrcTable();

    public static string NewPrefixed(string prefix)
    {
        var entropy = RandomNumberGenerator.GetString(Base62, 30);
        return prefix + entropy + ToBase62(Crc32(Encoding.ASCII.GetBytes(entropy))).PadLeft(6, '0');
    }

    public static string NewFineGrained()
        => "github_pat_" + RandomNumberGenerator.GetString(Base62, 22) + "_" + RandomNumberGenerator.GetString(Base62, 59);

    public static string NewLegacy() => RandomNumberGenerator.GetHexString(40, lowercase: true);

    /// <summary>A short, stable, non-reversible name for a token: <c>sha256:</c> and 12 lowercase hex characters.</summary>
    public static string Fingerprint(string token)
        => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 6);

    /// <summary>A random request id in GitHub's shape, e.g. <c>C0DE:1A2B3:4C5D6E:7F8091:6650A1B2</c>.</summary>
    public static string NewRequestId()
        => string.Join(
            ':',
            RandomNumberGenerator.GetHexString(4),
            RandomNumberGenerator.GetHexString(5),
            RandomNumberGenerator.GetHexString(6),
            RandomNumberGenerator.GetHexString(6),
            RandomNumberGenerator.GetHexString(8));

    private static string ToBase62(uint value)
    {
        if (value == 0)
        {
            return "0";
        }

        var builder = new StringBuilder();
        while (value > 0)
        {
            builder.Insert(0, Base62[(int)(value % 62)]);
            value /= 62;
        }

        return builder.ToString();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = (crc >> 8) ^ CrcTable[(crc ^ b) & 0xFF];
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Runtime.CompilerServices;

namespace GitTokenScopes.Tests.Snapshots;

/// <summary>
/// Compares a text the library produces with a committed file beside the test. Published facts (scope languages,
/// requirement tables) are read whole this way, so that a changed word, a lost scope or an added edge fails.
/// Run with <c>UPDATE_SNAPSHOTS=1</c> to rewrite the file after a deliberate change, then review the diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string fileName, [CallerFilePath] string testFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(testFile)!, fileName);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).Should().BeTrue($"the snapshot {fileName} is committed beside the test (UPDATE_SNAPSHOTS=1 writes it)");
        var expectedLines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var got = i < actualLines.Length ? actualLines[i] : "<end of text>";
            got.Should().Be(expected, $"line {i + 1} of {fileName} must not change unless the published facts did (UPDATE_SNAPSHOTS=1 rewrites it)");
        }
    }
}

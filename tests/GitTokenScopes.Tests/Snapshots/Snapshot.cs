// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Tests.Snapshots;

/// <summary>
/// Compares a text the library produces with a committed file beside the test. Published facts (scope languages,
/// requirement tables) are read whole this way, so that a changed word, a lost scope or an added edge fails.
/// Run with <c>UPDATE_SNAPSHOTS=1</c> to rewrite the file after a deliberate change, then review the diff.
/// </summary>
internal static class Snapshot
{
    /// <param name="actual">The text produced now.</param>
    /// <param name="fileName">The committed file, relative to the test project's folder.</param>
    public static void Match(string actual, string fileName)
    {
        var path = Path.Combine(ProjectFolder(), fileName);
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

    // The project's folder, found from the test assembly's (a deterministic CI build maps source paths to "/_/").
    private static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GitTokenScopes.Tests.csproj")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No GitTokenScopes.Tests.csproj above {AppContext.BaseDirectory}.");
    }
}

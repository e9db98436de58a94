// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>A file in a fresh temporary folder, deleted with the folder on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gts-cli-").FullName;

    public TempFile(string name, string content)
    {
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

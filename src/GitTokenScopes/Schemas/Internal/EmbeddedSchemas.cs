// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Schemas.Internal;

/// <summary>
/// The JSON Schemas the package ships, read once from the assembly's resources. The files are in the repository under
/// <c>src/GitTokenScopes/Schemas/</c> and in the package under <c>schemas/</c>; a test derives them from the
/// source-generated contract and fails when they differ.
/// </summary>
internal static class EmbeddedSchemas
{
    /// <summary>Gets the JSON Schema of <see cref="TokenValidationReport"/>'s JSON form (the logical name is the project file's).</summary>
    internal static string TokenValidationReport => field ??= Read("GitTokenScopes.Schemas.token-validation-report.schema.json");

    private static string Read(string name)
    {
        using var stream = typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The assembly lacks its embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Schemas.Internal;

/// <summary>
/// The JSON Schemas the package ships, read once from the assembly's resources. The files are in the repository under
/// <c>src/GitTokenScopes/Schemas/</c> and in the package under <c>schemas/</c>; a test derives them from the
/// source-generated contract and fails when they differ.
/// </summary>
internal static class EmbeddedSchemas
{
    /// <summary>The logical name of the report's schema, as the project file embeds it.</summary>
    internal const string ReportResourceName = "GitTokenScopes.Schemas.token-validation-report.schema.json";

    private static readonly Lazy<string> Report = new(() => Read(ReportResourceName));

    /// <summary>Gets the JSON Schema of <see cref="TokenValidationReport"/>'s JSON form.</summary>
    internal static string TokenValidationReport => Report.Value;

    private static string Read(string name)
    {
        using var stream = typeof(EmbeddedSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The assembly lacks its embedded resource '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

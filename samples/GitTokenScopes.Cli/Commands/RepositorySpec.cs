// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// Reads <c>NAME[:read|:write]</c>: a bare name needs read and write (the seed's rule for the shared configuration
/// repository); <c>:read</c> needs read only.
/// </summary>
internal static class RepositorySpec
{
    /// <summary>Parses one specification, or throws a <see cref="UsageException"/> naming <paramref name="where"/>.</summary>
    public static RepositoryRequest Parse(string value, string where)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (name, access) = value switch
        {
            _ when value.EndsWith(":read", StringComparison.OrdinalIgnoreCase) => (value[..^":read".Length], RepositoryAccess.Read),
            _ when value.EndsWith(":write", StringComparison.OrdinalIgnoreCase) => (value[..^":write".Length], RepositoryAccess.ReadWrite),
            _ => (value, RepositoryAccess.ReadWrite),
        };

        try
        {
            return new RepositoryRequest(name, access);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"{where}: '{value}' is not a repository name of the form owner/repo, optionally followed by :read or :write.");
        }
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.WebApi;

/// <summary>The runtimes the host knows (the <c>Runtimes</c> section, an array), listed by <c>GET /runtimes</c>.</summary>
public sealed class RuntimesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Runtimes";

    /// <summary>Gets the runtimes, in configuration order.</summary>
    public IList<RuntimeOptions> Runtimes { get; } = [];

    /// <summary>
    /// Binds the section's entries, refusing keys <see cref="RuntimeOptions"/> does not have and naming the entry: a
    /// misspelt <c>Repos</c> would otherwise leave a runtime with no repository checked.
    /// </summary>
    internal void Bind(IConfiguration configuration)
    {
        foreach (var entry in configuration.GetSection(SectionName).GetChildren())
        {
            var runtime = new RuntimeOptions();
            try
            {
                entry.Bind(runtime, b => b.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{entry.Path}: {e.InnerException?.Message ?? e.Message}", e);
            }

            Runtimes.Add(runtime);
        }
    }

    /// <summary>Finds a runtime by name (case-insensitively, as the library matches overrides).</summary>
    /// <param name="name">The runtime's name.</param>
    /// <returns>The runtime, or <see langword="null"/> when none has that name.</returns>
    public RuntimeOptions? Find(string? name)
        => Runtimes.FirstOrDefault(r => string.Equals(r.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;

namespace GitTokenScopes.Benchmarks.Harness;

/// <summary>The harness's command line: a mode, then <c>--name value</c> pairs, each with a default per mode.</summary>
internal sealed class HarnessArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public HarnessArguments(IReadOnlyList<string> args)
    {
        Mode = args[0].ToLowerInvariant();
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value pairs after the mode, not '{args[i]}'.");
            }

            _values[args[i][2..]] = args[++i];
        }
    }

    public string Mode { get; }

    public bool Quick => Mode == "quick";

    public int Int(string name, int full, int quick)
        => _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : Quick ? quick : full;

    public string? Text(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public double Double(string name, double full)
        => _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : full;
}

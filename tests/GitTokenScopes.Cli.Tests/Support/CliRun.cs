// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GitTokenScopes.Tests.Schemas;

namespace GitTokenScopes.Cli.Tests.Support;

/// <summary>The outcome of one in-process run of the CLI, with both streams captured.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the CLI with <paramref name="args"/>, capturing standard output and standard error.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs the CLI with only <paramref name="environment"/> as its environment (the machine's own GITHUB_TOKEN and
    /// the like are invisible) and <paramref name="stdin"/> as standard input.
    /// </summary>
    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, string? stdin, params string[] args)
        => RunAsync(environment, stdin, CancellationToken.None, args);

    /// <summary>As <see cref="RunAsync(IReadOnlyDictionary{string, string}, string?, string[])"/>, with the token Ctrl-C would cancel.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, string? stdin, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin ?? string.Empty);
        var streams = new CliStreams(stdout, stderr)
        {
            In = input,
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
        };
        var exitCode = await CliApp.RunAsync(args, streams, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// A report's JSON as the CLI prints it: <see cref="TokenValidationReport.ToJson"/> rewritten with
    /// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (the same document; '&amp;' and "'" unescaped).
    /// Written here independently of the CLI's own rewriting, which it checks.
    /// </summary>
    public static string Relaxed(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses the whole of standard output as one JSON document: anything else on it makes this throw.</summary>
    public JsonDocument ParseStdoutAsJson() => JsonDocument.Parse(Stdout);

    /// <summary>
    /// Reads standard output as exactly one validation report, and checks it is the validator's own JSON, unchanged but
    /// for the CLI's relaxed escaping (<see cref="Relaxed"/>).
    /// </summary>
    public TokenValidationReport ReadReport()
    {
        Stdout.Should().EndWith(Environment.NewLine).And.NotStartWith(" ");
        var json = Stdout[..^Environment.NewLine.Length];
        json.Should().NotContain(Environment.NewLine, "the report is one line of JSON and nothing else");
        var report = TokenValidationReport.FromJson(json);
        Relaxed(report.ToJson()).Should().Be(json, "standard output holds exactly report.ToJson(), relaxed-escaped");
        ShippedReportSchema.Violations(json).Should().BeEmpty("the report validates against the package's JSON Schema");
        return report;
    }
}

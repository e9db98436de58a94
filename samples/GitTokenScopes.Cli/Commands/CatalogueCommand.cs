// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using GitTokenScopes.Cli.Output;

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// <c>catalogue</c>: lists what each token needs (its clauses and the scopes that satisfy them), as a table or as JSON.
/// </summary>
internal static class CatalogueCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "catalogue";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliStreams streams)
    {
        // Values are validated by the parser (AcceptOnlyFromAmong) so a typo is a usage error, exit code 64, before
        // anything is printed; the action can then parse them without a failure path.
        var provider = new Option<string?>("--provider")
        {
            Description = "Show only this provider's requirements. Default: all providers.",
        };
        provider.AcceptOnlyFromAmong([.. WireNames.ProviderNames]);

        var kind = new Option<string?>("--kind")
        {
            Description = "Show only this token kind: runtime (the Git Runtime token) or user (a Git user token). Default: both.",
        };
        kind.AcceptOnlyFromAmong([.. WireNames.TokenKindNames]);

        var edition = new Option<string>("--edition")
        {
            Description = "The catalogue edition to show.",
            DefaultValueFactory = _ => ScopeEditions.Default.Name,
        };
        edition.AcceptOnlyFromAmong([.. ScopeEditions.All.Select(e => e.Name)]);

        var format = new Option<string>("--format")
        {
            Description = "table for people, json for scripts (standard output then holds only the JSON).",
            DefaultValueFactory = _ => OutputFormats.Table,
        };
        format.AcceptOnlyFromAmong([.. OutputFormats.Names]);

        var command = new Command(Name, "List the scopes each Git token needs, per provider, token kind and token type.");
        command.Options.Add(provider);
        command.Options.Add(kind);
        command.Options.Add(edition);
        command.Options.Add(format);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var query = new CatalogueQuery(
                ScopeEditions.Get(parseResult.GetRequiredValue(edition)),
                WireNames.TryParse(parseResult.GetValue(provider), out GitProvider p) ? p : null,
                WireNames.TryParse(parseResult.GetValue(kind), out TokenKind k) ? k : null);
            return RunAsync(streams, query, OutputFormats.Parse(parseResult.GetValue(format)), cancellationToken);
        });
        CommandHelp.Add(
            command,
            [
                ("What a GitLab user token must hold", "git-token-scopes catalogue --provider gitlab --kind user"),
                ("The whole catalogue as JSON, for a script or a review", "git-token-scopes catalogue --format json > catalogue.json"),
            ],
            [ExitCodes.Success, ExitCodes.Usage, ExitCodes.Cancelled]);
        return command;
    }

    /// <summary>Prints the requirements a query selects.</summary>
    public static Task<int> RunAsync(CliStreams streams, CatalogueQuery query, OutputFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();

        var requirements = query.Select();
        if (format == OutputFormat.Json)
        {
            CatalogueJson.Write(streams.Out, requirements);
        }
        else
        {
            CatalogueTable.Write(CliConsole.Create(streams.Out), query.Edition, requirements);
        }

        return Task.FromResult(ExitCodes.Success);
    }
}

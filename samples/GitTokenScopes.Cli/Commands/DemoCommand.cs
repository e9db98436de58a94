// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using GitTokenScopes.Cli.Output;

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// <c>demo</c>: the README's first command, and what runs when no command is given. The offline validation demo needs
/// the token inspectors, which do not exist yet; until then it shows the catalogue and says so.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "demo";

    /// <summary>What the demo prints above the catalogue, so nobody mistakes it for the validation demo.</summary>
    public const string PlaceholderNote =
        "Note: the offline demo of token validation arrives with the inspectors; until then, demo shows the scope catalogue.";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliStreams streams)
    {
        var command = new Command(Name, "Show what the library knows, offline: for now, the scope catalogue of the default edition.");
        command.SetAction((_, cancellationToken) => RunAsync(streams, cancellationToken));
        return command;
    }

    /// <summary>Prints the note, then the default edition's catalogue as a table.</summary>
    public static Task<int> RunAsync(CliStreams streams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        streams.Out.WriteLine(PlaceholderNote);
        streams.Out.WriteLine();
        return CatalogueCommand.RunAsync(streams, CatalogueQuery.Default, OutputFormat.Table, cancellationToken);
    }
}

// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli;

// Everything lives in CliApp so the tests can run the CLI in-process with captured writers, input and environment.
return await CliApp.RunAsync(args, new CliStreams(Console.Out, Console.Error)
{
    In = Console.In,
    ErrorIsTerminal = !Console.IsErrorRedirected,
});

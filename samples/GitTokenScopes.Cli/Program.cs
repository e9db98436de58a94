// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.Cli;

// Everything lives in CliApp so the tests can run the CLI in-process with captured writers.
return await CliApp.RunAsync(args, Console.Out, Console.Error);

// Licensed under the MIT License. See LICENSE in the repository root.

using System.Runtime.InteropServices;
using GitTokenScopes.Cli;

// Ctrl-C (SIGINT) cancels the run, which then ends with exit code 130 and one line; a second Ctrl-C ends the process
// at once, should a command not stop.
using var cancellation = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
});

// Everything lives in CliApp so the tests can run the CLI in-process with captured writers, input and environment.
return await CliApp.RunAsync(args, new CliStreams(Console.Out, Console.Error)
{
    In = Console.In,
    ErrorIsTerminal = !Console.IsErrorRedirected,
}, cancellation.Token);

// Licensed under the MIT License. See LICENSE in the repository root.

using BenchmarkDotNet.Running;
using GitTokenScopes.Benchmarks.Harness;

// Harness modes (roundtrips, stampede, audit, faults, quick, all) run here; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && HarnessRunner.IsMode(args[0]))
{
    return await HarnessRunner.RunAsync(args).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(HarnessRunner).Assembly).Run(args);
return 0;

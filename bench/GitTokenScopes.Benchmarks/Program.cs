// Licensed under the MIT License. See LICENSE in the repository root.

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using GitTokenScopes.Benchmarks.Harness;

// Harness modes (roundtrips, stampede, audit, faults, overhead, quick, all, coldstart) run here; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && HarnessRunner.IsMode(args[0]))
{
    return await HarnessRunner.RunAsync(args).ConfigureAwait(false);
}

// Medians next to means: on a shared machine the median is the steadier figure.
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.P95);
BenchmarkSwitcher.FromAssembly(typeof(HarnessRunner).Assembly).Run(args, config);
return 0;

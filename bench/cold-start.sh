#!/usr/bin/env bash
# Cold start of `git-token-scopes check`, JIT tool and Native AOT side by side (bench/README.md, "Cold start"): publishes
# the CLI twice, framework-dependent (what `dotnet tool install` runs) and as a native executable, then runs the
# harness's coldstart mode, which starts a fake GitHub on 127.0.0.1 and times both builds against it in turns.
# Usage: bench/cold-start.sh [runs]   (default 15; Native AOT needs clang and zlib1g-dev, as .ci/aot-check installs)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

runs="${1:-15}"
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "::: publishing the CLI: framework-dependent, and Native AOT for $rid"
dotnet publish samples/GitTokenScopes.Cli -c Release -p:PublishAot=false -o "$work/jit" >"$work/jit.log" 2>&1 || { tail -n 30 "$work/jit.log"; exit 1; }
dotnet publish samples/GitTokenScopes.Cli -c Release -r "$rid" -o "$work/aot" >"$work/aot.log" 2>&1 || { tail -n 30 "$work/aot.log"; exit 1; }
dotnet build bench/GitTokenScopes.Benchmarks -c Release >"$work/bench.log" 2>&1 || { tail -n 30 "$work/bench.log"; exit 1; }

echo "::: $(nproc) logical CPUs, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/GitTokenScopes.Benchmarks/bin/Release/net10.0/GitTokenScopes.Benchmarks.dll coldstart \
  --jit "$work/jit/GitTokenScopes.Cli.dll" --aot "$work/aot/GitTokenScopes.Cli" --runs "$runs"

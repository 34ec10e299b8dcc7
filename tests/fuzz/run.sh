#!/usr/bin/env bash
# Runs each fuzz harness for SECONDS on a copy of its seed corpus
# (tests/fuzz/corpus/NAME) and prints its execution count. A crash, leak,
# sanitizer report or timeout stops with the reproducer's path. FUZZ_SEED
# fixes libFuzzer's seed (CI does, so its run repeats a sequence checked here).
set -u
seconds=$1; shift
cd "$(dirname "$0")/../.."
status=0
for bin in "$@"; do
    name=${bin##*/fuzz_}
    work=build/fuzz/corpus-$name
    mkdir -p "$work" build/fuzz/artifacts
    log=build/fuzz/$name.log
    "$bin" ${FUZZ_SEED:+-seed=$FUZZ_SEED} -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix=build/fuzz/artifacts/"$name"- -print_final_stats=1 \
        "$work" "tests/fuzz/corpus/$name" >"$log" 2>&1
    rc=$?
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$')
    if [ $rc -eq 0 ]; then
        echo "fuzz $name: ${runs:-?} executions in ${seconds}s, no findings"
    else
        status=1
        echo "fuzz $name: FINDING after ${runs:-?} executions (exit $rc); log $log"
        grep -E 'ERROR|FUZZ INVARIANT|Test unit written' "$log" | head -5
    fi
done
exit $status

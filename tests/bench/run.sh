#!/usr/bin/env bash
# make bench: times tenor on the workloads of shared/bench/WORKLOADS.md that it
# implements so far (W0 start-up, W1 panel, W2 long series), with hyperfine,
# and prints each workload's checksums. Data is generated once, deterministically,
# into build/bench/. Figures are printed, never asserted.
set -eu
cd "$(dirname "$0")/../.."
TENOR=./tenor
OUT=build/bench
RUNS=${MIN_RUNS:-10}
mkdir -p "$OUT"
[ -s "$OUT/ols_big.csv" ] || { echo "generating benchmark data in $OUT"; $TENOR tests/bench/gen.lua "$OUT"; }
[ -s "$OUT/macro_small.csv" ] || $TENOR tests/bench/gen.lua "$OUT" small
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install hyperfine"; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
run() {   # run NAME COMMAND...
    local name=$1; shift
    echo "== $name"
    "$@" | sed 's/^/   checksums: /'
    hyperfine -N --warmup 1 --min-runs "$RUNS" --export-json "$OUT/$name.json" "$*" 2>/dev/null |
        grep -E 'Time \(mean|Range' | sed 's/^ */   /'
    printf '   median: %s s\n' "$(python3 -c "import json,statistics;print(round(statistics.median(json.load(open('$OUT/$name.json'))['results'][0]['times']),4))")"
}
run W0_startup $TENOR -e 'x=1'
run W1_panel $TENOR tests/bench/w1_panel.lua "$OUT/panel_monthly.csv"
run W2_long $TENOR tests/bench/w2_long.lua "$OUT/daily_long.csv"
run W3a_hp_panel $TENOR tests/bench/w3_hp.lua "$OUT/panel_monthly.csv" 14400
run W3b_hp_long $TENOR tests/bench/w3_hp.lua "$OUT/daily_long.csv" 1e8
run W4_ols_hac $TENOR tests/bench/w4_ols.lua "$OUT/ols_big.csv"
run W5_rolling_ols $TENOR tests/bench/w5_rolling.lua "$OUT/ols_big.csv"
run W6_analyst $TENOR tests/bench/w6_script.lua "$OUT/macro_small.csv"

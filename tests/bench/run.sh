#!/usr/bin/env bash
# make bench: the workloads of shared/bench/WORKLOADS.md, timed as whole
# processes with hyperfine, tenor side by side with the peers that are
# installed (pandas+statsmodels, R, gretl: `make bench-peers` installs them;
# a missing peer is skipped with a note). Each implementation prints its
# checksums once, untimed, with its peak RSS; tests/bench/report.lua then
# prints the table of medians, tenor's ratios and whether the checksums
# agree. Then the machine's bounds from the C-floor programs.
# Figures are printed, never asserted.
#   MIN_RUNS   timed runs for tenor (default 10); PEER_RUNS for peers (default 5)
#   ONLY       workloads to run, e.g. ONLY="W1 W6"; PEERS="python r gretl" to choose peers
#   GRID=0     skips the 64-run grid at --jobs 1 and 2
set -eu
cd "$(dirname "$0")/../.."
ROOT=$PWD
TENOR=$ROOT/tenor
OUT=$ROOT/build/bench
PEERDIR=$ROOT/tests/bench/peers
RUNS=${MIN_RUNS:-10}
PEER_RUNS=${PEER_RUNS:-5}
ONLY=${ONLY:-W0 W1 W2 W3a W3b W4 W5 W6 W7 W7a W8 W9a W9b W10}
mkdir -p "$OUT"
[ -s "$OUT/ols_big.csv" ] || { echo "generating benchmark data in $OUT"; $TENOR tests/bench/gen.lua "$OUT"; }
[ -s "$OUT/macro_small.csv" ] || $TENOR tests/bench/gen.lua "$OUT" small
[ -s "$OUT/arima_panel.csv" ] || $TENOR tests/bench/gen.lua "$OUT" arima
[ -s "$OUT/var_panel.csv" ] || $TENOR tests/bench/gen.lua "$OUT" var
[ -s "$OUT/wide.xlsx" ] || $TENOR tests/bench/gen.lua "$OUT" xlsx
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install hyperfine"; exit 1; }

# ---------------------------------------------------------------- peers
PEERS=${PEERS:-python r gretl}
have=""
for p in $PEERS; do
    case $p in
    python) /usr/bin/python3 -c 'import pandas, statsmodels, scipy, openpyxl' 2>/dev/null && have="$have python" ||
                echo "note: pandas/statsmodels not installed (make bench-peers): skipped" ;;
    r) command -v Rscript >/dev/null && Rscript -e 'for (p in c("data.table","xts","zoo","TTR","mFilter","sandwich","lmtest","Matrix")) library(p, character.only = TRUE)' >/dev/null 2>&1 &&
           have="$have r" || echo "note: R or its packages not installed (make bench-peers): skipped" ;;
    gretl) command -v gretlcli >/dev/null && have="$have gretl" ||
               echo "note: gretlcli not installed (make bench-peers): skipped" ;;
    esac
done

# command line of TOOL for workload SCRIPT (tests/bench/<script>.lua and
# peers/<tool>/<script>.<ext>) with the data FILE and an optional LAMBDA
cmdline() {
    local tool=$1 script=$2 file=$3 lambda=${4:-}
    case $tool in
    tenor) if [ "$script" = w0_startup ]; then echo "$TENOR -e x=1"; else echo "$TENOR $ROOT/tests/bench/$script.lua $file $lambda"; fi ;;
    python) echo "/usr/bin/python3 $PEERDIR/python/$script.py $file $lambda" ;;
    r) echo "Rscript $PEERDIR/r/$script.R $file $lambda" ;;
    gretl) echo "gretlcli -b $PEERDIR/gretl/$script.inp" ;;
    esac
}

RESULTS=$OUT/results.tsv
: > "$RESULTS"
run() {   # run WORKLOAD SCRIPT DATAFILE [LAMBDA]
    local w=$1 script=$2 file=$3 lambda=${4:-}
    case " $ONLY " in *" $w "*) ;; *) return 0 ;; esac
    echo "== $w" >&2
    export BENCH_DATA=$file BENCH_LAMBDA=$lambda    # gretl reads its inputs from the environment
    for tool in tenor $have; do
        local cmd runs=$PEER_RUNS
        # a peer without this workload (gretl has no STL) is left out
        case $tool in
        python) [ -f "$PEERDIR/python/$script.py" ] || continue ;;
        r) [ -f "$PEERDIR/r/$script.R" ] || continue ;;
        gretl) [ "$script" = w0_startup ] || [ -f "$PEERDIR/gretl/$script.inp" ] || continue ;;
        esac
        cmd=$(cmdline "$tool" "$script" "$file" "$lambda")
        [ "$tool" = tenor ] && runs=$RUNS
        # one untimed run for the checksums and the peak RSS
        local sums rss
        : > "$OUT/time.txt"
        if [ -x /usr/bin/time ]; then    # GNU time, for the peak RSS (Debian package "time")
            sums=$( { /usr/bin/time -f "rss_kb=%M" -o "$OUT/time.txt" $cmd 2>/dev/null || echo "FAILED"; } |
                    grep -E '^[a-z0-9_.]+=|^FAILED' | tail -1)
        else
            sums=$( { $cmd 2>/dev/null || echo "FAILED"; } | grep -E '^[a-z0-9_.]+=|^FAILED' | tail -1)
        fi
        rss=$(sed -n 's/^rss_kb=//p' "$OUT/time.txt" | tail -1)
        hyperfine -N --warmup 1 --min-runs "$runs" --export-csv "$OUT/hf.csv" "$cmd" >/dev/null 2>&1 ||
            { echo "   $tool: failed to run: $cmd" >&2; continue; }
        # hyperfine CSV: command,mean,stddev,median,user,system,min,max
        local stats
        stats=$(awk -F, 'NR == 2 { print $4 "\t" $7 "\t" $8 "\t" $3 / $2 }' "$OUT/hf.csv")
        printf '%s\t%s\t%s\t%s\t%s\n' "$w" "$tool" "$stats" "${rss:-0}" "${sums:-}" >> "$RESULTS"
        echo "   $tool: $(cut -f1 <<<"$stats") s" >&2
    done
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB, $(date -u +%Y-%m-%d)"
echo "tenor: ${RUNS} timed runs after a warm-up; peers: ${PEER_RUNS}; peers present:${have:- none}"
run W0 w0_startup ""
run W1 w1_panel "$OUT/panel_monthly.csv"
run W2 w2_long "$OUT/daily_long.csv"
run W3a w3_hp "$OUT/panel_monthly.csv" 14400
run W3b w3_hp "$OUT/daily_long.csv" 1e8
run W4 w4_ols "$OUT/ols_big.csv"
run W5 w5_rolling "$OUT/ols_big.csv"
run W6 w6_script "$OUT/macro_small.csv"
run W7 w7_arima "$OUT/arima_panel.csv"
run W7a w7_arima "$OUT/arima_panel.csv" arima      # the 500 fits alone: gretl's part
run W8 w8_var "$OUT/var_panel.csv"
run W9a w9_seasonal "$OUT/panel_monthly.csv" stl
run W9b w9_seasonal "$OUT/panel_monthly.csv" adjust
run W10 w10_xlsx "$OUT/wide.xlsx"
$TENOR tests/bench/report.lua "$RESULTS"

# ------------------------------------------------------- a grid on workers
# 64 runs of tests/bench/lib/bench/grid_point.lua (an analyst script on
# macro_small.csv) by tenor run --grid, in one worker and in two (issue 21:
# target 1.8x on two cores). Whole-command wall time, median of 3.
if [ "${GRID:-1}" = 1 ]; then
    echo
    echo "grid of 64 runs (tenor run --grid a=... --grid b=...):"
    gdir=$OUT/grid
    gcmd() { echo "$TENOR run bench.grid_point --grid a=1,3,6,12,18,24,36,48 --grid b=2,4,6,8,10,12,16,24 --file $OUT/macro_small.csv --trust --quiet --jobs $1 --out $gdir/j$1"; }
    declare -A gmed
    for j in 1 2; do
        rm -rf "$gdir/j$j"
        TENOR_PATH=$ROOT/tests/bench/lib hyperfine -N --runs 3 --prepare "rm -rf $gdir/j$j" \
            --export-csv "$OUT/hf.csv" "$(gcmd $j)" >/dev/null 2>&1 || { echo "  --jobs $j: failed"; continue; }
        gmed[$j]=$(awk -F, 'NR == 2 { print $4 }' "$OUT/hf.csv")
        echo "  --jobs $j: $(awk -F, 'NR == 2 { printf "%.2f s median [%.2f-%.2f]", $4, $7, $8 }' "$OUT/hf.csv")"
    done
    if [ -n "${gmed[1]:-}" ] && [ -n "${gmed[2]:-}" ]; then
        awk -v a="${gmed[1]}" -v b="${gmed[2]}" 'BEGIN { r = a / b; printf "  speed-up --jobs 2 / --jobs 1: %.2fx (target 1.8x: %s)\n", r, r >= 1.8 ? "met" : "NOT met" }'
    fi
    same=$(cd "$gdir" && diff -r -x manifest.json -x batch.json j1 j2 >/dev/null 2>&1 && echo identical || echo DIFFER)
    echo "  run folders of --jobs 1 and --jobs 2 (manifests aside): $same"
fi
# ------------------------------------------------------------- sandbox
# What the OS sandbox of `tenor run` costs: a small rule script
# (tests/bench/lib/bench/small_rule.lua) sandboxed against --trust. Both
# run in a forked child; the difference is Landlock, seccomp, the limits
# and the safe Lua state (which loads the whole stdlib before removing the
# raw primitives). Target: under 5 ms.
case " $ONLY " in *" W6 "*)
    echo
    sb() { TENOR_PATH=$ROOT/tests/bench/lib hyperfine -N --warmup 3 --min-runs "$((RUNS * 3))" --export-csv "$OUT/hf.csv" \
             "$TENOR run bench.small_rule --quiet --out $OUT/sandbox-$1 $2" >/dev/null 2>&1 &&
           awk -F, 'NR == 2 { printf "%.2f %.2f", $4 * 1000, $7 * 1000 }' "$OUT/hf.csv"; }
    read -r sb_med sb_min <<<"$(sb sandboxed "")"
    read -r tr_med tr_min <<<"$(sb trusted --trust)"
    echo "sandbox (tenor run of a small rule script, median / fastest of $((RUNS * 3)) runs):"
    echo "  sandboxed:  ${sb_med} ms / ${sb_min} ms"
    echo "  --trust:    ${tr_med} ms / ${tr_min} ms"
    awk -v a="$sb_med" -v b="$tr_med" -v c="$sb_min" -v d="$tr_min" \
        'BEGIN { printf "  the sandbox costs %.2f ms (medians), %.2f ms (fastest runs); target under 5 ms\n", a - b, c - d }'
    ;;
esac

# ---------------------------------------------------------------- C floor
echo
echo "machine bounds (C-floor programs in tests/bench/floor/, built -O2):"
CC=${CC:-cc}
$CC -O2 -o "$OUT/bandwidth" tests/bench/floor/bandwidth.c
$CC -O2 -o "$OUT/csv_floor" tests/bench/floor/csv_floor.c
$CC -O2 -o "$OUT/ols_floor" tests/bench/floor/ols_floor.c $(pkg-config --cflags --libs gsl)
echo "  memory bandwidth (400 MB):    $("$OUT/bandwidth")"
echo "  minimal CSV parse of (b):     $("$OUT/csv_floor" "$OUT/daily_long.csv")"
echo "  bare GSL least squares (c):   $("$OUT/ols_floor" "$OUT/ols_big.csv")"
if command -v lua5.4 >/dev/null; then
    hyperfine -N --warmup 3 --min-runs 20 --export-csv "$OUT/hf.csv" "lua5.4 -e x=1" >/dev/null 2>&1
    echo "  lua5.4 start-up:              $(awk -F, 'NR == 2 { printf "%.2f ms median\n", $4 * 1000 }' "$OUT/hf.csv")"
else
    echo "  lua5.4 start-up:              lua5.4 not installed (make bench-peers)"
fi

#!/usr/bin/env bash
# Runs every test: the C unit tests ($CTESTS), the Lua tests under tests/lua
# with $TENOR, and the REPL transcripts under tests/repl; adds up their
# "N passed, N failed" lines and ends with the total.
set -u
cd "$(dirname "$0")/.."
TENOR=$(realpath "${TENOR:-./tenor}")
export TENOR
total_pass=0 total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

tally() {   # tally NAME: reads the runner's output from $log
    local line
    line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$1: no result line (crashed?)"; cat "$log"
        total_fail=$((total_fail + 1)); return
    fi
    local p f
    p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+')
    f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+')
    total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
    echo "$line"
}

for t in ${CTESTS:-}; do
    "$t" >"$log" 2>&1; status=$?
    grep -v ' passed, ' "$log" >&2
    tally "$t"
    [ $status -ne 0 ] && [ "$(grep -c ' 0 failed' "$log")" -ne 0 ] && total_fail=$((total_fail + 1))
done

# The C unit tests again under valgrind (memcheck: invalid reads and
# writes, uses of uninitialised values, leaks). Only memory errors count
# here: valgrind emulates x87 long double with 64-bit precision, so the HP
# refinement's accuracy checks are judged by the native run above. Skipped
# for the sanitizer build (CTESTS under build/asan) and without valgrind.
if [ -n "${CTESTS:-}" ] && command -v valgrind >/dev/null && [[ "$CTESTS" != *asan* ]]; then
    vp=0 vf=0
    for t in $CTESTS; do
        valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            "$t" >"$log" 2>&1
        if [ $? -eq 99 ]; then vf=$((vf + 1)); echo "valgrind: memory errors in $t:" >&2; grep '^==' "$log" >&2
        else vp=$((vp + 1)); fi
    done
    echo "valgrind: $vp passed, $vf failed" >"$log"
    tally valgrind
fi

export TENOR_RC=/dev/null TENOR_HISTORY=/dev/null
"$TENOR" tests/lua/run.lua tests/lua/test_*.lua >"$log" 2>&1
grep -v ' passed, ' "$log" >&2
tally lua

# REPL transcripts: NAME.in piped in, output compared with NAME.out.
rp=0 rf=0
for input in tests/repl/*.in; do
    want=${input%.in}.out
    got=$(cd tests/repl && "$TENOR" < "$(basename "$input")" 2>&1)
    if [ "$got" == "$(cat "$want")" ]; then rp=$((rp + 1)); else
        rf=$((rf + 1)); echo "transcript $input differs:" >&2
        diff <(echo "$got") "$want" >&2
    fi
done
echo "repl: $rp passed, $rf failed"
total_pass=$((total_pass + rp)); total_fail=$((total_fail + rf))

# The REPL in a real terminal (tmux)
bash tests/term/repl.sh >"$log" 2>&1
grep -v ' passed, ' "$log" >&2
tally term

# report.html in headless Chromium (skipped with a note when not installed)
bash tests/browser/run.sh >"$log" 2>&1
grep -v ' passed, ' "$log" >&2
tally browser

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]

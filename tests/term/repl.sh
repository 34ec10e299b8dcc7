#!/usr/bin/env bash
# The REPL in a real terminal (tmux): tab completion of file paths, dataset
# columns, series methods and option keys; history kept across two sessions; Ctrl-C
# interrupting a long loop without ending the session. Prints
# "term: N passed, N failed".
set -u
TENOR=${TENOR:-./tenor}
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "term: FAIL $1" >&2; tmux capture-pane -t tt -p >&2; fi; }
if ! command -v tmux >/dev/null; then echo "term: 0 passed, 0 failed (tmux missing)"; exit 0; fi
# A private tmux server per run: concurrent runs must not share session "tt".
hist=$(mktemp)
# a tmux server of this run's own: runs in parallel (other worktrees'
# make test) would otherwise share the default server and session "tt"
tmux() { command tmux -L "tenor-term-$$" "$@"; }
screen() { tmux capture-pane -t tt -p 2>/dev/null; }
# Polls the screen for a pattern (up to 15 s): fixed sleeps fail on a loaded machine.
wait_for() { for _ in $(seq 150); do screen | grep -q -- "$1" && return 0; sleep 0.1; done; return 1; }
start() { tmux kill-session -t tt 2>/dev/null; tmux new-session -d -s tt -x 150 -y 40 "TENOR_HISTORY=$hist TENOR_RC=/dev/null $TENOR"; wait_for '^> '; }
# Each key batch waits until the REPL has echoed it (the last line changed).
keys() { local before; before=$(screen | grep -v '^$' | tail -1); tmux send-keys -t tt "$@";
         for _ in $(seq 50); do sleep 0.1; [ "$(screen | grep -v '^$' | tail -1)" != "$before" ] && break; done; sleep 0.2; }

start
keys 'cpi = data.read_csv("examples/data/us_c' Tab; keys 'f' Tab; keys ')' Enter
keys 'cpi.cpi_all_s' Tab; keys ':yo' Tab; keys '():tail(2)' Enter
check "file path, column and method completion" "wait_for '3.232356 3.120918'"
keys 'print(regress.ols(cpi.cpi_all_sa, {cpi.cpi_all_sa:lag(1)}, {us' Tab; keys ' = false}).use_t)' Enter
check "option keys complete inside an open options table" "wait_for '^false'"
keys 'for i = 1, 1e12 do end' Enter
sleep 0.5; keys C-c
wait_for 'interrupted'
keys 'print(6 * 7)' Enter
check "Ctrl-C interrupts the loop, the session goes on" "wait_for 'interrupted' && wait_for '^42'"
keys C-d; sleep 0.3
start
keys Up; keys Up
check "history from the first session" "wait_for '> for i = 1, 1e12 do end'"
keys C-c

# Ctrl-C stops long C work: the regression's own loops poll the flag, so
# the message is regress.ols's, not the hook's after the call
keys 'n = 300000; v = {}; for i = 1, n do v[i] = math.random() end; b = series.new{freq = "D", start = "1900-01-01", values = v, n = n}' Enter
keys 'xs = {}; for j = 1, 60 do xs[j] = b:lag(j) end; print("ready")' Enter
wait_for '^ready'
keys 'f = regress.ols(b, xs, {cov = "HAC"})' Enter
sleep 1.2; keys C-c
check "Ctrl-C interrupts regress.ols inside its C loops" "wait_for 'regress.ols: interrupted'"
# and the VAR bootstrap's draws, on their threads
keys 'us = data.read_csv("examples/data/us_rates_fred_monthly.csv"); v = tsa.var({us.tsy_1y, us.tsy_10y, us.tbill_3m}, {lags = 12})' Enter
keys 'r = v:irf(1, {bands = "bootstrap", reps = 100000})' Enter
sleep 1.2; keys C-c
check "Ctrl-C interrupts the VAR bootstrap" "wait_for 'var:irf: interrupted'"
# a second Ctrl-C during C code that does not poll (a backtracking
# string.find) does not end the session
keys 'print(("a"):rep(240):find(".-.-.-b"))' Enter
sleep 0.3; keys C-c; sleep 0.3; keys C-c
wait_for 'waiting for the C call to return'
keys 'print(6 * 9)' Enter
check "a second Ctrl-C never ends the session" "wait_for '^54'"
# Ctrl-C at the continuation prompt drops the whole unfinished chunk
keys 'x = (1 +' Enter
wait_for '^>> '
keys C-c
keys 'y = 5' Enter
keys 'print(y, x)' Enter
check "Ctrl-C at >> drops the pending chunk" "wait_for '^5[[:space:]]*nil'"
# the table printer counts what it leaves out
keys 't = {}; for i = 1, 1e6 do t[i] = i end' Enter
keys 't' Enter
check "a long table says how many more" "wait_for '(999980 more)'"
keys C-d; sleep 0.3

# tenor -i FILE: the script's top-level locals are reachable
script=$(mktemp --suffix=.lua)
printf 'local rate = 0.25\nlocal tbl = {k = 7}\n' > "$script"
tmux kill-session -t tt 2>/dev/null
tmux new-session -d -s tt -x 150 -y 40 "TENOR_HISTORY=$hist TENOR_RC=/dev/null $TENOR -i $script"
wait_for '^> '
keys 'print(rate * 4, tbl.k)' Enter
check "tenor -i keeps the script's locals" "wait_for 'top-level locals are globals here: rate, tbl' && wait_for '^1.0[[:space:]]*7'"
rm -f "$script"
tmux kill-server 2>/dev/null
rm -f "$hist"
echo "term: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

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
sock="tenor-term-$$"
tmux() { command tmux -L "$sock" "$@"; }
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
tmux kill-server 2>/dev/null
rm -f "$hist"
tmux kill-server 2>/dev/null
echo "term: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

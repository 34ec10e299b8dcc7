#!/usr/bin/env bash
# The REPL in a real terminal (tmux): tab completion of file paths, dataset
# columns and series methods; history kept across two sessions; Ctrl-C
# interrupting a long loop without ending the session. Prints
# "term: N passed, N failed".
set -u
TENOR=${TENOR:-./tenor}
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "term: FAIL $1" >&2; tmux capture-pane -t tt -p >&2; fi; }
if ! command -v tmux >/dev/null; then echo "term: 0 passed, 0 failed (tmux missing)"; exit 0; fi
hist=$(mktemp)
# a tmux server of this run's own: runs in parallel (other worktrees'
# make test) would otherwise share the default server and session "tt"
tmux() { command tmux -L "tenor-term-$$" "$@"; }
start() { tmux kill-session -t tt 2>/dev/null; tmux new-session -d -s tt -x 150 -y 40 "TENOR_HISTORY=$hist TENOR_RC=/dev/null $TENOR"; sleep 0.5; }
screen() { tmux capture-pane -t tt -p; }
keys() { tmux send-keys -t tt "$@"; sleep 0.4; }

start
keys 'cpi = data.read_csv("examples/data/us_c' Tab; keys 'f' Tab; keys ')' Enter
keys 'cpi.cpi_all_s' Tab; keys ':yo' Tab; keys '():tail(2)' Enter
check "file path, column and method completion" "screen | grep -q '3.232356 3.120918'"
keys 'for i = 1, 1e12 do end' Enter
sleep 0.5; keys C-c
keys 'print(6 * 7)' Enter
check "Ctrl-C interrupts the loop, the session goes on" "screen | grep -q 'interrupted' && screen | grep -q '^42'"
keys C-d; sleep 0.3
start
keys Up; keys Up
check "history from the first session" "screen | grep -q '> for i = 1, 1e12 do end'"
tmux kill-server 2>/dev/null
rm -f "$hist"
echo "term: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

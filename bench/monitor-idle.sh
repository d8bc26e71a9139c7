#!/bin/sh
# The monitor's idle cost: CPU %, RSS and bytes written to the terminal by `gaffer top` over SECONDS with no key.
# Usage (package root, after `swift build -c release --product gaffer`): bench/monitor-idle.sh DATABASE_URL [SECONDS]
# Runs `gaffer top` under `script` (which logs every byte sent to the terminal) in a detached 160x48 tmux session.
set -eu
url=$1
seconds=${2:-60}
bin=${GAFFER_BIN:-.build/release/gaffer}
session=gaffer-idle-$$
out=/tmp/gaffer-idle-$$.typescript
tmux new-session -d -s "$session" -x 160 -y 48 "script -qfc '$bin top --database-url $url' $out"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -f "$out"' EXIT
sleep 10  # warm-up: connect, first full refresh

# gaffer top is a descendant of the pane's process (tmux's shell, then script, then script's shell).
pid=""
parents=$(tmux list-panes -t "$session" -F '#{pane_pid}')
while [ -z "$pid" ] && [ -n "$parents" ]; do
    children=""
    for parent in $parents; do
        for child in $(ps -o pid= --ppid "$parent"); do
            [ "$(cat /proc/"$child"/comm)" = gaffer ] && pid=$child
            children="$children $child"
        done
    done
    parents=$children
done
[ -n "$pid" ] || { echo "gaffer top is not running" >&2; exit 1; }

ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' /proc/"$pid"/stat; }
cpu0=$(cpu); bytes0=$(stat -c %s "$out"); t0=$(date +%s.%N)
sleep "$seconds"
cpu1=$(cpu); bytes1=$(stat -c %s "$out"); t1=$(date +%s.%N)
rss=$(awk '/^VmRSS/ { print $2 }' /proc/"$pid"/status)
hwm=$(awk '/^VmHWM/ { print $2 }' /proc/"$pid"/status)
awk -v c0="$cpu0" -v c1="$cpu1" -v t0="$t0" -v t1="$t1" -v hz="$ticks" -v b0="$bytes0" -v b1="$bytes1" \
    -v rss="$rss" -v hwm="$hwm" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    wall = t1 - t0
    printf "gaffer top idle %.0f s: CPU %.2f %% of one core (%.2f s), RSS %d KiB (peak %d KiB), %d bytes to the terminal (%.0f bytes/s); load %s\n",
        wall, 100 * (c1 - c0) / hz / wall, (c1 - c0) / hz, rss, hwm, b1 - b0, (b1 - b0) / wall, load
}'
tmux send-keys -t "$session" q

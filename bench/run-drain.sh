#!/usr/bin/env bash
# Issue 17's drain and latency table from one run: pgqueuer with its defaults, goodjob_ceiling.sh 1,2,4,
# Gaffer 1x5, 1x10, 2x10 (drain) and 1x5 (latency at 200 jobs/s), interleaved rep by rep, with the
# 1-minute load average beside every figure. Prints one line per figure, then a Markdown table.
# Usage: bench/run-drain.sh [REPS=2]
#   BENCH=path/to/gaffer-bench   skip the release build and use this binary
#   JOBS=10000                   jobs per drain
#   PEERS_DIR=/tmp/peers         writable copy of ../shared/bench (made if absent; keeps the peers' virtualenvs)
#   OUT=file                     raw figures (TSV), default bench/run-drain.tsv under /tmp
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
reps=${1:-2}
jobs=${JOBS:-10000}
peers=${PEERS_DIR:-/tmp/peers}
out=${OUT:-/tmp/run-drain.$$.tsv}
shared=$(cd "$root/../shared/bench" 2>/dev/null && pwd || true)
[ -d "$peers" ] || { [ -n "$shared" ] || { echo "no ../shared/bench to copy the peers from; set PEERS_DIR" >&2; exit 2; }; cp -r "$shared" "$peers"; }
bench=${BENCH:-}
if [ -z "$bench" ]; then
  (cd "$root" && swift build -c release --product gaffer-bench >/dev/null)
  bench=$root/.build/release/gaffer-bench
fi
load() { cut -d' ' -f1 /proc/loadavg; }
: >"$out"
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" | tee -a "$out"; }   # figure, rep, value, load

for rep in $(seq 1 "$reps"); do
  l=$(load)
  bash "$peers/goodjob_ceiling.sh" 1,2,4 10 10 | while read -r _ c _ _ j _; do record "ceiling $c" "$rep" "${j%:}" "$l"; done
  for wt in "1 5" "1 10" "2 10"; do
    set -- $wt; l=$(load)
    j=$("$bench" drain "$jobs" "$1" "$2" 2>/dev/null | sed -n 's/.*, \([0-9]*\) jobs\/s.*/\1/p' || true)
    record "gaffer ${1}x${2}" "$rep" "$j" "$l"
  done
  l=$(load)
  line=$("$bench" latency 200 10 2>/dev/null | grep '^latency' || true)   # a failed run leaves its cells empty
  record "gaffer latency p50" "$rep" "$(echo "$line" | sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p')" "$l"
  record "gaffer latency p99" "$rep" "$(echo "$line" | sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p')" "$l"
  l=$(load)
  (cd "$peers" && python3 run_peers.py --libs pgqueuer-defaults --reps 1 --quiet-wait 0 --out "results/drain-rep$rep.json" >/dev/null)
  python3 - "$peers/results/drain-rep$rep.json" <<'PY' | while IFS=$'\t' read -r name value load; do record "$name" "$rep" "$value" "$load"; done
import json, sys
for r in json.load(open(sys.argv[1]))["runs"]:
    if r.get("kind") == "drain":
        print(f"pgqueuer drain\t{r['drain_per_s']:.0f}\t{r.get('loadavg_before', '')}")
    elif r.get("kind") == "latency":
        print(f"pgqueuer latency p50\t{r['lat_p50_ms']:.2f}\t{r.get('loadavg_before', '')}")
        print(f"pgqueuer latency p99\t{r['lat_p99_ms']:.2f}\t{r.get('loadavg_before', '')}")
PY
done

python3 - "$out" <<'PY'
import sys, statistics
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
fig = {}
for name, rep, value, load in rows:
    if value:
        fig.setdefault(name, []).append((float(value), load))
def cell(name, fmt="{:,.0f}"):
    v = fig.get(name, [])
    if not v: return "–", None
    xs = [x for x, _ in v]
    med = statistics.median(xs)
    return f"{fmt.format(med)} ({fmt.format(min(xs))}–{fmt.format(max(xs))})", med
def loads(name):
    return ", ".join(l for _, l in fig.get(name, []))
peer = cell("pgqueuer drain")[1]
ceil2 = cell("ceiling 2")[1]
print("| system | drain jobs/s, median (min–max) | ÷ best peer | ÷ ceiling at 2 | latency p50 / p99 ms | load average at each run |")
print("|---|---|---|---|---|---|")
def ratio(a, b): return f"{a / b:.2f}" if a and b else "–"
for name, label in [("pgqueuer drain", "pgqueuer 1.6, its defaults"), ("ceiling 1", "goodjob_ceiling.sh, 1 session"),
                    ("ceiling 2", "goodjob_ceiling.sh, 2 sessions"), ("ceiling 4", "goodjob_ceiling.sh, 4 sessions"),
                    ("gaffer 1x5", "Gaffer 1 process x 5 threads"), ("gaffer 1x10", "Gaffer 1 x 10"),
                    ("gaffer 2x10", "Gaffer 2 x 10")]:
    text, med = cell(name)
    lat = ""
    if name == "pgqueuer drain":
        lat = f"{cell('pgqueuer latency p50', '{:.2f}')[0]} / {cell('pgqueuer latency p99', '{:.2f}')[0]}"
    if name == "gaffer 1x5":
        lat = f"{cell('gaffer latency p50', '{:.2f}')[0]} / {cell('gaffer latency p99', '{:.2f}')[0]}"
    print(f"| {label} | {text} | {ratio(med, peer)} | {ratio(med, ceil2)} | {lat} | {loads(name)} |")
PY
echo "raw figures: $out"

#!/usr/bin/env bash
# Release check (.ci/run calls it): builds the release binary with the static Swift runtime, checks
# it links only system libraries, installs it with `make install`, builds the Debian package,
# installs it with dpkg -i, runs it from outside the source tree with no Swift toolchain on its
# paths (--version, the man page, `top` with every theme under tmux, the demo's worker against a database),
# then removes it. Prints how long the release build took.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d /tmp/gaffer-pkg-XXXXXX)
chmod 755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
tmux_socket="gaffer-pkg-$$"
cleanup() {
  for socket in /tmp/tmux-$(id -u)/"$tmux_socket"-*; do [ -e "$socket" ] && tmux -S "$socket" kill-server 2>/dev/null || true; done
  [ -f "$work/pg/postmaster.pid" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  dpkg -s gaffer >/dev/null 2>&1 && dpkg -r gaffer >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check-package: $*" >&2; exit 1; }

started=$(date +%s)
make release >/dev/null
echo "check-package: release build took $(( $(date +%s) - started )) s"
binary=.build/release/gaffer

# Only system libraries: nothing from the Swift toolchain.
libs=$(ldd "$binary")
echo "$libs" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|/opt/swift' && fail "release binary links Swift libraries: $libs"
echo "$libs" | grep -q 'libpq.so' || fail "release binary does not link libpq: $libs"
echo "check-package: links $(echo "$libs" | awk '{print $1}' | sed 's/\.so.*//' | sort -u | tr '\n' ' ')"

# make install into a prefix, run from elsewhere with a bare environment.
make install PREFIX="$work/prefix" >/dev/null
bare=(env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 TERM=xterm-256color)
(cd "$work" && "${bare[@]}" "$work/prefix/bin/gaffer" --version) | grep -Eq '^gaffer [0-9]' || fail "installed --version"
[ -s "$work/prefix/share/man/man1/gaffer.1" ] && [ -f "$work/prefix/share/gaffer/themes/light.theme" ] || fail "make install left out the man page or themes"

# The Debian package: install, run, remove.
deb=$(deploy/debian/build-deb.sh "$binary" "$work/deb")
dpkg-deb --field "$deb" Depends | grep -q 'libpq5' || fail "package does not depend on libpq5"
dpkg -i "$deb" >/dev/null
echo "check-package: installed $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) at ${SECONDS} s"
[ "$(command -v gaffer)" = /usr/bin/gaffer ] || fail "dpkg -i did not put gaffer on PATH"
(cd "$work" && "${bare[@]}" gaffer --version)
man -w gaffer >/dev/null 2>&1 || [ -f /usr/share/man/man1/gaffer.1.gz ] || fail "no man page installed"

# A database to run it against, as a worker box would have (PostgreSQL refuses root: run as postgres).
install -d -o postgres "$work/pg" "$work/sock"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-k $work/sock -c listen_addresses=''" start >/dev/null
runuser -u postgres -- "$pgbin/createdb" -h "$work/sock" -U postgres gaffer
url="postgresql://postgres@/gaffer?host=$work/sock"
db=("${bare[@]}" DATABASE_URL="$url")

(cd "$work" && "${db[@]}" gaffer migrate >/dev/null)
# The stock binary has no job types of its own: `start` refuses in one line (exit 2), and its demo
# runs a real worker with the demo's jobs on this database.
refusal=$(cd "$work" && "${db[@]}" gaffer start --no-tui 2>&1) && fail "stock start ran: $refusal"
echo "$refusal" | grep -q 'has no job types' || fail "stock start refused without saying why: $refusal"
out=$(cd "$work" && "${db[@]}" gaffer demo --no-tui --duration 3 2>&1) || fail "demo: $out"
finished=$(runuser -u postgres -- psql -h "$work/sock" -U postgres -d gaffer -Atc \
  "SELECT count(*) FROM good_jobs WHERE finished_at IS NOT NULL")
[ "$finished" -ge 1 ] || fail "the installed worker did not run a job (finished: $finished)"
echo "check-package: the installed worker ran a job (${SECONDS} s so far)"

# `top` with every shipped theme, drawn in a real terminal.
for theme in /usr/share/gaffer/themes/*.theme; do
  name=$(basename "$theme" .theme)
  tmux_theme="$tmux_socket-$name"
  tmux -L "$tmux_theme" new-session -d -x 120 -y 40 "cd $work && ${db[*]} gaffer top --theme $name; sleep 5"
  drawn=""
  for _ in $(seq 1 100); do
    screen=$(tmux -L "$tmux_theme" capture-pane -p 2>&1 || true)
    if echo "$screen" | grep -q 'Processes'; then drawn=yes; break; fi
    sleep 0.1
  done
  [ -n "$drawn" ] || fail "top --theme $name did not draw: $screen"
  tmux -L "$tmux_theme" send-keys q
  tmux -L "$tmux_theme" kill-server 2>/dev/null || true
done
echo "check-package: top drew with themes $(ls /usr/share/gaffer/themes | sed 's/\.theme//' | tr '\n' ' ')"

dpkg -r gaffer >/dev/null
[ ! -e /usr/bin/gaffer ] || fail "dpkg -r left /usr/bin/gaffer"
echo "check-package: $(basename "$deb") built, installed, ran and removed in ${SECONDS} s"

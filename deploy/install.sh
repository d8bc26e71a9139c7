#!/usr/bin/env bash
# Installs a built gaffer binary under a prefix: bin/gaffer, share/gaffer/themes/*.theme (found by
# the binary as ../share/gaffer/themes) and share/man/man1/gaffer.1 made from its --help.
# Usage: deploy/install.sh BINARY PREFIX
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BINARY PREFIX (e.g. $0 .build/release/gaffer /usr/local)" >&2; exit 2; }
binary=$1 prefix=$2
root=$(cd "$(dirname "$0")/.." && pwd)
[ -x "$binary" ] || { echo "$0: no executable at $binary; run \`make release\` first" >&2; exit 1; }

install -d "$prefix/bin" "$prefix/share/gaffer/themes" "$prefix/share/man/man1"
install -m 0755 "$binary" "$prefix/bin/gaffer"
install -m 0644 "$root"/themes/*.theme "$prefix/share/gaffer/themes/"
"$root/deploy/manpage.sh" "$prefix/bin/gaffer" > "$prefix/share/man/man1/gaffer.1"
chmod 0644 "$prefix/share/man/man1/gaffer.1"
echo "installed $("$prefix/bin/gaffer" --version) in $prefix"

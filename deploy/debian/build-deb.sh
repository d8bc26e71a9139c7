#!/usr/bin/env bash
# Builds gaffer_VERSION_ARCH.deb from a release binary (see the Makefile's `release`) with dpkg-deb:
# the same files `make install PREFIX=/usr` puts down, depending on the two system libraries the
# binary links (the Swift runtime is inside it). Prints the package's path.
# Usage: deploy/debian/build-deb.sh BINARY OUTDIR
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BINARY OUTDIR (e.g. $0 .build/release/gaffer .build/deb)" >&2; exit 2; }
binary=$1 outdir=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
version=$("$binary" --version | awk '{print $NF}')
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

"$root/deploy/install.sh" "$binary" "$stage/usr" >/dev/null
gzip -9n "$stage/usr/share/man/man1/gaffer.1"
install -d "$stage/usr/share/doc/gaffer" "$stage/DEBIAN"
install -m 0644 "$root/README.md" "$root/deploy/gaffer.service" "$stage/usr/share/doc/gaffer/"
size=$(du -sk "$stage/usr" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: gaffer
Version: $version
Architecture: $arch
Maintainer: Gaffer maintainers <gaffer@localhost>
Installed-Size: $size
Depends: libc6, libstdc++6, libgcc-s1, libpq5, libncursesw6
Section: admin
Priority: optional
Description: PostgreSQL job worker and terminal monitor speaking GoodJob's tables
 Runs Active Job jobs written in Swift from GoodJob's good_jobs table beside Rails
 workers, and watches queues, threads, failures and cron in a terminal monitor.
CONTROL

mkdir -p "$outdir"
deb="$outdir/gaffer_${version}_${arch}.deb"
dpkg-deb -Zgzip --root-owner-group --build "$stage" "$deb" >/dev/null
echo "$deb"

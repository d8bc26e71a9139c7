#!/usr/bin/env bash
# Prints a man page (roff) for a gaffer binary: its --help, then each subcommand's, verbatim, so the
# page can never disagree with the binary it was made from. Usage: deploy/manpage.sh BINARY > gaffer.1
set -euo pipefail
binary=$1
version=$("$binary" --version)
# roff: a leading dot or quote would be read as a request, and a backslash as an escape.
escape() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\\&'/"; }

cat <<HEADER
.TH GAFFER 1 "" "$version" "User Commands"
.SH NAME
gaffer \\- PostgreSQL job worker and terminal monitor that speaks GoodJob's tables
.SH SYNOPSIS
.B gaffer
.I subcommand
.RI [ options ]
.SH DESCRIPTION
.nf
HEADER
"$binary" --help 2>&1 | escape
echo ".fi"
subcommands=$("$binary" --help 2>&1 | awk '/^SUBCOMMANDS:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}')
for sub in $subcommands; do
  echo ".SH \"GAFFER $(echo "$sub" | tr '[:lower:]' '[:upper:]')\""
  echo ".nf"
  "$binary" "$sub" --help 2>&1 | escape
  echo ".fi"
done
cat <<FOOTER
.SH FILES
.TP
.I share/gaffer/themes/*.theme
colour themes for \\fBgaffer top\\fR, found next to the binary's prefix
.SH SEE ALSO
The project's README.md and docs/DEPLOY.md.
FOOTER

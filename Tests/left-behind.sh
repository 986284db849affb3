#!/usr/bin/env bash
# Runs a command (the test suite) with a private TMPDIR and fails if anything is left in it:
# every test removes its own temporary books, folders, tmux servers and sockets.
set -uo pipefail
outer=${TMPDIR:-/tmp}
dir=$(mktemp -d "$outer/rapport-tests.XXXXXX")
# Fuzz findings are kept on purpose, for replaying: outside the folder that is checked.
FUZZ_OUT=${FUZZ_OUT:-$outer/rapport-fuzz-findings} TMPDIR=$dir "$@"
status=$?
# SwiftPM's own files are not the tests': swift-build's TemporaryDirectory.* folders (each
# holding a .keep-directory; `swift build` alone leaves them) and its _<path>.lock files.
left=$(find "$dir" -mindepth 1 -maxdepth 1 ! -name 'TemporaryDirectory.*' ! -name '_*.lock' -printf '%f\n' | sort)
rm -rf "$dir"
if [ -n "$left" ]; then
  echo "The tests left these behind in TMPDIR:" >&2
  echo "$left" | sed 's/^/  /' >&2
  [ "$status" -eq 0 ] && status=1
fi
exit "$status"

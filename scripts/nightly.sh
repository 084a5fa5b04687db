#!/usr/bin/env bash
# Nightly regeneration of a dataset kept in git (README, "Nightly job").
#   scripts/nightly.sh [REPO]     REPO: a git work tree with the inputs in seeds/ (or $NIGHTLY_IN)
#                                 and the committed dataset in out/; default: this repository.
# Builds into a fresh directory; when the build fails in any way (an input failed, a record was
# invalid, the output could not be written) it exits non-zero and out/ and git are left as they
# were. Otherwise it diffs the new build against out/ by record id; when something changed it
# publishes the build into out/ (atomically) and commits it with the diff summary as the message.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
REPO="$(cd "${1:-$HERE}" && pwd)"
IN="${NIGHTLY_IN:-$REPO/seeds}"
PE=(node "$HERE/bin/policy-extract.js")
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if ! "${PE[@]}" build --in "$IN" --out "$tmp/new" --no-cache; then
  echo "nightly: build failed; out/ and git left as they were" >&2
  exit 1
fi
if [ -f "$REPO/out/manifest.json" ]; then
  set +e
  "${PE[@]}" diff "$REPO/out" "$tmp/new" --format md > "$tmp/diff.md"
  rc=$?
  set -e
  case $rc in
    0) echo "nightly: no change"; exit 0 ;;
    1) ;;
    *) echo "nightly: could not compare with out/" >&2; exit 2 ;;
  esac
else
  echo "First build of the dataset." > "$tmp/diff.md"
fi
"${PE[@]}" build --in "$IN" --out "$REPO/out" --no-cache
git -C "$REPO" add out
{ echo "nightly: dataset regenerated"; echo; cat "$tmp/diff.md"; } | git -C "$REPO" commit -q -F -
echo "nightly: committed $(git -C "$REPO" rev-parse --short HEAD)"

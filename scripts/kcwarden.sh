#!/usr/bin/env bash
# Prints the path of a kcwarden executable (the peer the bench compares `realmguard check` with),
# installing kcwarden from PyPI into a cached virtualenv on first use, so a fresh machine gets the
# same pinned version. Exit 2 with what is missing and how to get it when it cannot.
set -euo pipefail
KCWARDEN_VERSION="${REALMGUARD_KCWARDEN_VERSION:-0.18.1}"
VENV="${REALMGUARD_CACHE:-$HOME/.cache/realmguard}/kcwarden-venv-$KCWARDEN_VERSION"
BIN="$VENV/bin/kcwarden"

if [ -x "$BIN" ] && [ "$("$VENV/bin/pip" show kcwarden 2>/dev/null | sed -n 's/^Version: //p')" = "$KCWARDEN_VERSION" ]; then
  echo "$BIN"
  exit 0
fi
# kcwarden needs Python >= 3.11; take the newest interpreter on PATH that has it.
PYTHON=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    PYTHON="$candidate"
    break
  fi
done
if [ -z "$PYTHON" ]; then
  echo "realmguard bench: kcwarden needs Python 3.11 or later and none is on PATH." >&2
  echo "  Install it (Debian: apt-get install python3.11 python3.11-venv) and run again." >&2
  exit 2
fi
if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
  echo "realmguard bench: $PYTHON has no venv/ensurepip module, needed to install kcwarden." >&2
  echo "  Install it (Debian: apt-get install python3-venv, or python3.11-venv) and run again." >&2
  exit 2
fi
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
echo "realmguard bench: installing kcwarden $KCWARDEN_VERSION from PyPI into $VENV" >&2
LOG="$(dirname "$VENV")/kcwarden-install-$KCWARDEN_VERSION.log"
if ! { "$PYTHON" -m venv "$VENV" && "$VENV/bin/pip" install --disable-pip-version-check "kcwarden==$KCWARDEN_VERSION"; } >"$LOG" 2>&1; then
  rm -rf "$VENV"
  echo "realmguard bench: could not install kcwarden==$KCWARDEN_VERSION from PyPI (see $LOG)." >&2
  echo "  Check that https://pypi.org is reachable (or set PIP_INDEX_URL to a mirror) and run again." >&2
  exit 2
fi
if ! "$BIN" --help >/dev/null 2>&1; then
  echo "realmguard bench: kcwarden $KCWARDEN_VERSION was installed but does not run (see $LOG)." >&2
  exit 2
fi
echo "$BIN"

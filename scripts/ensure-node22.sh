#!/usr/bin/env bash
# Prints the directory of a Node.js >= 22 binary, installing Node 22 from the npm registry into
# a cache outside the repository when the machine's own node is older (the machines ship 20).
set -euo pipefail
NODE_VERSION="${REALMGUARD_NODE_VERSION:-22.23.3}"
CACHE="${REALMGUARD_CACHE:-$HOME/.cache/realmguard}/node-$NODE_VERSION"

major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if command -v node >/dev/null 2>&1 && [ "$(major node)" -ge 22 ]; then
  dirname "$(command -v node)"
  exit 0
fi
if [ -x "$CACHE/node_modules/.bin/node" ] && [ "$("$CACHE/node_modules/.bin/node" -p 'process.versions.node')" = "$NODE_VERSION" ]; then
  echo "$CACHE/node_modules/.bin"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "realmguard: Node.js >= 22 is required and npm is not available to install it." >&2
  echo "  Install Node.js 22 (https://nodejs.org) or put npm on PATH and run again." >&2
  exit 2
fi
mkdir -p "$CACHE"
echo "realmguard: installing Node.js $NODE_VERSION from the npm registry into $CACHE" >&2
if ! npm install --no-save --no-audit --no-fund --prefix "$CACHE" "node@$NODE_VERSION" >"$CACHE/install.log" 2>&1; then
  echo "realmguard: could not install node@$NODE_VERSION from the npm registry (see $CACHE/install.log)." >&2
  echo "  Check that the npm registry is reachable, or install Node.js 22 yourself." >&2
  exit 2
fi
if [ "$("$CACHE/node_modules/.bin/node" -p 'process.versions.node' 2>/dev/null)" != "$NODE_VERSION" ]; then
  echo "realmguard: node@$NODE_VERSION was installed but does not run (see $CACHE/install.log)." >&2
  exit 2
fi
echo "$CACHE/node_modules/.bin"

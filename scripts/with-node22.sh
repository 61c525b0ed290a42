#!/usr/bin/env bash
# Runs a command with Node.js >= 22 first on PATH (and the project's node_modules/.bin).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node_dir="$("$here/ensure-node22.sh")"
export PATH="$node_dir:$here/../node_modules/.bin:$PATH"
exec "$@"

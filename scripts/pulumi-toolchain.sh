#!/usr/bin/env bash
# Makes the real Pulumi toolchain available for the `pulumi` test suite and the demo:
#   pulumi                       the CLI
#   pulumi-language-nodejs       the Node.js language host (programs and policy packs)
#   pulumi-resource-keycloak     the Keycloak resource plugin, at the version of @pulumi/keycloak
#                                in package-lock.json
# It uses what is installed (PULUMI_BIN, PATH, ~/.pulumi/bin; the plugin through `pulumi plugin
# ls`). Whatever is missing it builds from source with ../shared/third_party/build.sh (the Go
# module proxy supplies every other dependency) into a cache keyed by version, outside the
# repository, with the Go module and build caches beside it, and installs the built plugin with
# `pulumi plugin install --file` into a PULUMI_HOME of that cache.
#
# On success it prints two lines for the caller to export:
#   PULUMI_PATH=<dirs>     the directories holding the tools it found or built (PATH prefix)
#   PULUMI_HOME=<dir>      the Pulumi home holding the Keycloak plugin (empty: the user's default)
# On failure it names each missing piece and how to provide it, and exits 2.
# Automatic plugin downloads stay off: nothing is fetched from get.pulumi.com.
#
#   scripts/pulumi-toolchain.sh            find, or build what is missing
#   scripts/pulumi-toolchain.sh --check    find only, never build
# Environment: REALMGUARD_CACHE (default ~/.cache/realmguard), REALMGUARD_THIRD_PARTY (default
# ../shared/third_party beside the repository), PULUMI_BIN (a pulumi binary to use).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
mode="${1:-build}"
THIRD_PARTY="${REALMGUARD_THIRD_PARTY:-$root/../shared/third_party}"
# The versions build.sh produces; a lock that moves @pulumi/keycloak needs sources to match.
CLI_VERSION=3.259.0

say() { echo "realmguard: $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
missing=()

provider_version="$(node -p "require('$root/package-lock.json').packages['node_modules/@pulumi/keycloak'].version" 2>/dev/null || true)"
[ -n "$provider_version" ] || { say "cannot read the @pulumi/keycloak version from package-lock.json; run npm ci first."; exit 2; }

TOOLCHAIN="${REALMGUARD_CACHE:-$HOME/.cache/realmguard}/pulumi/v$CLI_VERSION-keycloak-$provider_version"
built_bin="$TOOLCHAIN/bin"
# The built plugin waits outside bin/: pulumi prefers a plugin it finds on PATH over the installed one.
built_plugin="$TOOLCHAIN/plugin/pulumi-resource-keycloak"
built_home="$TOOLCHAIN/home"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true

# build.sh writes all three binaries to one folder; the plugin moves out of the one put on PATH.
move_built_plugin() {
  if [ -x "$built_bin/pulumi-resource-keycloak" ]; then
    mkdir -p "$(dirname "$built_plugin")" && mv -f "$built_bin/pulumi-resource-keycloak" "$built_plugin"
  fi
}
move_built_plugin

# The first executable of that name among: PULUMI_BIN's directory, PATH, ~/.pulumi/bin, the cache.
find_tool() {
  local name="$1" dir
  if [ -n "${PULUMI_BIN:-}" ] && [ -x "$(dirname "$PULUMI_BIN")/$name" ]; then echo "$(dirname "$PULUMI_BIN")/$name"; return 0; fi
  if have "$name"; then command -v "$name"; return 0; fi
  for dir in "$HOME/.pulumi/bin" "$built_bin"; do
    if [ -x "$dir/$name" ]; then echo "$dir/$name"; return 0; fi
  done
  return 1
}

# Is the Keycloak plugin at the locked version installed in the Pulumi home $2 ('' = default)?
plugin_in_home() {
  local pulumi="$1" home="$2"
  (if [ -n "$home" ]; then export PULUMI_HOME="$home"; fi
   "$pulumi" plugin ls --json 2>/dev/null) | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      let list = [];
      try { list = JSON.parse(s || "[]") ?? []; } catch { process.exit(1); }
      process.exit(list.some((p) => p.name === "keycloak" && p.kind === "resource" && p.version === process.argv[1]) ? 0 : 1);
    });' "$provider_version"
}

pulumi_bin="$(find_tool pulumi || true)"
host_bin="$(find_tool pulumi-language-nodejs || true)"
home=""
plugin_found=no
if [ -n "$pulumi_bin" ]; then
  if [ -n "${PULUMI_HOME:-}" ] && plugin_in_home "$pulumi_bin" "$PULUMI_HOME"; then home="$PULUMI_HOME"; plugin_found=yes
  elif [ -z "${PULUMI_HOME:-}" ] && plugin_in_home "$pulumi_bin" ""; then plugin_found=yes
  elif plugin_in_home "$pulumi_bin" "$built_home"; then home="$built_home"; plugin_found=yes
  fi
fi

if [ "$mode" = "--check" ]; then
  [ -n "$pulumi_bin" ] || missing+=("pulumi: the Pulumi CLI is not on PATH")
  [ -n "$host_bin" ] || missing+=("pulumi-language-nodejs: the Node.js language host is not on PATH nor next to pulumi")
  [ "$plugin_found" = yes ] || missing+=("pulumi-resource-keycloak $provider_version: not installed (pulumi plugin install resource keycloak $provider_version)")
else
  wanted=()
  [ -n "$pulumi_bin" ] || wanted+=(cli)
  [ -n "$host_bin" ] || wanted+=(host)
  # A provider binary built earlier is installed below without building again.
  [ "$plugin_found" = yes ] || [ -x "$built_plugin" ] || wanted+=(provider)
  if [ "${#wanted[@]}" -gt 0 ]; then
    build_version="$(sed -n 's/^KEYCLOAK_VERSION=//p' "$THIRD_PARTY/build.sh" 2>/dev/null || true)"
    if [ ! -x "$THIRD_PARTY/build.sh" ]; then
      missing+=("${wanted[*]}: the sources to build them are not at $THIRD_PARTY (set REALMGUARD_THIRD_PARTY to the folder holding build.sh)")
    elif [ "$build_version" != "$provider_version" ]; then
      missing+=("pulumi-resource-keycloak $provider_version: $THIRD_PARTY builds $build_version, not the version package-lock.json locks")
    elif ! have go; then
      missing+=("${wanted[*]}: Go >= 1.25 is needed to build them from source (apt-get install golang, or install Go)")
    else
      mkdir -p "$TOOLCHAIN/go/mod" "$TOOLCHAIN/go/build"
      say "building ${wanted[*]} from $THIRD_PARTY into $TOOLCHAIN (first time only: about 6 minutes on 2 cores; log: $TOOLCHAIN/build.log)"
      if ONLY="${wanted[*]}" GOMODCACHE="$TOOLCHAIN/go/mod" GOCACHE="$TOOLCHAIN/go/build" \
        "$THIRD_PARTY/build.sh" "$built_bin" >"$TOOLCHAIN/build.log" 2>&1; then
        [ -n "$pulumi_bin" ] || pulumi_bin="$built_bin/pulumi"
        [ -n "$host_bin" ] || host_bin="$built_bin/pulumi-language-nodejs"
        move_built_plugin
      else
        missing+=("${wanted[*]}: the build failed: $(grep -m1 -iE 'error|not available|403|404' "$TOOLCHAIN/build.log" || tail -n1 "$TOOLCHAIN/build.log") (full log: $TOOLCHAIN/build.log)")
      fi
    fi
  fi
  if [ "${#missing[@]}" -eq 0 ] && [ "$plugin_found" = no ]; then
    if PULUMI_HOME="$built_home" "$pulumi_bin" plugin install resource keycloak "$provider_version" \
      --file "$built_plugin" >"$TOOLCHAIN/plugin-install.log" 2>&1 &&
      plugin_in_home "$pulumi_bin" "$built_home"; then
      home="$built_home"
    else
      missing+=("pulumi-resource-keycloak $provider_version: 'pulumi plugin install --file' failed (see $TOOLCHAIN/plugin-install.log)")
    fi
  fi
fi

if [ "${#missing[@]}" -gt 0 ]; then
  say "the real Pulumi toolchain is not complete:"
  for item in "${missing[@]}"; do echo "  - $item" >&2; done
  say "install the Pulumi CLI (https://www.pulumi.com/docs/install/) and run 'pulumi plugin install resource keycloak $provider_version', or put the binaries on PATH, then run again."
  exit 2
fi

# The CLI finds the language host on PATH or beside itself: list the host's directory only when it differs.
path="$(dirname "$pulumi_bin")"
host_dir="$(dirname "$host_bin")"
[ "$host_dir" = "$path" ] || path="$path:$host_dir"
echo "PULUMI_PATH=$path"
echo "PULUMI_HOME=$home"

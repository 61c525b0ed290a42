#!/usr/bin/env bash
# Makes the real Pulumi toolchain available for the `pulumi` test suite and the demo:
#   pulumi                       the CLI
#   pulumi-language-nodejs       the Node.js language host (programs and policy packs)
#   pulumi-resource-keycloak     the Keycloak resource plugin, at the version of @pulumi/keycloak
#                                in package-lock.json
# It uses what is installed (PATH, or PULUMI_BIN / ~/.pulumi/bin, and `pulumi plugin ls`), and
# otherwise builds the missing pieces from the Go module proxy into a cache keyed by version.
# On success it prints the directory to put first on PATH; on failure it names what is missing
# and how to provide it, and exits 2. Automatic plugin downloads stay off.
#
#   scripts/pulumi-toolchain.sh            find or build, print the bin directory
#   scripts/pulumi-toolchain.sh --check    find only, never build
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
CACHE="${REALMGUARD_CACHE:-$HOME/.cache/realmguard}/pulumi"
CLI_VERSION="${REALMGUARD_PULUMI_VERSION:-3.259.0}"
mode="${1:-build}"

say() { echo "realmguard: $*" >&2; }
missing=()

provider_version="$(node -p "require('$root/package-lock.json').packages['node_modules/@pulumi/keycloak'].version" 2>/dev/null || true)"
[ -n "$provider_version" ] || { say "cannot read the @pulumi/keycloak version from package-lock.json; run npm ci first."; exit 2; }

# The Go module proxy has no tags for these modules' subdirectories: release commits, as
# pseudo-versions. Add a line when package-lock.json moves to a new @pulumi/keycloak.
provider_pseudo_version() {
  case "$1" in
    6.13.0) echo "v6.0.0-20260801042451-d68abf5db516" ;;
    *) echo "" ;;
  esac
}
language_host_pseudo_version() {
  case "$1" in
    3.259.0) echo "v3.0.0-20260819165155-0ac56e876614" ;;
    *) echo "" ;;
  esac
}

bin_dir="$CACHE/bin"
mkdir -p "$bin_dir"
export PATH="$bin_dir:${PULUMI_BIN:+$(dirname "$PULUMI_BIN"):}$HOME/.pulumi/bin:$PATH"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true

have() { command -v "$1" >/dev/null 2>&1; }

go_build() { # go_build <name> <workdir> <go.mod body> <package> <ldflags> <output>
  local name="$1" dir="$2" gomod="$3" pkg="$4" ldflags="$5" out="$6"
  if ! have go; then
    missing+=("$name: Go is needed to build it from the Go module proxy (install Go >= 1.26, e.g. apt-get install golang, or install $name yourself)")
    return 1
  fi
  mkdir -p "$dir"
  printf '%s\n' "$gomod" >"$dir/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$pkg" >"$dir/tools.go"
  say "building $name from the Go module proxy (first time only; several minutes)"
  if ! (cd "$dir" && GOFLAGS=-mod=mod go mod tidy >"$dir/build.log" 2>&1 && go build -o "$out" -ldflags "$ldflags" "$pkg" >>"$dir/build.log" 2>&1); then
    local reason
    reason="$(grep -m1 -E 'not available|403|404|cannot find|no matching' "$dir/build.log" || tail -n1 "$dir/build.log")"
    missing+=("$name: the build from the Go module proxy failed ($reason; full log: $dir/build.log)")
    return 1
  fi
}

# 1. The CLI.
if ! have pulumi; then
  if [ "$mode" = "--check" ]; then
    missing+=("pulumi: the Pulumi CLI is not on PATH")
  else
    go_build "pulumi CLI $CLI_VERSION" "$CACHE/build/cli-$CLI_VERSION" "module realmguard.local/pulumi-cli
go 1.26.6
require (
	github.com/pulumi/pulumi/pkg/v3 v$CLI_VERSION
	github.com/pulumi/pulumi/sdk/v3 v$CLI_VERSION
)
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
replace golang.org/x/text => golang.org/x/text v0.39.0" \
      github.com/pulumi/pulumi/pkg/v3/cmd/pulumi \
      "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$CLI_VERSION" "$bin_dir/pulumi" || true
  fi
fi

# 2. The Node.js language host, on PATH or next to the CLI.
if ! have pulumi-language-nodejs && ! { have pulumi && [ -x "$(dirname "$(command -v pulumi)")/pulumi-language-nodejs" ]; }; then
  host_version="$(language_host_pseudo_version "$CLI_VERSION")"
  if [ "$mode" = "--check" ]; then
    missing+=("pulumi-language-nodejs: the Node.js language host is not on PATH nor next to pulumi")
  elif [ -z "$host_version" ]; then
    missing+=("pulumi-language-nodejs: no known release commit for CLI $CLI_VERSION (add it to language_host_pseudo_version in $0)")
  else
    go_build "pulumi-language-nodejs $CLI_VERSION" "$CACHE/build/language-nodejs-$CLI_VERSION" "module realmguard.local/pulumi-language-nodejs
go 1.26.6
require (
	github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 $host_version
	github.com/pulumi/pulumi/pkg/v3 v$CLI_VERSION
	github.com/pulumi/pulumi/sdk/v3 v$CLI_VERSION
)
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
replace golang.org/x/text => golang.org/x/text v0.39.0" \
      github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 \
      "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$CLI_VERSION" "$bin_dir/pulumi-language-nodejs" || true
  fi
fi

# 3. The Keycloak resource plugin at the locked version.
plugin_installed() {
  have pulumi-resource-keycloak && return 0
  have pulumi && pulumi plugin ls --json 2>/dev/null | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const list = JSON.parse(s || "[]");
      process.exit(list.some((p) => p.name === "keycloak" && p.kind === "resource" && p.version === process.argv[1]) ? 0 : 1);
    });' "$provider_version"
}
if ! plugin_installed; then
  pseudo="$(provider_pseudo_version "$provider_version")"
  if [ "$mode" = "--check" ]; then
    missing+=("pulumi-resource-keycloak $provider_version: not installed (pulumi plugin install resource keycloak $provider_version)")
  elif [ -z "$pseudo" ]; then
    missing+=("pulumi-resource-keycloak $provider_version: no known release commit (add it to provider_pseudo_version in $0)")
  elif ! have go; then
    missing+=("pulumi-resource-keycloak $provider_version: Go is needed to build it (or run: pulumi plugin install resource keycloak $provider_version)")
  else
    dir="$CACHE/build/keycloak-$provider_version"
    mkdir -p "$dir"
    say "fetching github.com/pulumi/pulumi-keycloak/provider/v6@$pseudo from the Go module proxy"
    if ! (cd "$dir" && GOFLAGS=-mod=mod go mod download -json "github.com/pulumi/pulumi-keycloak/provider/v6@$pseudo" >"$dir/download.json" 2>"$dir/build.log"); then
      reason="$(grep -m1 -E 'not available|403|404|not found' "$dir/build.log" "$dir/download.json" 2>/dev/null | sed 's/^[^:]*://' || true)"
      missing+=("pulumi-resource-keycloak $provider_version: the Go module proxy did not serve github.com/pulumi/pulumi-keycloak/provider/v6@$pseudo (${reason:-see $dir/build.log}). Install the plugin another way: pulumi plugin install resource keycloak $provider_version [--file BINARY]")
    else
      # The provider embeds a generated schema-embed.json that the module zip lacks: copy the
      # source out of the read-only module cache, write it, then build with the version ldflag.
      src="$(node -p "JSON.parse(require('fs').readFileSync('$dir/download.json','utf8')).Dir")"
      rm -rf "$dir/src" && cp -r "$src" "$dir/src" && chmod -R u+w "$dir/src"
      node -e "const fs=require('fs');const p='$dir/src/cmd/pulumi-resource-keycloak/';const s=JSON.parse(fs.readFileSync(p+'schema.json','utf8'));s.version='$provider_version';fs.writeFileSync(p+'schema-embed.json',JSON.stringify(s));"
      if (cd "$dir/src" && go build -o "$bin_dir/pulumi-resource-keycloak" -ldflags "-X github.com/pulumi/pulumi-keycloak/provider/v6/pkg/version.Version=$provider_version" ./cmd/pulumi-resource-keycloak >>"$dir/build.log" 2>&1); then
        :
      else
        missing+=("pulumi-resource-keycloak $provider_version: the build failed (see $dir/build.log)")
      fi
    fi
  fi
fi

if [ "${#missing[@]}" -gt 0 ]; then
  say "the real Pulumi toolchain is not complete:"
  for item in "${missing[@]}"; do echo "  - $item" >&2; done
  say "install the Pulumi CLI (https://www.pulumi.com/docs/install/) and run 'pulumi plugin install resource keycloak $provider_version', or put the binaries on PATH, then run again."
  exit 2
fi
echo "$bin_dir"

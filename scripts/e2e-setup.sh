#!/usr/bin/env bash
# Idempotent setup for the real-editor tests: code-server 4.100.3 (VS Code 1.100.3) in its own
# folder, and playwright-core for the test harness. Debian's chromium, libkrb5-dev and ripgrep
# come from .ci/run. Each workaround below fixes a failure seen on these machines (no GitHub).
set -euo pipefail
cd "$(dirname "$0")/.."
CS_VERSION=4.100.3
CS_PREFIX=$PWD/.e2e/code-server-$CS_VERSION
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep in code-server 4.100.3
RG_TAG=v13.0.0-10

if [ ! -f "$CS_PREFIX/node_modules/code-server/lib/vscode/out/server-main.js" ] || [ ! -d "$CS_PREFIX/node_modules/code-server/lib/vscode/node_modules" ]; then
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # Its own package.json, or npm walks up and installs into this project.
  echo '{"name":"code-server-e2e","private":true}' > "$CS_PREFIX/package.json"
  tmp=$(mktemp -d)
  # @vscode/ripgrep downloads rg from GitHub unless this cache file exists: give it Debian's rg.
  mkdir -p "$tmp/rg" "$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
  cp "$(command -v rg)" "$tmp/rg/rg"
  tar czf "$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$tmp/rg" rg
  # npm_config_yes: node-pty runs `npx node-gyp` without a TTY; unsafe_perm: postinstall as root.
  (cd "$CS_PREFIX" && TMPDIR=$tmp npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >/dev/null)
  rm -rf "$tmp"
fi
if [ ! -d test/e2e/node_modules/playwright-core ]; then
  (cd test/e2e && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "$CS_PREFIX/node_modules/code-server"

#!/usr/bin/env bash
# Installs the Debian packages some tests use as oracles or peers: Apache Avro's Java IDL compiler and
# compatibility checker, Apache Avro for Python, and PostgreSQL. Tests skip visibly where these are absent,
# so this is optional; it needs root and Debian's package archive.
set -uo pipefail
want=(libavro-compiler-java python3-avro postgresql default-jdk-headless)
missing=()
for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && { echo "test tools: all present"; exit 0; }
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "test tools: missing ${missing[*]} (not root or no apt-get); the tests that need them will be skipped"
  exit 0
fi
echo "test tools: installing ${missing[*]}"
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}") >/tmp/charter-apt.log 2>&1 \
  || echo "test tools: apt-get failed (see /tmp/charter-apt.log); the tests that need them will be skipped"
exit 0

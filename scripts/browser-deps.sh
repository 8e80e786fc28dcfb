#!/usr/bin/env bash
# What the browser tests need from the system: Debian's Chromium (Playwright drives it; nothing
# is downloaded) and npm (installs axe-core from package-lock.json). Installs them with apt when
# run as root on Debian; otherwise stops at once with the one command to run.
set -u
chromium="${CHROMIUM:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser tests (apt-get)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" && exit 0
  echo "apt-get could not install ${missing[*]}" >&2
  exit 1
fi
echo "The browser tests need ${missing[*]}. Run:  sudo apt-get install -y ${missing[*]}" >&2
exit 1

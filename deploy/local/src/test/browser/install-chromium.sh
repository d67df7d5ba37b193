#!/usr/bin/env bash
# Installs Debian's Chromium and its ChromeDriver (/usr/bin/chromium, /usr/bin/chromedriver) for the browser
# tests (DemoIncidentsIT), when they are missing and this machine can: as root, with apt-get. Run once per
# test run by the tests' set-up (Chromium.find() in the tests); safe to run by hand. Exit codes: 0 installed or already there,
# 2 cannot install here (not root, no apt-get), 1 the install failed. What it did or why not goes to stdout.
set -uo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  echo "chromium and chromedriver already installed: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "cannot install chromium and chromium-driver: no apt-get on this machine (install Chromium and a matching"
  echo "ChromeDriver yourself and point -Desteira.browser.chromium=… -Desteira.browser.chromedriver=… at them)"
  exit 2
fi
if [[ "$(id -u)" != 0 ]]; then
  echo "cannot install chromium and chromium-driver: not root (run: sudo apt-get install -y chromium chromium-driver)"
  exit 2
fi
echo "installing Debian's chromium and chromium-driver (apt-get; one to three minutes, once per machine) ..."
export DEBIAN_FRONTEND=noninteractive
# Another apt-get (another build, an unattended upgrade) may hold the lock: wait for it rather than fail.
apt_options=(-o DPkg::Lock::Timeout=300 -q)
apt-get "${apt_options[@]}" update || echo "apt-get update failed; trying the install with the lists there are"
if ! apt-get "${apt_options[@]}" install -y chromium chromium-driver; then
  echo "apt-get install -y chromium chromium-driver failed (its output is above)"
  exit 1
fi
echo "installed: $(/usr/bin/chromium --version 2>/dev/null | head -1), $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"

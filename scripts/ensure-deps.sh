#!/usr/bin/env bash
# Installs what the project needs on a fresh machine, and nothing when it is already there:
#   node modules (npm ci, when package-lock.json changed since the last install), and with
#   --browser, Debian's Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.installed-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "正在安装依赖(npm ci,首次约需 2–3 分钟)…"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

if [ "${1:-}" = "--browser" ] && ! command -v /usr/bin/chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    echo "正在安装 Chromium(浏览器测试用)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "浏览器测试需要 Chromium:请运行 sudo apt-get install -y chromium 后重试。" >&2
    exit 1
  fi
fi

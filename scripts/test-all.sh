#!/usr/bin/env bash
# Every test Jiju has: build, then one vitest run over all packages and apps, with a real
# PostgreSQL server (started for the run) and Debian's Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  if can_apt; then
    echo "test-all: installing Debian's chromium for the browser tests"
    apt_install chromium
  else
    echo "test-all: /usr/bin/chromium is absent and cannot be installed here; browser tests will be skipped"
  fi
fi

if ! command -v tmux >/dev/null 2>&1; then
  if can_apt; then
    echo "test-all: installing tmux for the terminal dashboard's end-to-end test"
    apt_install tmux
  else
    echo "test-all: tmux is absent and cannot be installed here; the dashboard end-to-end test will be skipped"
  fi
fi

# The bulletin's charts need a Chinese and a Latin font file, and its PDF test reads text with pdftotext.
need=()
[ -e /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-droid-fallback)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ "${#need[@]}" -gt 0 ]; then
  if can_apt; then
    echo "test-all: installing ${need[*]} for the bulletin's charts and PDF tests"
    apt_install "${need[@]}"
  else
    echo "test-all: ${need[*]} absent and cannot be installed here; the chart and PDF tests will fail or be skipped"
  fi
fi

pnpm exec turbo run build typecheck --output-logs=errors-only
pnpm exec biome check .
bash scripts/with-postgres.sh pnpm exec vitest run "$@"

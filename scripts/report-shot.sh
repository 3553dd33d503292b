#!/usr/bin/env bash
# Renders the report of a generated 12-week history in headless Chromium: its top and the first
# page ("At a glance") alone as PNGs, the first page alone as an A4 PDF (it must be one page) and
# the whole report as an A4 PDF, to look at it as a browser and a printer show it.
# Usage: scripts/report-shot.sh OUT_DIR   (needs chromium or chromium-browser on PATH)
set -euo pipefail
out=${1:?usage: scripts/report-shot.sh OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "report-shot: no chromium on PATH" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export UPRIGHT_NOW="2026-11-24T07:30:00+01:00[Europe/Berlin]" UPRIGHT_DATA_DIR="$data" UPRIGHT_CONFIG="$data/config.toml"
printf 'name = "Sam Example"\n' > "$data/config.toml"
cd "$root"
cargo build --quiet --bin upright --example sample_history
target/debug/examples/sample_history "$data" 12
target/debug/upright report --weeks 12 --out "$out/report.html" >/dev/null
# The first page alone: everything before the appendix.
sed '/id="appendix"/,$d' "$out/report.html" > "$out/page1.html"
printf '</body></html>\n' >> "$out/page1.html"
# A4 at 96 dpi is 794 px wide; the window is one screen page tall. No background networking:
# the machine may have no network, and the report needs none.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --hide-scrollbars --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$data/chromium")
"$browser" "${flags[@]}" --window-size=900,1270 --screenshot="$out/report.png" "file://$out/report.html" 2>/dev/null
"$browser" "${flags[@]}" --window-size=900,1300 --screenshot="$out/page1.png" "file://$out/page1.html" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/page1.pdf" "file://$out/page1.html" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/report.html" 2>/dev/null
test -s "$out/report.png" && test -s "$out/page1.png" && test -s "$out/page1.pdf" && test -s "$out/report.pdf"
echo "report-shot: $out/report.html, $out/report.png, $out/page1.png, $out/page1.pdf, $out/report.pdf"

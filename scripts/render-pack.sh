#!/usr/bin/env bash
# The look test (not in CI): closes the shipped sample in English and in Chinese and renders each
# close pack with LibreOffice headless to PDF, then to one PNG per page, so anyone can look at
# what a sales manager will print.
#
#   scripts/render-pack.sh [OUT]        # default OUT=/tmp/salesclose-look
#
# Needs libreoffice-calc, poppler-utils and a CJK font (fonts-noto-cjk); installs them if missing.
# Prints the page count of each PDF; the pages are OUT/<lang>/page-NN.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/salesclose-look}
packages=(libreoffice-calc poppler-utils fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
swift build --product salesclose >/dev/null
rm -rf "$out"
for lang in en zh-CN; do
  config="$out/config-$lang"
  mkdir -p "$config" "$out/$lang"
  cp Config/* "$config/"
  sed -i -E "s/^language = .*/language = \"$lang\"/" "$config/salesclose.toml"
  .build/debug/salesclose run --input Input --config "$config" --output "$out/run-$lang" 2>/dev/null
  book=$(ls "$out/run-$lang"/*/close-*.xlsx)
  # A private profile, so a LibreOffice the user has open is not disturbed.
  soffice -env:UserInstallation=file://"$out/profile" --headless --convert-to pdf --outdir "$out/$lang" "$book" >/dev/null 2>&1
  pdf=$(ls "$out/$lang"/*.pdf)
  pdftoppm -r 60 -png "$pdf" "$out/$lang/page"
  echo "$lang: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages, $pdf"
done

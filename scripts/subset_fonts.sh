#!/bin/sh
# Subset Debian's Noto fonts (apt-get install fonts-noto-core python3-fonttools python3-brotli)
# to the WOFF2 files in metelkaar/core/static/fonts: `make fonts`. Nothing runs this at run time.
set -eu
SRC=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
OUT=${1:-metelkaar/core/static/fonts}
LATIN="U+0000-00FF,U+0100-017F,U+0180-024F,U+0259,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0300-0301,U+0303,U+0308,U+0327,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2000-206F,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+2215,U+FEFF,U+FFFD"
ARABIC="U+0600-06FF,U+200C-200F,U+2010-2011"
ETHIOPIC="U+1200-137F,U+200C-200D,U+2010-2011"
sub() { # font file, unicodes, output name
  ${PYTHON:-/usr/bin/python3} -m fontTools.subset "$SRC/$1" --unicodes="$2" --flavor=woff2 \
    --layout-features='*' --no-hinting --desubroutinize --output-file="$OUT/$3"
}
for w in Regular Bold; do
  lw=$(echo $w | tr A-Z a-z)
  sub NotoSans-$w.ttf "$LATIN" noto-sans-latin-cyrillic-$lw.woff2
  sub NotoSansArabic-$w.ttf "$ARABIC" noto-sans-arabic-$lw.woff2
  sub NotoSansEthiopic-$w.ttf "$ETHIOPIC" noto-sans-ethiopic-$lw.woff2
done
# The language menu names Arabic, Persian and Tigrinya in their own scripts on every page:
# tiny files with just those letters, so a Dutch page does not need the whole scripts.
MENU_AR="العربية فارسی"
MENU_TI="ትግርኛ"
for w in Regular Bold; do
  lw=$(echo $w | tr A-Z a-z)
  ${PYTHON:-/usr/bin/python3} -m fontTools.subset "$SRC/NotoSansArabic-$w.ttf" --text="$MENU_AR" \
    --flavor=woff2 --layout-features='*' --no-hinting --output-file="$OUT/noto-sans-menu-arabic-$lw.woff2"
  ${PYTHON:-/usr/bin/python3} -m fontTools.subset "$SRC/NotoSansEthiopic-$w.ttf" --text="$MENU_TI" \
    --flavor=woff2 --layout-features='*' --no-hinting --output-file="$OUT/noto-sans-menu-ethiopic-$lw.woff2"
done

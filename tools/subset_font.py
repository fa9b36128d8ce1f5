#!/usr/bin/env python3
"""Regenerate the embedded fallback font assets/fonts/NotoSansSC-Zhitu-subset.otf.

usage: python3 tools/subset_font.py [SOURCE.ttc] [--out assets/fonts/NotoSansSC-Zhitu-subset.otf]

Source: Noto Sans CJK SC (SIL Open Font License 1.1), face index 2 of NotoSansCJK-Regular.ttc from
Debian's package fonts-noto-cjk (`apt-get install fonts-noto-cjk`). Needs fontTools from PyPI
(`pip install fonttools`).

The subset keeps what Chinese news text needs: Basic Latin and Latin-1, general punctuation, CJK
symbols and punctuation, all of CJK Unified Ideographs (U+4E00-U+9FFF, so rare name characters
such as 堃 喆 镕 昇 珺 祎 render) and the half-width and full-width forms. Hinting and OpenType
layout features are dropped (egui does neither).
"""
import argparse
import subprocess
import sys

DEFAULT_SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SC_FACE = 2  # JP, KR, SC, TC, HK: Simplified Chinese is the third face
RANGES = "U+0020-007E,U+00A0-00FF,U+2000-206F,U+2190-21FF,U+25A0-25FF,U+3000-303F,U+4E00-9FFF,U+FF00-FFEF"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source", nargs="?", default=DEFAULT_SOURCE)
    ap.add_argument("--out", default="assets/fonts/NotoSansSC-Zhitu-subset.otf")
    args = ap.parse_args()
    subprocess.run([sys.executable, "-m", "fontTools.subset", args.source, f"--font-number={SC_FACE}",
                    f"--unicodes={RANGES}", "--layout-features=", "--no-hinting",
                    "--name-IDs=*", "--name-languages=*", f"--output-file={args.out}"], check=True)
    from fontTools.ttLib import TTFont
    cmap = TTFont(args.out).getBestCmap()
    # Noto Sans CJK 2.004 predates U+9FF0-U+9FFF (Unicode 13/14 additions, chemistry characters);
    # every ideograph up to U+9FEF must be there.
    missing = [c for c in range(0x4E00, 0x9FF0) if c not in cmap]
    print(f"{args.out}: {len(cmap)} code points, CJK U+4E00-U+9FEF missing {len(missing)}")
    if missing:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Build resources/fonts/MatcherHangul-Regular.ttf: NanumGothic cut to Hangul, renamed.

The PDF export's other fonts lack Hangul; NanumGothic (SIL OFL-1.1, © NAVER/NHN Corporation) has it,
but whole it is 4.7 MB, most of it Hanja that Droid Sans Fallback already draws. A cut is a
"Modified Version" under the OFL, which may not keep the Reserved Font Names ("Nanum",
"NanumGothic"...), so it is renamed "Matcher Hangul"; the copyright notice stays.

    apt-get install fonts-nanum
    .venv/bin/python scripts/build_hangul_font.py [/usr/share/fonts/truetype/nanum/NanumGothic.ttf]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
TARGET = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "MatcherHangul-Regular.ttf"
HANGUL = "U+0020,U+1100-11FF,U+3130-318F,U+AC00-D7A3"  # space, jamo, compatibility jamo, syllables
NAMES = {1: "Matcher Hangul", 3: "Matcher Hangul Regular", 4: "Matcher Hangul Regular",
         6: "MatcherHangul-Regular", 16: "Matcher Hangul", 17: "Regular"}  # fmt: skip


def main(source: Path = SOURCE) -> None:
    options = subset.Options()
    font = subset.load_font(str(source), options)
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=subset.parse_unicodes(HANGUL))
    cutter.subset(font)
    table = font["name"]
    for record in list(table.names):
        if record.nameID in NAMES:
            table.setName(NAMES[record.nameID], record.nameID, record.platformID, record.platEncID, record.langID)
    table.removeNames(nameID=21)
    table.removeNames(nameID=22)
    font.save(str(TARGET))
    print(f"{TARGET}: {TARGET.stat().st_size:,} bytes, {len(TTFont(str(TARGET)).getBestCmap()):,} characters")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)

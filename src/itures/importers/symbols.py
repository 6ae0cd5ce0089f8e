"""Word's Insert > Symbol (``w:sym``): the character a symbol font shows.

Word stores a symbol inserted from a symbol font as the font's name and a
code in Unicode's private use area (``w:char="F0B3"``: code 0xB3 of the
font, shifted by 0xF000). What it shows depends on the font. The Symbol
font's encoding is Adobe's standard one (Unicode's mapping table
``VENDORS/ADOBE/symbol.txt``, with the Greek letters as Greek letters and
the Euro sign Windows puts at 0xA0): :func:`symbol_character` gives its
Unicode character. Other symbol fonts (Wingdings, Webdings, ...) have no
standard mapping: the caller keeps a visible replacement and says so.
"""

from __future__ import annotations

__all__ = ["REPLACEMENT", "symbol_character"]

# what is kept for a symbol whose character cannot be told
REPLACEMENT = "\ufffd"

# Symbol font code -> Unicode (0x20 to 0x7E, then 0xA0 to 0xFE)
_LOW = (
    " !\u2200#\u2203%&\u220b()\u2217+,\u2212./0123456789:;<=>?"
    "\u2245\u0391\u0392\u03a7\u0394\u0395\u03a6\u0393\u0397\u0399\u03d1\u039a\u039b\u039c\u039d"
    "\u039f\u03a0\u0398\u03a1\u03a3\u03a4\u03a5\u03c2\u03a9\u039e\u03a8\u0396[\u2234]\u22a5_"
    "\u203e\u03b1\u03b2\u03c7\u03b4\u03b5\u03c6\u03b3\u03b7\u03b9\u03d5\u03ba\u03bb\u03bc\u03bd"
    "\u03bf\u03c0\u03b8\u03c1\u03c3\u03c4\u03c5\u03d6\u03c9\u03be\u03c8\u03b6{|}\u223c"
)
_HIGH = (
    "\u20ac\u03d2\u2032\u2264\u2044\u221e\u0192\u2663\u2666\u2665\u2660\u2194\u2190\u2191\u2192"
    "\u2193\u00b0\u00b1\u2033\u2265\u00d7\u221d\u2202\u2022\u00f7\u2260\u2261\u2248\u2026\u23d0"
    "\u23af\u21b5\u2135\u2111\u211c\u2118\u2297\u2295\u2205\u2229\u222a\u2283\u2287\u2284\u2282"
    "\u2286\u2208\u2209\u2220\u2207\u00ae\u00a9\u2122\u220f\u221a\u22c5\u00ac\u2227\u2228\u21d4"
    "\u21d0\u21d1\u21d2\u21d3\u25ca\u2329\u00ae\u00a9\u2122\u2211\u239b\u239c\u239d\u23a1\u23a2"
    "\u23a3\u23a7\u23a8\u23a9\u23aa\ufffd\u232a\u222b\u2320\u23ae\u2321\u239e\u239f\u23a0\u23a4"
    "\u23a5\u23a6\u23ab\u23ac\u23ad"
)
_SYMBOL: dict[int, str] = {
    **{0x20 + i: c for i, c in enumerate(_LOW)},
    **{0xA0 + i: c for i, c in enumerate(_HIGH) if c != REPLACEMENT},  # (0xF0: no glyph)
}
assert len(_LOW) == 0x7F - 0x20 and len(_HIGH) == 0xFF - 0xA0


def symbol_character(font: str, code: str) -> str | None:
    """The character ``w:sym w:font=font w:char=code`` shows, or None when it
    cannot be told (a font other than Symbol, a code outside its encoding).

    A code outside the private use area is a Unicode character whatever the
    font (Word writes such codes for a symbol of a Unicode font)."""
    try:
        value = int(code, 16)
    except ValueError:
        return None
    if not 0xE000 <= value <= 0xF8FF:
        if 0x20 <= value <= 0x10FFFF and value not in range(0xD800, 0xE000):
            if font.strip().lower() != "symbol" or value > 0xFF:
                return chr(value)
        else:
            return None
    if font.strip().lower() != "symbol":
        return None
    return _SYMBOL.get(value & 0xFF if value >= 0xF000 else value)

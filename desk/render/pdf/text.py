"""Characters: which font slot a character takes, where a line may break (with the Chinese line-breaking
rules), and where East Asian and Western text get extra space between them.
"""

from __future__ import annotations

from functools import cache

# Never at the start of a line (GB/T 15834 punctuation, closing brackets, small kana, …).
CANNOT_START = frozenset(
    "!%),.:;?]}¢°·'\"†‡›℃∶、。〃〆〉》」』】〕〗〙〛〞〟﹚﹜﹞！＂％＇），．：；？］｝～｡｣､"
    "‐–—―…‥‰′″’”ゝゞ々ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ・"
)
# Never at the end of a line (opening brackets and quotes, currency signs before figures).
CANNOT_END = frozenset("([{£¥$‘“‵〈《「『【〔〖〘〚〝﹙﹛﹝＄（［｛￡￥｢")
# Closing brackets: no break between one and a Western word or number after it (``〔2026〕7号``).
CLOSING = frozenset(")]}）〕】》」』〉〗〙〛｝］｣")
SPACES = frozenset(" \u3000")  # hang past a soft line end

_EAST_ASIAN = (
    (0x1100, 0x11FF),
    (0x2100, 0x214F),
    (0x2460, 0x24FF),
    (0x2E80, 0x2FFF),
    (0x3000, 0x303F),
    (0x3040, 0x31FF),
    (0x3200, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)
# Characters without a script of their own (spaces, general punctuation such as “”—…, arrows, shapes): they
# take the script of the text before them, Western at the start of a paragraph (as LibreOffice assigns them).
_WEAK = ((0x0000, 0x0020), (0x00A0, 0x00A0), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2500, 0x27BF))
_IDEOGRAPHIC = (
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= code <= hi for lo, hi in ranges)


@cache
def script(char: str) -> str:
    """``ea`` (East Asian), ``latin`` or ``weak``."""
    code = ord(char)
    if _in(code, _EAST_ASIAN):
        return "ea"
    if _in(code, _WEAK):
        return "weak"
    return "latin"


@cache
def is_ideograph(char: str) -> bool:
    """Han, kana or hangul (not punctuation): the East Asian side of the automatic East Asian/Western space."""
    return _in(ord(char), _IDEOGRAPHIC)


def is_alnum_latin(char: str) -> bool:
    """A Western letter or figure: the other side of that space."""
    return (char.isascii() and char.isalnum()) or (char.isalpha() and script(char) == "latin")


def can_break(before: str, after: str) -> bool:
    """Whether a line may break between ``before`` and ``after`` (adjacent characters of one paragraph).

    Besides the forbidden starts and ends, a closing bracket keeps a Western word or number after it on its line,
    as LibreOffice breaks them."""
    if after in SPACES or after in CANNOT_START or before in CANNOT_END or before == "\u00a0" or after == "\u00a0":
        return False
    if before in SPACES:
        return True
    if before in CLOSING and after.isascii() and after.isalnum():
        return False
    if script(before) == "ea" or script(after) == "ea":
        return True
    return before in "-/\u2010" and after.isalnum()

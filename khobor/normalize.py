"""Canonical text normalization and the lossy search key (policy: docs/normalization.md)."""
from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["normalize", "search_key", "to_ascii_digits", "to_bengali_digits", "bengali_share"]

ZWJ = "\u200d"
ZWNJ = "\u200c"
VIRAMA = "\u09cd"
NUKTA = "\u09bc"

_BN_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_ASCII = str.maketrans(_BN_DIGITS, "0123456789")
_TO_BENGALI = str.maketrans("0123456789", _BN_DIGITS)

# Characters that can never appear in normalized text; if none is present and the
# text is already NFC, most rules can be skipped (the common case for clean news).
_SUSPECT = re.compile(
    "[\r\u0085\u2028\u2029\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069\u034f"
    "\x00-\x08\x0b-\x1f\x7f-\x9f\t\u00a0\u2000-\u200a\u202f\u205f\u3000\u200c\u200d|\"'\u2010\u2011\u2212\u2015]"
    "|  |^ | $| \n|\n |\n\n\n|^\n|\n$"
)
# Only the dependent signs above are suspicious when doubled; a quick check for that:
_DOUBLE_SIGN = re.compile("([\u09be-\u09c4\u09c7\u09c8\u09cb\u09cc\u09d7\u09bc\u09cd])\\1|\u0985\u09be")

_LINE_ENDS = re.compile("\r\n|[\r\u0085\u2028\u2029]")
_INVISIBLE = re.compile(
    "[\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069\u034f\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
_SPACES = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_KHANDA_TA = re.compile("\u09a4\u09cd\u200d")
_REPEAT_SIGN = re.compile("([\u09be-\u09c4\u09c7\u09c8\u09cb\u09cc\u09d7\u09bc\u09cd])\\1+")
_DOUBLE_NUKTA = re.compile("([\u09dc\u09dd\u09df])\u09bc|(\u09bc)\u09bc+")

_BN = "\u0980-\u09ff"
_BN_SIGN = "\u0981-\u0983\u09bc\u09be-\u09cd\u09d7\u09e2\u09e3"
# The ra + ya-phala shape (র‍্য): three typings, one canonical form র + ZWJ + virama.
_RA_YAPHALA = re.compile("\u09b0(?:[\u200d\u200c]\u09cd|\u09cd\u200d)(?=\u09af)")


def _emojiish(ch: str) -> bool:
    o = ord(ch) if ch else 0
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF or o == 0xFE0F or 0x2190 <= o <= 0x21FF or 0x2B00 <= o <= 0x2BFF


def _drop_stray_zwj(text: str) -> str:
    out = []
    last = 0
    i = text.find(ZWJ)
    while i != -1:
        keep = (text[i - 1:i] == "\u09b0" and text[i + 1:i + 2] == VIRAMA) or (
            _emojiish(text[i - 1:i]) and _emojiish(text[i + 1:i + 2]))
        if not keep:
            out.append(text[last:i])
            last = i + 1
        i = text.find(ZWJ, i + 1)
    out.append(text[last:])
    return "".join(out)


# ZWNJ: kept after a virama, or between two Bengali letters/signs.
_ZWNJ_STRAY = re.compile(f"(?<![{_BN}])\u200c|\u200c(?![{_BN}])")
_PIPE_DANDA = re.compile("(?<=[\u0980-\u09e5\u09f0-\u09ff])(\\|\\|?)")
_RUNS = re.compile(" {2,}")
_LINE_TRIM = re.compile(" *\n *")
_BLANKS = re.compile("\n{3,}")
_DQUOTE = re.compile('"')
_SQUOTE = re.compile("'")
_OPENERS = set(" \n([{<\u2014\u2013-\u2018\u201c«")


def _curl(text: str, quote: str, opening: str, closing: str) -> str:
    out = []
    last = 0
    for m in re.finditer(re.escape(quote), text):
        i = m.start()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        out.append(text[last:i])
        out.append(opening if (prev in _OPENERS or prev.isspace()) and not nxt.isspace() else closing)
        last = i + 1
    out.append(text[last:])
    return "".join(out)


def normalize(text: str) -> str:
    """Return the canonical form of `text` (see docs/normalization.md)."""
    if not text:
        return ""
    if unicodedata.is_normalized("NFC", text) and not _SUSPECT.search(text) and not _DOUBLE_SIGN.search(text):
        return text.strip()
    text = _LINE_ENDS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if "\u0985\u09be" in text:
        text = text.replace("\u0985\u09be", "\u0986")
    if "\u09a4\u09cd\u200d" in text:
        text = _KHANDA_TA.sub("\u09ce", text)
    if _DOUBLE_SIGN.search(text):
        text = _REPEAT_SIGN.sub(r"\1", text)
    text = _DOUBLE_NUKTA.sub(lambda m: m.group(1) or m.group(2), text)
    if ZWJ in text or ZWNJ in text:
        text = _RA_YAPHALA.sub("\u09b0\u200d\u09cd", text)
    if ZWJ in text:
        text = _drop_stray_zwj(text)
    if ZWNJ in text:
        text = _ZWNJ_STRAY.sub("", text)
    if "|" in text:
        text = _PIPE_DANDA.sub(lambda m: "\u0964" if len(m.group(1)) == 1 else "\u0965", text)
    if '"' in text:
        text = _curl(text, '"', "\u201c", "\u201d")
    if "'" in text:
        text = _curl(text, "'", "\u2018", "\u2019")
    text = text.replace("\u2010", "-").replace("\u2011", "-").replace("\u2212", "-").replace("\u2015", "\u2014")
    text = _SPACES.sub(" ", text)
    text = _RUNS.sub(" ", text)
    text = _LINE_TRIM.sub("\n", text)
    text = _BLANKS.sub("\n\n", text)
    # NFC once more: removing characters can bring a base and a sign together.
    return unicodedata.normalize("NFC", text).strip()


def to_ascii_digits(text: str) -> str:
    """Return `text` with Bengali digits replaced by ASCII digits."""
    return text.translate(_TO_ASCII)


def to_bengali_digits(text: str) -> str:
    """Return `text` with ASCII digits replaced by Bengali digits."""
    return text.translate(_TO_BENGALI)


_KEY_MAP = str.maketrans({
    "ী": "ি", "ূ": "ু", "ঈ": "ই", "ঊ": "উ", "ণ": "ন", "শ": "স", "ষ": "স", "ৎ": "ত", "ঙ": "ং",
    ZWJ: None, ZWNJ: None, "ঁ": None, **{d: str(i) for i, d in enumerate(_BN_DIGITS)},
})
_KEY_SEP = re.compile(r"[-\u2010-\u2015/\\]")
_KEY_PUNCT = re.compile(r"[^\w\s\u0980-\u09f1\u09fc-\u09fe]|_")
_KEY_FINAL_VIRAMA = re.compile("\u09cd(?=\\s|$)")
_KEY_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def search_key(text: str) -> str:
    """Return the lossy matching key of `text`: spelling variants fold together."""
    key = normalize(text).casefold().translate(_KEY_MAP)
    key = _KEY_SEP.sub(" ", key)
    key = _KEY_PUNCT.sub("", key)
    key = _KEY_FINAL_VIRAMA.sub("", key)
    return _KEY_SPACE.sub(" ", key).strip()


_BN_CHAR = re.compile("[\u0980-\u09e5\u09f0-\u09ff]")
_OTHER_LETTER = re.compile(r"[^\W\d_\u0980-\u09ff]")


def bengali_share(text: str, sample: int = 20000) -> float:
    """Return the share of letters (with their signs) in (a sample of) `text` that are Bengali, 0.0 to 1.0."""
    part = text[:sample]
    bn = len(_BN_CHAR.findall(part))
    other = len(_OTHER_LETTER.findall(part))
    return bn / (bn + other) if bn + other else 0.0

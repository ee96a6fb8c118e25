"""Segmentation with character offsets: paragraphs, sentences and tokens (rules: docs/segmentation.md)."""
from __future__ import annotations

import bisect
import re

from .lang import bn

__all__ = ["paragraph_spans", "sentence_spans", "tokenize", "token_offsets", "segment"]

_BN_LETTERS = "\u0980-\u09e5\u09f0\u09f1\u09fc-\u09fe"
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf"
# One alternation that covers every character of the text, most frequent branches first.
# Each piece is a token with at most one leading space (' রাশিয়ার'), or a run of other white space;
# pieces add up to the text, so offsets come from their lengths without per-token match objects.
_PIECE = re.compile(
    " ?(?:"
    f"[{_BN_LETTERS}][{_BN_LETTERS}০-৯\u200c\u200d]*"              # Bengali word (ZWJ/ZWNJ kept inside)
    r"|[।,;:?!’‘“”()\-—–]"                                          # common punctuation, early for speed
    r"|\s+"                                                       # white space
    r"|[0-9]+[A-Za-z][A-Za-z0-9]*"                                 # 5G, 4K
    f"|[0-9০-৯]+(?:[.,:/][0-9০-৯]+)*[{_BN_LETTERS}\u200c\u200d]*"  # number, with attached classifier (৪৫৮টি)
    r"|(?:https?://|www\.)[^\s<>“”‘’«»]*[^\s<>“”‘’«».,;:!?।)\]]"    # URL
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"        # e-mail
    r"|[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*(?:['’][A-Za-z]+)*"  # Latin word
    r"|\.{2,}"                                                     # ASCII ellipsis
    r"|[\U0001f1e6-\U0001f1ff]{2}"                                  # flag
    f"|[{_EMOJI}][\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[{_EMOJI}][\ufe0f\U0001f3fb-\U0001f3ff]*)*"  # emoji
    r"|\S"                                                         # any other character
    ")"
)

# A terminator run, its closing quotes/brackets, and a closing quote typed after a space ('হয়। ’').
_CANDIDATE = re.compile(r"[।॥?!.…]+(?:[’”»›)\]}]| [’”](?=\s|$)| [।॥]+(?=\s|$))*")
_CLOSERS = "’”»›)]}"
_OPENERS = "‘“«‹([{"
_CONTINUE = ",;—–-"
_DIGITS = re.compile(r"[0-9০-৯]+")
_LATIN_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return paragraph (start, end) offsets: blank-line blocks if the text has blank lines, else lines."""
    sep = "\n\n" if "\n\n" in text else "\n"
    spans = []
    pos = 0
    n = len(text)
    while pos < n:
        cut = text.find(sep, pos)
        end = n if cut == -1 else cut
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = end + len(sep) if cut != -1 else n
    return spans


def _word_before(text: str, dot: int, floor: int) -> tuple[int, str]:
    """Return (start, word) of the non-space run that ends at `dot`, without opening brackets or quotes."""
    i = dot
    while i > floor and not text[i - 1].isspace():
        i -= 1
    while i < dot and text[i] in _OPENERS:
        i += 1
    return i, text[i:dot]


def _is_abbreviation(word: str) -> bool:
    if not word:
        return False
    if word in bn.abbreviations() or word in bn.initials():
        return True
    if _LATIN_INITIALS.fullmatch(word):
        return True
    parts = word.split(".")
    return len(parts) > 1 and all(p in bn.initials() for p in parts)


def _is_boundary(text: str, m: re.Match, start: int, end: int, merges: list | None) -> bool:
    """Decide whether the terminator run `m` ends a sentence (the rare, non-danda cases)."""
    a, b = m.span()
    run = m.group().rstrip(_CLOSERS + " ।॥") or m.group()[:1]
    term_end = a + len(run)
    nxt = text[b] if b < end else ""
    if "।" in run or "॥" in run:
        return True
    if nxt and not (nxt.isspace() or nxt in _OPENERS):
        return False                                   # 'bdnews24.com', '১২.০৩', 'কী?না'
    if "?" in run or "!" in run:
        return not (a > start and text[a - 1] == "(" and b > term_end)   # '(!)'
    if run != ".":
        return False                                   # an ellipsis inside a paragraph
    w0, word = _word_before(text, a, start)
    if _is_abbreviation(word):
        if merges is not None:
            merges.append((w0, term_end))
        return False
    if _DIGITS.fullmatch(word) and not text[start:w0].strip():
        return False                                   # list marker '১. '
    return True


def sentence_spans(text: str, start: int, end: int, merges: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Return sentence (start, end) offsets inside one paragraph [start, end).

    If `merges` is given, (start, end) ranges of abbreviations whose dot belongs to the
    word (ড., এ. কে. এম.) are appended to it, for the tokenizer.
    """
    spans = []
    s = start
    cont = _CONTINUE
    for m in _CANDIDATE.finditer(text, start, end):
        b = m.end()
        if b >= end:
            break
        if m.group() != "।" and not _is_boundary(text, m, start, end, merges):
            continue
        j = b
        while j < end and text[j] in " \n":
            j += 1
        if j < end and text[j] in cont:
            continue                                   # ‘…?’, বলেন তিনি। / ‘…।’ — বলেন
        spans.append((s, b))
        s = j
    if s < end:
        spans.append((s, end))
    return spans


def tokenize(text: str) -> list[str]:
    """Return the text cut into pieces: a token with at most one leading space, or a run of white space.

    The pieces add up to the text; `token_offsets` turns them into token offsets.
    """
    return _PIECE.findall(text)


def token_offsets(pieces: list[str], merges: list[tuple[int, int]] | None = None) -> tuple[list[int], list[int]]:
    """Return (starts, ends) of the tokens in `pieces`; each (start, end) in `merges` becomes one token."""
    starts, ends = [], []
    pos = 0
    for p in pieces:
        nxt = pos + len(p)
        if not p[-1].isspace():
            starts.append(pos + (p[0] == " "))
            ends.append(nxt)
        pos = nxt
    if merges:
        for a, b in reversed(merges):
            i = bisect.bisect_left(starts, a)
            j = bisect.bisect_left(ends, b)
            if i < j < len(ends) and starts[i] == a and ends[j] == b and all(
                    ends[k] == starts[k + 1] for k in range(i, j)):   # never join across white space
                del starts[i + 1:j + 1]
                del ends[i:j]
    return starts, ends


def segment(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[str], list[tuple[int, int]]]:
    """Return (paragraphs, sentences, pieces, merges) for normalized `text` (see `token_offsets`)."""
    paragraphs = paragraph_spans(text)
    merges: list[tuple[int, int]] = []
    sentences = []
    for a, b in paragraphs:
        sentences.extend(sentence_spans(text, a, b, merges))
    return paragraphs, sentences, tokenize(text), merges

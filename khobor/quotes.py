"""Direct quotes and their speakers.

A quote is text inside “…”, ‘…’ or «…» (possibly over several sentences), or a speaker's words after
a colon or dash (`তিনি বলেন: …`, `তিনি বলেন — …`). Its speaker comes from the sentence where the quote ends or begins:

- after the quote: `“…”, বলেন X।`, `“…” — X জানান।`, `“…”, বলেছেন তিনি।`;
- before it: `X বলেন, “…”`, `X-এর ভাষায়, “…”`, `X-এর বিবৃতিতে বলা হয়েছে, “…”`;
- a quote that stands alone continues the speaker of the previous quote or of the previous
  sentence's speech verb (`তিনি বলেন,` then the quote).

Pronouns (তিনি, তাঁরা, তাঁর) resolve to the nearest person named before them. A short quoted phrase
with no speaker (a scare quote, a name) is not a quote. Speech verbs come from lang/bn/ner_cues.tsv
(kind `speech`).
"""
from __future__ import annotations

import bisect
import functools
import re

from .document import Document, Entity, Quote
from .normalize import search_key

__all__ = ["find_quotes"]

_PAIRS = {"“": "”", "‘": "’", "«": "»"}
_MARKS = re.compile("[“”‘’«»]")
_PRONOUNS = frozenset(search_key(w) for w in (
    "তিনি", "তিনিও", "তিনিই", "তাঁরা", "তারা", "তাঁর", "তার", "উনি", "তাঁদের", "তাদের", "সে", "তাঁকে", "তাকে"))
_GENITIVE_CUES = frozenset(search_key(w) for w in (
    "ভাষায়", "মতে", "বিবৃতিতে", "বক্তব্যে", "ভাষ্য", "ভাষ্যে", "দাবি", "কথায়", "পোস্টে", "ফেসবুক", "টুইটে",
    "বার্তায়", "প্রতিবেদনে", "বিজ্ঞপ্তিতে"))
_ROLE_MODIFIERS = frozenset(search_key(w) for w in ("ডেপুটি", "উপ", "সহকারী", "সাবেক", "ভারপ্রাপ্ত", "অতিরিক্ত",
                                                    "যুগ্ম", "সহ"))
_WORD = re.compile(r"[\u0980-\u09ffA-Za-z\u200c\u200d]+")
_MIN_WORDS_UNATTRIBUTED = 5


@functools.lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    from .ner import cues
    out = {k for k, kinds in cues().items() if "speech" in kinds}
    out.update(search_key(w) for w in ("বলেন", "বলেছেন", "বললেন", "বলেছে", "জানান", "জানিয়েছেন",
                                       "জানায়", "জানিয়েছে", "লিখেছেন", "প্রশ্ন", "মন্তব্য", "উল্লেখ", "যোগ"))
    out.difference_update(search_key(w) for w in ("বলে", "জানা", "বলা"))    # 'that', 'known': not speech alone
    return frozenset(out)


def _is_cue(word: str) -> bool:
    return search_key(word) in _speech()


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (open, close) offsets of paired quote marks (outermost pairs; apostrophes skipped)."""
    out = []
    stack: list[tuple[str, int]] = []
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _PAIRS and not (ch == "‘" and stack and stack[-1][0] == "“"):
            stack.append((ch, i))
        elif stack and ch == _PAIRS[stack[-1][0]]:
            if ch == "’" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
                continue                         # an apostrophe inside a word: দু’পাড়ে
            opener, j = stack.pop()
            if not stack:
                out.append((j, i))
        elif ch == "”" and stack and stack[-1][0] == "‘":
            stack.clear()                        # mismatched marks: give up on this pair
    return out


class _Attributor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.ents = sorted((e for e in doc.entities if e.label in ("PER", "ORG", "GPE", "NORP")),
                           key=lambda e: e.start)
        self.starts = [e.start for e in self.ents]
        self.sent_starts = [s.start for s in doc.sentences]

    def sentence(self, offset: int):
        k = max(0, bisect.bisect_right(self.sent_starts, offset) - 1)
        return self.doc.sentences[k] if self.doc.sentences else None

    def entities_in(self, a: int, b: int) -> list[Entity]:
        lo = bisect.bisect_left(self.starts, a)
        out = []
        for e in self.ents[lo:]:
            if e.start >= b:
                break
            if e.end <= b:
                out.append(e)
        return out

    def last_person_before(self, offset: int, window: int = 1500) -> Entity | None:
        lo = bisect.bisect_left(self.starts, max(0, offset - window))
        hi = bisect.bisect_left(self.starts, offset)
        for e in reversed(self.ents[lo:hi]):
            if e.label == "PER":
                return e
        for e in reversed(self.ents[lo:hi]):
            if e.label == "ORG":
                return e
        return None

    def words(self, a: int, b: int) -> list[tuple[int, int, str]]:
        return [(m.start() + a, m.end() + a, m.group()) for m in _WORD.finditer(self.text[a:b])]

    def role_holder(self, role_key: str, offset: int) -> Entity | None:
        """Return the person last named after this role word (গভর্নর আহসান এইচ মনসুর) before offset,
        else the last person named before offset."""
        lo = bisect.bisect_left(self.starts, max(0, offset - 3000))
        hi = bisect.bisect_left(self.starts, offset)
        for e in reversed(self.ents[lo:hi]):
            if e.label != "PER":
                continue
            before = _WORD.findall(self.text[max(0, e.start - 60):e.start])
            while before and before[-1] in ("ড", "ডা", "মো", "মোসা", "মোছা", "প্রফেসর", "অধ্যাপক"):
                before.pop()                     # honorifics between the role and the name
            if before and _role_key(before[-1]) == role_key and \
                    (len(before) < 2 or search_key(before[-2]) not in _ROLE_MODIFIERS):
                return e
        return self.last_person_before(offset)

    def speaker_in(self, a: int, b: int, *, prefer_last: bool) -> tuple[Entity | None, str | None, bool]:
        """Find a speech cue in text[a:b] and its speaker; return (entity, cue, found_cue).

        Candidates are named persons and organisations (not an addressee in the dative, not a
        genitive that only qualifies a role: মোহনবাগানের কোচ), pronouns (তিনি) and role words
        (গভর্নর, এই আইনজীবী), which resolve to the person they refer to. The nearest to the cue wins.
        """
        words = self.words(a, b)
        cue_at = [k for k, (_, _, w) in enumerate(words) if _is_cue(w)]
        gen_at = [k for k, (_, _, w) in enumerate(words) if search_key(w) in _GENITIVE_CUES]
        if not cue_at and not gen_at:
            return None, None, False
        k = (cue_at or gen_at)[-1 if prefer_last else 0]
        cue_start, cue_end, cue = words[k]
        ents = [e for e in self.entities_in(a, b) if e.label in ("PER", "ORG")]
        cands = []                      # (distance, kind, payload, position)
        for e in ents:
            last = self.text[e.start:e.end].split()[-1]
            if last.endswith("কে"):
                continue                # an addressee: বিবিসি বাংলাকে বলেন
            following = _WORD.findall(self.text[e.end:e.end + 40])[:2]
            if last.endswith(("ের", "র")) and any(_role_key(w) is not None for w in following):
                continue                # qualifies a role: মোহনবাগানের স্প্যানিশ কোচ
            dist = cue_start - e.end if e.end <= cue_start else e.start - cue_end
            if dist >= 0:
                cands.append((dist, "entity", e, e.start))
        in_entity = [(e.start, e.end) for e in self.entities_in(a, b)]
        for s, e_, w in words:
            if any(x <= s < y for x, y in in_entity) or s == cue_start:
                continue
            dist = cue_start - e_ if e_ <= cue_start else s - cue_end
            if dist < 0:
                continue
            if search_key(w) in _PRONOUNS:
                cands.append((dist, "pronoun", None, s))
            else:
                rk = _role_key(w)
                if rk is not None and not any(x == e_ + 1 for x, _ in in_entity):
                    cands.append((dist, "role", rk, s))
        if not cands:
            return None, cue, True
        dist, kind, payload, pos = min(cands, key=lambda c: c[0])
        if kind == "entity":
            return payload, cue, True
        if kind == "pronoun":
            return self.last_person_before(pos), cue, True
        return self.role_holder(payload, pos), cue, True


@functools.lru_cache(maxsize=20_000)
def _role_key(word: str) -> str | None:
    """Return the base key of a role or title word (গভর্নর, শিক্ষামন্ত্রী, প্রধানমন্ত্রীর), else None."""
    from .morph import split_word
    from .ner import cues
    c = cues()
    for w in (word, split_word(word, aggressive=True)[0]):
        k = search_key(w)
        if "title" in c.get(k, ()):
            return k
    return None


def find_quotes(doc: Document) -> list[Quote]:
    """Return the direct quotes of a document with their speakers."""
    text = doc.text
    at = _Attributor(doc)
    out: list[Quote] = []
    last_speaker: tuple[Entity | None, int] | None = None
    for open_, close in _quote_spans(text):
        a, b = open_ + 1, close
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        s_open, s_close = at.sentence(open_), at.sentence(close)
        speaker, cue, found = None, None, False
        # after the quote, in the sentence where it ends: “…”, বলেন X।
        if s_close is not None:
            speaker, cue, found = at.speaker_in(close + 1, s_close.end, prefer_last=False)
            if found and speaker is None and s_open is not None and s_open.start < open_:
                # X ‘অস্ত্র’ হিসেবে ব্যবহার করছে বলে অভিযোগ করেন: the speaker stands before the quote
                before = [e for e in at.entities_in(s_open.start, open_) if e.label in ("PER", "ORG")
                          and not at.text[e.start:e.end].endswith("কে")]
                if before:
                    speaker = before[0] if before[0].label == "PER" else before[-1]
        # before the quote, in the sentence where it starts: X বলেন, “…”
        if not found and s_open is not None:
            speaker, cue, found = at.speaker_in(s_open.start, open_, prefer_last=True)
        # a colon or dash just before the quote, with a speaker in the previous sentence
        if not found and s_open is not None and s_open.start >= open_ - 1:
            prev = at.sentence(s_open.start - 2) if s_open.start > 1 else None
            if prev is not None and prev is not s_open:
                tail = text[prev.start:prev.end].rstrip()
                if tail.endswith((":", ",", "—", "বলেন", "জানান")):
                    speaker, cue, found = at.speaker_in(prev.start, prev.end, prefer_last=True)
        if not found and last_speaker is not None and open_ - last_speaker[1] < 400:
            speaker, found, cue = last_speaker[0], True, None      # a quote continuing the last one
        n_words = len(_WORD.findall(text[a:b]))
        if not found and n_words < _MIN_WORDS_UNATTRIBUTED:
            continue                              # a scare quote or a name
        if not found and not re.search(r"[।?!]\s*$", text[a:b]):
            continue
        q = Quote(doc, a, b, speaker.canonical if speaker else None, speaker.kb_id if speaker else None, cue,
                  speaker.start if speaker else None, speaker.end if speaker else None)
        out.append(q)
        if speaker is not None:
            last_speaker = (speaker, close)
    out.extend(_colon_quotes(doc, at, out))
    out.sort(key=lambda q: q.start)
    return out


def _colon_quotes(doc: Document, at: _Attributor, quotes: list[Quote]) -> list[Quote]:
    """`X বলেন: …` or `X বলেন — …` without quote marks: the rest of the sentence after the colon or dash."""
    text = doc.text
    taken = [(q.start, q.end) for q in quotes]
    out = []
    for s in doc.sentences:
        seg = text[s.start:s.end]
        m = re.search(r":|\s[—–]\s", seg)
        k = m.start() if m else -1
        if k <= 0 or k > len(seg) - 8:
            continue
        colon = s.start + k
        if any(a <= colon < b for a, b in taken) or any(ch in seg[k:] for ch in "“‘«"):
            continue
        speaker, cue, found = at.speaker_in(s.start, colon, prefer_last=True)
        if not found or cue is None or not text[s.start:colon].rstrip().endswith(tuple(_cue_words(text[s.start:colon]))):
            continue
        a = colon + len(m.group())
        while a < s.end and text[a].isspace():
            a += 1
        if s.end - a < 10:
            continue
        out.append(Quote(doc, a, s.end, speaker.canonical if speaker else None, speaker.kb_id if speaker else None,
                         cue, speaker.start if speaker else None, speaker.end if speaker else None))
    return out


def _cue_words(segment: str) -> list[str]:
    return [w for w in _WORD.findall(segment) if _is_cue(w)]

"""Events: who did what to whom, coded in PLOVER (type, mode) and CAMEO (code, QuadClass, Goldstein).

For each sentence:
1. Triggers: the longest match of a lexicon pattern (lang/bn/events.tsv: lemma sequences such as
   'হামলা চালানো', 'বৈঠক করা', 'নিন্দা জানানো') over the sentence's lemmas, allowing up to two words
   between pattern words ('তীব্র নিন্দা জানান').
2. Voice, negation, intent: 'করা হয়েছে' is passive (the unmarked noun is the recipient); 'করেনি',
   'না' negate (no event); a future or wanted action ('করবে', 'চায়') of a conflict type becomes
   THREATEN, of a cooperative type AGREE (an intent), as PLOVER codes them.
3. Actor: the first unmarked name in the clause before the trigger (a person, organisation, place or
   group; a pronoun resolved to the last person; or an actor noun such as পুলিশ, বিক্ষোভকারীরা from
   lang/bn/actor_nouns.tsv). 'X ও Y' and 'X-Y' give compound actors (one event each).
4. Recipient: a name marked with -কে, or followed by সঙ্গে, ওপর, বিরুদ্ধে, কাছে, প্রতি; for visits, the
   place visited ('চীনে সফর').
5. Codes: country (ISO alpha-3) + sector (GOV, MIL, COP, JUD, PTY, …) from the gazetteer entry, the
   title before a person's name, or the actor noun; date from the sentence's time expressions, else
   the publication date; location from a place in the sentence, else the dateline.
"""
from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .document import Document, Entity
from .lang import bn
from .normalize import search_key

__all__ = ["find_events", "Event", "lexicon"]

_MAX_GAP = 2
_RECIPIENT_POST = frozenset(search_key(w) for w in (
    "সঙ্গে", "সাথে", "ওপর", "উপর", "বিরুদ্ধে", "কাছে", "প্রতি", "সঙ্গেও", "বিপক্ষে"))
_NEGATION = frozenset(search_key(w) for w in ("না", "নি", "নয়", "নাই", "নেই"))
_PRONOUNS = frozenset(search_key(w) for w in ("তিনি", "তিনিও", "তাঁরা", "তারা", "উনি", "সে", "দেশটি", "দেশটির"))
_INSTITUTIONS = frozenset({"JUD", "COP", "GOV", "MIL"})   # 'আদালত রহিমকে …': the court acts on him
_PLURAL_PRONOUNS = frozenset(search_key(w) for w in ("তাঁরা", "তারা"))
_PASSIVE_AGENT = frozenset(search_key(w) for w in ("দ্বারা", "কর্তৃক"))
_INTENT = frozenset(search_key(w) for w in ("চায়", "চান", "চাইছে", "চাইছেন", "চেয়েছে", "চেয়েছেন"))
_CASE_SUFFIXES = ("কে", "ের", "এর", "র", "য়ের", "তে", "য়", "ে")
_SENTENCE_WORDS = frozenset(search_key(w) for w in ("কারাদণ্ড", "মৃত্যুদণ্ড", "সাজা", "জরিমানা", "যাবজ্জীবন", "রায়",
                                                     "দণ্ড"))
_COMPOUND_HEADS = frozenset(search_key(w) for w in ("মামলা", "ঘটনা", "প্রতিবাদ", "বিচার", "তদন্ত", "আসামি",
                                                    "দায়", "অভিযোগ", "কর্মসূচি", "চেষ্টা", "পরিকল্পনা", "আশঙ্কা"))
_OBJECT_PRONOUNS = frozenset(search_key(w) for w in ("তাঁকে", "তাকে", "তাঁদের", "তাদের", "তাঁকেও", "তাদেরকে",
                                                     "তাঁদেরকে", "ওকে", "ওদের"))
_SINGULAR_OBJECTS = frozenset(search_key(w) for w in ("তাঁকে", "তাকে", "তাঁকেও", "ওকে"))
_GENITIVE_PRONOUNS = frozenset(search_key(w) for w in ("তাঁর", "তার", "তাঁদের", "তাদের", "তাঁরই"))
_TOPIC_MARKERS = frozenset(search_key(w) for w in ("নিয়ে", "বিষয়ে", "প্রসঙ্গে", "সম্পর্কে"))
_COUNT_WORDS = frozenset(search_key(w) for w in ("দুজন", "তিনজন", "চারজন", "পাঁচজন", "একজন", "দুই", "তিন", "চার",
                                                 "পাঁচ", "ছয়", "সাত", "আট", "নয়", "দশ"))
_DEMONSTRATIVES = frozenset(search_key(w) for w in ("এই", "এ", "ওই", "সেই", "উক্ত"))
_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
_COOPERATIVE = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT", "CONCEDE", "RETREAT"})
_TITLE_SECTOR = {"মন্ত্রী": "GOV", "প্রধানমন্ত্রী": "GOV", "প্রেসিডেন্ট": "GOV", "রাষ্ট্রপতি": "GOV", "উপদেষ্টা": "GOV",
                 "মুখপাত্র": "GOV", "সচিব": "GOV", "রাষ্ট্রদূত": "GOV", "ওসি": "COP", "পুলিশ": "COP",
                 "কমিশনার": "COP", "বিচারপতি": "JUD", "বিচারক": "JUD", "সেনাপ্রধান": "MIL", "জেনারেল": "MIL",
                 "নেতা": "PTY", "সভাপতি": "PTY", "মহাসচিব": "PTY", "সাধারণ": "PTY", "এমপি": "LEG", "সাংসদ": "LEG"}


@dataclass(frozen=True)
class Rule:
    pattern: tuple[str, ...]
    type: str
    mode: str
    cameo: str
    quad_class: int
    goldstein: float


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, list[Rule]]:
    """Return first-lemma key → rules (longest pattern first) from lang/bn/events.tsv."""
    out: dict[str, list[Rule]] = {}
    if not bn.data_path("events.tsv").is_file():
        return out
    for row in bn.read_lines("events.tsv")[1:]:
        cols = row.split("\t")
        if len(cols) < 6:
            continue
        pattern = tuple(search_key(w) for w in cols[0].split())
        if not pattern:
            continue
        rule = Rule(pattern, cols[1], cols[2], cols[3], int(cols[4]), float(cols[5]))
        out.setdefault(pattern[0], []).append(rule)
    for rules in out.values():
        rules.sort(key=lambda r: -len(r.pattern))
    return out


@functools.lru_cache(maxsize=1)
def _actor_nouns() -> dict[str, tuple[str, str]]:
    out = {}
    for row in bn.read_lines("actor_nouns.tsv")[1:]:
        cols = row.split("\t")
        if len(cols) == 3:
            out[search_key(cols[0])] = (cols[1], cols[2])
    return out


@functools.lru_cache(maxsize=1)
def _sectors() -> dict[str, str]:
    from . import gazetteer
    return {e.id: e.sector for e in gazetteer.load().entries if e.sector}


@dataclass
class Party:
    """An actor or recipient: its mention (if any), canonical name, id and CAMEO code."""

    text: str
    canonical: str | None
    id: str | None = None
    code: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "canonical": self.canonical, "id": self.id, "code": self.code,
                "start": self.start, "end": self.end}


@dataclass
class Event:
    """One coded event with its evidence."""

    type: str
    mode: str
    cameo: str
    quad_class: int
    goldstein: float
    actor: Party | None
    recipient: Party | None
    sentence: int
    trigger: tuple[int, int]
    date: str | None = None
    location: str | None = None
    confidence: float = 0.5
    negated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, doc: Document) -> dict[str, Any]:
        return {"type": self.type, "mode": self.mode, "cameo": self.cameo, "quad_class": self.quad_class,
                "goldstein": self.goldstein, "actor": self.actor.to_dict() if self.actor else None,
                "recipient": self.recipient.to_dict() if self.recipient else None, "date": self.date,
                "location": self.location, "sentence": self.sentence,
                "evidence": {"start": self.trigger[0], "end": self.trigger[1],
                             "text": doc.text[self.trigger[0]:self.trigger[1]]},
                "confidence": round(self.confidence, 2)}


@functools.lru_cache(maxsize=50_000)
def _case(word: str) -> str:
    """Return the case suffix a word carries ('' if none), through morphology: 'রাশিয়ার' → 'র', but
    'কাতার' and 'সফর' end in র without a suffix."""
    from .morph import known_base, split_word
    _, sfx = split_word(word)
    if not sfx and not known_base(word):
        _, sfx = split_word(word, aggressive=True)
    case = [s for s in sfx if s in _CASE_SUFFIXES]
    return case[-1] if case else ""


class _Sentence:
    def __init__(self, doc: Document, index: int, a: int, b: int, home: str):
        self.doc = doc
        self.index = index
        text = doc.text
        starts, ends = doc.token_offsets
        lemmas = doc.lemmas or []
        self.toks = [(starts[k], ends[k], text[starts[k]:ends[k]], lemmas[k] if lemmas else text[starts[k]:ends[k]])
                     for k in range(a, b)]
        self.keys = doc.lemma_keys()[a:b] if lemmas else [search_key(t[2]) for t in self.toks]
        self.wkeys = [search_key(t[2]) for t in self.toks]
        self.home = home
        self.entity_spans: list[tuple[int, int]] = []
        self.last_group: Party | None = None      # the last unnamed group that acted ('বিনিয়োগকারীরা')
        self.entities: list[Entity] = []

    def entities_near(self, offset: int, span: int = 40) -> list[Entity]:
        """Return the sentence's entities that start within `span` characters after `offset`."""
        return [e for e in self.entities if offset < e.start <= offset + span]

    def triggers(self):
        lex = lexicon()
        out = []
        n = len(self.toks)
        i = 0
        while i < n:
            rules = lex.get(self.keys[i]) or lex.get(self.wkeys[i])
            best = None
            if rules:
                for rule in rules:
                    end = self._match(i, rule.pattern)
                    if end is not None:
                        best = (end, rule)
                        break
            if best and len(best[1].pattern) == 1 and self.keys[i] != self.wkeys[i] and _case(self.toks[i][2]):
                best = None                      # 'নিষেধাজ্ঞার', 'বৈঠকে': a reference, not an event
            if best and len(best[1].pattern) == 1 and i + 1 < n and self.keys[i + 1] in _COMPOUND_HEADS:
                best = None                      # 'হত্যা মামলায়', 'হামলার ঘটনায়': a compound noun
            if best and len(best[1].pattern) == 1 and (
                    self.toks[i][2].endswith(("টি", "টা")) or (i > 0 and self.wkeys[i - 1] in _DEMONSTRATIVES)):
                best = None                      # 'চুক্তিটি', 'এই ফোনালাপ': the event already told
            if best and any(a <= self.toks[i][0] < b for a, b in self.entity_spans):
                best = None                      # inside a name: 'ইসলামি সহযোগিতা সংস্থা'
            if best and len(best[1].pattern) == 1 and i + 1 < n and (
                    self.toks[i + 1][2] == "," and self.wkeys[i] == search_key("দাবি")
                    or self.toks[i + 1][2][:1] in "০১২৩৪৫৬৭৮৯0123456789" or self.keys[i + 1] in _COUNT_WORDS):
                best = None                      # 'X-এর দাবি, …' (a claim); 'গ্রেপ্তার দুজন' (the arrested two)
            if best and len(best[1].pattern) == 1 and i + 1 < n and best[1].type == "COERCE" and (
                    any(e.start == self.toks[i + 1][0] and e.label == "PER" for e in self.entities)
                    or _is_people_word(self.toks[i + 1][2])):
                best = None                      # 'গ্রেপ্তার আবছার', 'গ্রেপ্তার ব্যক্তিরা': the arrested, not an arrest

            if best:
                out.append((i, best[0], best[1]))
                i = best[0]
            else:
                i += 1
        # a bare noun right before another trigger is its object: 'অভিযোগ প্রত্যাখ্যান করেছে'; a bare noun
        # joined by 'এবং'/'ও' to a trigger of the same type shares its verb: 'কারাদণ্ড এবং … জরিমানা করা হয়েছে'
        conj = (search_key("এবং"), search_key("ও"))
        out = [x for k, x in enumerate(out)
               if not (len(x[2].pattern) == 1 and k + 1 < len(out) and (
                   out[k + 1][0] - x[1] <= 1 or out[k + 1][2].type == x[2].type and out[k + 1][0] - x[1] <= 5
                   and any(self.wkeys[t] in conj for t in range(x[1], out[k + 1][0]))))]
        # nouns listed as the topic of talk: '… সীমান্ত হত্যা … নিয়ে আলোচনা করেন'
        topic_at = [k for k, w in enumerate(self.wkeys) if w in _TOPIC_MARKERS]
        return [x for x in out if not (len(x[2].pattern) == 1 and any(x[1] <= k for k in topic_at)
                                       and any(y[0] > max(k for k in topic_at if k >= x[1]) for y in out))]

    def _match(self, i: int, pattern: tuple[str, ...]) -> int | None:
        k = i
        for p_i, p in enumerate(pattern):
            if p_i == 0:
                if p not in (self.keys[k], self.wkeys[k]):
                    return None
                k += 1
                continue
            for gap in range(_MAX_GAP + 1):
                j = k + gap
                if j >= len(self.toks) or not self.toks[j][2][:1].isalpha() and not "\u0980" <= self.toks[j][2][:1] <= "\u09ff":
                    return None
                if p in (self.keys[j], self.wkeys[j]):
                    k = j + 1
                    break
                if self.keys[j] in lexicon():
                    return None              # never skip over another trigger (অভিযোগ প্রত্যাখ্যান করেছে)
            else:
                return None
        return k


def _home_country(doc: Document) -> str:
    c = Counter(e.country for e in doc.entities if e.label in ("GPE", "LOC") and e.country)
    if c:
        return c.most_common(1)[0][0]
    return "IND" if (doc.meta.outlet or "").lower().startswith(("anandabazar", "bartaman")) else "BGD"


def _party_from_entity(doc: Document, e: Entity, home: str, title: str | None) -> Party:
    sector = _sectors().get(e.kb_id or "", "")
    country = e.country or ""
    if e.label in ("GPE", "NORP") and not sector:
        code = country or None
    elif e.label == "PER":
        sector = sector or (_TITLE_SECTOR.get(title, "") if title else "")
        code = (country or home) + sector
    else:
        code = ((country or ("" if sector in ("IGO", "NGO", "MED") else home)) + sector) or None
    return Party(doc.text[e.start:e.end], e.canonical, e.kb_id, code or None, e.start, e.end)


def find_events(doc: Document) -> list[Event]:
    """Return the events of a document."""
    if not lexicon():
        return []
    home = _home_country(doc)
    ents = sorted(doc.entities, key=lambda e: e.start)
    ent_starts = [e.start for e in ents]
    starts, ends = doc.token_offsets
    sent_times: dict[int, str] = {}
    for t in doc.times:
        if t.value and t.value[:4].isdigit():
            k = doc.sentence_of(t.start)
            sent_times.setdefault(k, t.value.split("/")[0][:10])
    published = doc.meta.published
    dateline = (doc.article or {}).get("dateline") or {}
    out: list[Event] = []
    last_person: Entity | None = None
    last_force: Party | None = None
    last_group: Party | None = None
    last_group_at = -9
    lex = lexicon()
    keys = doc.lemma_keys()
    text = doc.text
    for si, s in enumerate(doc.sentences):
        a = bisect.bisect_left(starts, s.start)
        b = bisect.bisect_left(starts, s.end)
        if not any(k in lex for k in keys[a:b]) and not any(search_key(text[starts[k]:ends[k]]) in lex
                                                             for k in range(a, b)):
            for e in ents[bisect.bisect_left(ent_starts, s.start):bisect.bisect_left(ent_starts, s.end)]:
                if e.label == "PER":
                    last_person = e
            continue                              # no trigger can start in this sentence
        sent = _Sentence(doc, si, a, b, home)
        sent_ents = [e for e in ents[bisect.bisect_left(ent_starts, s.start):bisect.bisect_left(ent_starts, s.end)]]
        sent.entity_spans = [(e.start, e.end) for e in sent_ents if e.label in ("ORG", "LOC")]
        sent.entities = sent_ents
        sent.last_group = last_group if last_group is not None and si - last_group_at <= 2 else None
        prev_end = 0
        shared = None
        for i, j, rule in sent.triggers():
            ev = _code_event(doc, sent, sent_ents, i, j, rule, prev_end, last_person, home, last_force, shared)
            if ev is None:                        # nobody in the reported clause: look at the whole one
                ev = _code_event(doc, sent, sent_ents, i, j, rule, prev_end, last_person, home, last_force, shared,
                                 restart=False)
            prev_end = j
            if ev is None:
                continue
            shared = ev.actor
            if ev.actor is not None and ev.actor.id is None and ev.actor.start is not None and \
                    search_key(ev.actor.text) not in _PRONOUNS:
                last_group, last_group_at = ev.actor, si
            if ev.type in ("COERCE", "ASSAULT", "MOBILIZE") and ev.actor is not None and \
                    (ev.actor.code or "").endswith(("COP", "MIL", "JUD")):
                last_force = ev.actor
            ev.date = sent_times.get(si) or published
            ev.location = _location(sent_ents, sent.toks[i][0], ev) or dateline.get("place")
            if out and out[-1].sentence == si and out[-1].type == ev.type and ev.type in ("COERCE", "ASSAULT") and \
                    doc.text[out[-1].trigger[0]:out[-1].trigger[1]].endswith(("য়ে", "িয়ে", "ে")) and \
                    out[-1].trigger[1] < ev.trigger[0]:
                out.pop()                         # 'অভিযান চালিয়ে … গ্রেপ্তার করে': the raid is how they arrested
            out.extend(_split_compound(ev))
        for e in sent_ents:
            if e.label == "PER":
                last_person = e
    covered = {e.sentence for e in out if e.type == "DISAPPROVE"}
    for ev in _quote_events(doc, home, covered):
        ev.date = sent_times.get(ev.sentence) or published
        out.append(ev)
    out.sort(key=lambda e: (e.sentence, e.trigger[0]))
    return out


@functools.lru_cache(maxsize=1)
def _critical() -> frozenset[str]:
    if not bn.data_path("critical_words.txt").is_file():
        return frozenset()
    return frozenset(search_key(w) for w in bn.read_lines("critical_words.txt"))


def _quote_events(doc: Document, home: str, covered: set[int]) -> list[Event]:
    """A quote whose words criticise or accuse (lang/bn/critical_words.txt) is a DISAPPROVE (CAMEO 111)
    by its speaker, aimed at the first person, organisation or state named in it."""
    crit = _critical()
    if not crit or not doc.quotes:
        return []
    starts, _ = doc.token_offsets
    keys = doc.lemma_keys()
    ents = sorted(doc.entities, key=lambda e: e.start)
    out = []
    for q in doc.quotes:
        if q.speaker is None or q.speaker_start is None:
            continue
        si = doc.sentence_of(q.start)
        if si in covered:
            continue
        a = bisect.bisect_left(starts, q.start)
        b = bisect.bisect_left(starts, q.end)
        if not any(k in crit for k in keys[a:b]):
            continue
        speaker = next((e for e in ents if e.start == q.speaker_start), None)
        if speaker is None:
            continue
        actor = _party_from_entity(doc, speaker, home, _title_before(doc, speaker))
        target = next((e for e in ents if q.start <= e.start < q.end and e.label in ("PER", "ORG", "GPE")
                       and e.canonical != speaker.canonical and (e.label != "GPE" or _is_state(e))), None)
        recipient = _party_from_entity(doc, target, home, None) if target else \
            _implied_recipient(home, "DISAPPROVE", actor)
        out.append(Event("DISAPPROVE", "criticize", "111", 3, -2.0, actor, recipient, si, (q.start, q.end),
                         confidence=0.5))
    return out


def _split_compound(ev: Event) -> list[Event]:
    extra = ev.extra.pop("co_actors", [])
    out = [ev]
    for p in extra:
        out.append(Event(ev.type, ev.mode, ev.cameo, ev.quad_class, ev.goldstein, p, ev.recipient, ev.sentence,
                         ev.trigger, ev.date, ev.location, ev.confidence))
    return out


def _title_before(doc: Document, e: Entity) -> str | None:
    import re
    words = re.findall(r"[\u0980-\u09ff\u200c\u200d]+", doc.text[max(0, e.start - 40):e.start])
    from .morph import split_word
    for w in reversed(words[-2:]):
        base = split_word(w, aggressive=True)[0]
        for key in (w, base):
            if key in _TITLE_SECTOR:
                return key
            for t in _TITLE_SECTOR:
                if key.endswith(t):
                    return t
    return None


def _code_event(doc, sent: _Sentence, sent_ents, i: int, j: int, rule: Rule, prev_end: int,
                last_person, home, last_actor=None, shared_actor=None, restart: bool = True) -> Event | None:
    toks = sent.toks
    n = len(toks)
    after = [sent.wkeys[k] for k in range(j, min(n, j + 3))]
    last_word = toks[j - 1][2]
    negated = any(w in _NEGATION for w in after[:2]) or last_word.endswith(("নি", "েনি", "ননি"))
    if negated:
        return None
    if len(rule.pattern) > 1 and last_word.endswith(("লে", "ার", "তে")) and not last_word.endswith("চালিয়ে"):
        return None                          # 'নিষেধাজ্ঞা দিলে' (if), 'বৈঠকে বসার' (to), 'মামলা করতে' (to)
    passive = len(rule.pattern) > 1 and any(sent.keys[k] == search_key("হওয়া") for k in range(j, min(n, j + 2)))
    if any(w in (search_key("হোক"), search_key("হবে")) for w in after[:2]) and passive or \
            any(w == search_key("হোক") for w in after[:3]):
        return None                          # 'আদালতে পাঠানো হবে' (planned), '… কার্যকর করা হোক' (wished)
    future = last_word.endswith(("বে", "বেন", "বো")) or any(w in _INTENT for w in after[:2])
    typ, mode, cameo, quad, gold = rule.type, rule.mode, rule.cameo, rule.quad_class, rule.goldstein
    if future and typ in _CONFLICT:
        typ, mode, cameo, quad, gold = "THREATEN", "", "138" if typ == "ASSAULT" else "130", 3, -4.4
    elif future and typ in _COOPERATIVE:
        typ, mode, cameo, quad, gold = "AGREE", "", "036" if typ == "CONSULT" else "030", 1, 4.0
    trig_start = toks[i][0]
    clause_start = toks[prev_end][0] if prev_end else toks[0][0]
    from .quotes import _is_cue
    for k in range(i - 1, max(prev_end, 0) - 1, -1):          # 'X জানান, কম্বোডীয় সেনারা … হামলা চালায়'
        if restart and k + 1 < i and toks[k + 1][2] == "," and _is_cue(toks[k][2]):
            clause_start = toks[k + 1][1]
            break
    for q in doc.quotes:
        if q.start <= trig_start < q.end and q.start > clause_start:
            clause_start = q.start               # inside a quote, the speaker is not the actor
            break
    head = doc.text[clause_start:trig_start]
    dash = max(head.find(" — "), head.find(" – "))
    if sent.index == 0 and dash != -1:
        clause_start += dash + 3                   # skip a dateline 'চট্টগ্রাম, ১৮ নভেম্বর —'
    before = [e for e in sent_ents if clause_start <= e.start and e.end <= trig_start and e.label in
              ("PER", "ORG", "GPE", "NORP")]
    actor = recipient = None
    co_actors: list[Party] = []
    unmarked, marked, skipped = [], [], []
    from .quotes import _role_key
    for n_e, e in enumerate(before):
        last = doc.text[e.start:e.end].split()[-1]
        nxt = _next_word(doc, e.end)
        if n_e and doc.text[before[n_e - 1].end:e.start].strip() == "(" and \
                _case(doc.text[before[n_e - 1].start:before[n_e - 1].end].split()[-1]) in ("ের", "এর", "র"):
            skipped.append(e)                     # 'দুর্নীতি দমন কমিশনের (দুদক)': the acronym of a genitive
            continue
        if e.label == "NORP" and _actor_noun(nxt) is not None:
            unmarked.append(e)                    # 'কম্বোডীয় সেনারা': the group acts
            continue
        following = _following_words(doc, e.end)
        if following and (following[0] in _COMPOUND_HEADS or lexicon().get(following[0])
                          and len(following) > 1 and following[1] in _COMPOUND_HEADS):
            skipped.append(e)                     # 'আবদুর রহিম (৪৫) হত্যা মামলায়': a modifier of a noun
            continue
        if any(_role_key(w) is not None for w in following[:3] if w not in ("এর",)) and e.label != "PER":
            skipped.append(e)                     # '… পার্টির চেয়ারম্যান পুষ্পকমল দাহাল': qualifies a role
            continue
        if nxt in (search_key("ও"), search_key("এবং")) and n_e + 1 < len(before):
            partner = before[n_e + 1]
            if _next_word(doc, partner.end) in _RECIPIENT_POST or _case(doc.text[partner.start:partner.end].split()[-1]) == "কে":
                marked.append(e)                  # 'জাপান ও মধ্যপ্রাচ্যের সঙ্গে': both are recipients
                continue
        if nxt in _RECIPIENT_POST or _case(last) == "কে":
            marked.append(e)
        elif e.label == "NORP" and not last.endswith("রা"):
            continue                              # 'রোহিঙ্গা প্রত্যাবাসন': a modifier, not a subject
        elif _case(last) in ("", ) or last.endswith("রা"):
            unmarked.append(e)
        elif rule.mode == "visit" and e.label in ("GPE", "LOC") and _case(last) in ("ে", "য়", "তে"):
            marked.append(e)
    if passive:
        people = [e for e in marked + unmarked if e.label in ("PER", "ORG", "NORP")] or \
            [e for e in skipped if e.label in ("PER", "ORG")]
        if people:
            recipient = _party_from_entity(doc, people[-1], home, _title_before(doc, people[-1]))
        agent = [e for e in sent_ents if e.start >= trig_start and _next_word(doc, e.end) in _PASSIVE_AGENT]
        if agent:
            actor = _party_from_entity(doc, agent[0], home, None)
        elif typ in ("COERCE", "SANCTION") and last_actor is not None:
            actor = last_actor                   # the force that acted in the story so far
        elif typ == "COERCE" and any(w in _SENTENCE_WORDS for w in rule.pattern):
            actor = Party("", "court", None, home + "JUD")       # a sentence is passed by a court
        elif typ == "COERCE":
            actor = Party("", "police", None, home + "COP")      # arrests and raids without an agent
    else:
        # people and organisations act; a place acts only as a state (ইরান হুমকি দিয়েছে)
        rank = {"PER": 0, "ORG": 0, "NORP": 1, "GPE": 1}
        unmarked = sorted(unmarked, key=lambda e: (rank[e.label], e.start))
        unmarked = [e for e in unmarked if e.label != "GPE" or _is_state(e)]
        if unmarked:
            first = unmarked[0]
            actor = _party_from_entity(doc, first, home, _title_before(doc, first))
            for e in unmarked[1:]:
                gap = doc.text[first.end:e.start].strip()
                if gap in ("ও", "এবং", "-", ",") and e.label == first.label:
                    co_actors.append(_party_from_entity(doc, e, home, _title_before(doc, e)))
                    first = e
                else:
                    break
        if actor is None and len(rule.pattern) == 1:
            # 'মোদীর অভিযোগ, …', 'অভিষেকের দাবি, …': the genitive before a statement noun speaks
            gen = [e for e in sent_ents if e.end <= trig_start and doc.text[e.end:trig_start].strip() == ""
                   and _case(doc.text[e.start:e.end].split()[-1]) in ("ের", "এর", "র") and e.label in ("PER", "ORG", "GPE")]
            if gen:
                actor = _party_from_entity(doc, gen[-1], home, _title_before(doc, gen[-1]))
            elif i > 0 and sent.wkeys[i - 1] in _GENITIVE_PRONOUNS and last_person is not None:
                p = _party_from_entity(doc, last_person, home, _title_before(doc, last_person))
                actor = Party(toks[i - 1][2], p.canonical, p.id, p.code, toks[i - 1][0], toks[i - 1][1])
        if actor is None:
            first_tok = next((k for k in range(prev_end, i) if toks[k][0] >= clause_start), i)
            actor = _generic_actor(doc, sent, i, first_tok, home, last_person)
        if actor is None:
            # a subject after the verb: 'অভিযোগ প্রত্যাখ্যান করেছে বিএসইসি'
            after_ents = [e for e in sent_ents if e.start >= toks[j - 1][1] and e.label in ("PER", "ORG", "GPE", "NORP")
                          and not _case(doc.text[e.start:e.end].split()[-1]) and (e.label != "GPE" or _is_state(e))]
            if after_ents:
                actor = _party_from_entity(doc, after_ents[0], home, _title_before(doc, after_ents[0]))
            else:                                 # '… মানববন্ধন করেছেন স্থানীয় ব্যবসায়ীরা'
                actor = _generic_actor(doc, sent, j, j, home, last_person, stop=min(n, j + 5))
        if actor is None and shared_actor is not None:
            actor = shared_actor                 # X ... আখ্যা দিয়ে ... প্রত্যাখ্যান করেছেন: one subject
        if actor is None and skipped:
            actor = _party_from_entity(doc, skipped[0], home, _title_before(doc, skipped[0]))
        marked = [e for e in marked if e.label in ("PER", "ORG") or rule.mode == "visit" or
                  (e.label == "GPE" and _is_state(e))]
        if not marked and actor is not None and actor.end is not None:
            # the owner of the object: 'বিরোধী দলের অভিযোগ প্রত্যাখ্যান করেন', 'যুক্তরাষ্ট্রের শুল্ককে দায়ী করেন'
            owners = [e for e in before if e.start >= actor.end and e.label in ("PER", "ORG", "GPE")
                      and _case(doc.text[e.start:e.end].split()[-1]) in ("ের", "এর", "র")
                      and (e.label != "GPE" or _is_state(e))]
            if owners:
                marked = owners[-1:]
        if marked:
            recipient = _party_from_entity(doc, marked[-1], home, _title_before(doc, marked[-1]))
        elif co_actors and typ in ("CONSULT", "AGREE", "COOPERATE") and doc.text[actor.end:co_actors[0].start].strip() == "-":
            recipient, co_actors = co_actors[0], co_actors[1:]         # পুতিন-রাইসি বৈঠক
    generic = _generic_recipient(doc, sent, i, prev_end, home, typ, passive, actor)
    if generic is not None and (recipient is None or recipient.start is not None and generic.start > recipient.start
                                and not passive):
        recipient = generic                      # the object nearest the verb: '… হত্যায় তিনজনকে গ্রেপ্তার'
    if recipient is None and passive and prev_end:
        # one object for coordinated or successive verbs: 'X-কে কারাদণ্ড এবং … জরিমানা করা হয়েছে'
        objs = [e for e in sent_ents if e.label == "PER" and e.end <= toks[prev_end - 1][1]
                and _case(doc.text[e.start:e.end].split()[-1]) == "কে"]
        if objs:
            recipient = _party_from_entity(doc, objs[-1], home, _title_before(doc, objs[-1]))
    if recipient is None and len(rule.pattern) > 1:
        # an object pronoun: 'তাঁদের গ্রেপ্তার করা হয়', 'তাঁকে কুপিয়ে …'
        for k in range(j - len(rule.pattern) - 1, (0 if passive else max(prev_end, 0)) - 1, -1):
            if 0 <= k < i and sent.wkeys[k] in _OBJECT_PRONOUNS and (actor is None or actor.start != toks[k][0]):
                single = sent.wkeys[k] in _SINGULAR_OBJECTS
                who = last_person.canonical if last_person is not None and single else None
                code = None if single else home + ("CRM" if typ == "COERCE" else "CVL")
                recipient = Party(toks[k][2], who or "them", None, code, toks[k][0], toks[k][1])
                break
    if actor is not None and recipient is not None and actor.canonical == recipient.canonical:
        actor = last_actor if typ == "COERCE" and last_actor is not None else None   # nobody acts on themself
    if recipient is None:
        recipient = _implied_recipient(home, typ, actor)
    if (typ in _MUTUAL_TYPES or cameo in _MUTUAL_CAMEO) and (recipient is None or recipient.id is None):
        pair = _mutual_pair(doc, sent, sent_ents, home, i if len(rule.pattern) > 1 else 0)
        if pair and (actor is None or actor.start == pair[0].start):
            actor, recipient = pair              # 'দুই নেতার মধ্যে ফোনালাপ হয়', 'X ও Y-এর সংঘর্ষ'
    if actor is None and recipient is None:
        return None
    if mode == "investigate" and (recipient is None or recipient.start is None):
        return None                              # a probe of nobody named ('তদন্ত কমিটি গঠন'): not an event
    if typ in ("COOPERATE", "AID") and mode == "economic" and actor is not None and actor.id and \
            actor.id.startswith("khobor:per:") and not (actor.code or "").endswith("GOV"):
        return None                              # a private person's investment is not a political act
    conf = 0.5 + 0.25 * (actor is not None and actor.start is not None) + 0.15 * (recipient is not None)
    ev = Event(typ, mode, cameo, quad, gold, actor, recipient, sent.index, (toks[i][0], toks[j - 1][1]),
               confidence=min(conf, 0.95))
    ev.extra["co_actors"] = co_actors
    return ev


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    from . import gazetteer
    return frozenset(e.id for e in gazetteer.load().entries if e.label == "GPE" and e.source == "countries.tsv")


def _is_state(e: Entity) -> bool:
    """A country (or a state of one) can act; a town or district cannot."""
    return (e.kb_id or "") in _countries()


def _actor_noun(key: str):
    from .morph import split_word
    nouns = _actor_nouns()
    return nouns.get(key) or nouns.get(search_key(split_word(key, aggressive=True)[0]))


_PEOPLE = frozenset(search_key(w) for w in ("ব্যক্তি", "লোক", "লোকজন", "যুবক", "নারী", "পুরুষ", "কিশোর", "তরুণ"))


def _is_people_word(word: str) -> bool:
    """'ব্যক্তিরা', 'আসামিদের', 'যুবককে': a noun for people (or an actor noun), in any case."""
    from .morph import split_word
    base = search_key(split_word(word, aggressive=True)[0])
    return base in _PEOPLE or search_key(word) in _PEOPLE or _actor_nouns().get(base) is not None


def _following_words(doc: Document, pos: int) -> list[str]:
    """Return search keys of the next few words after pos, skipping a bracket such as an age '(৪৫)'."""
    import re
    tail = doc.text[pos:pos + 80]
    tail = re.sub(r"^\s*\([^)]{0,20}\)", "", tail)
    tail = re.sub(r"^-?এর\b", "", tail.lstrip())
    return [search_key(w) for w in re.findall(r"[\u0980-\u09ff\u200c\u200d]+", tail)[:4]]


def _next_word(doc: Document, pos: int) -> str:
    import re
    m = re.match(r"\s*([\u0980-\u09ff\u200c\u200d]+)", doc.text[pos:pos + 30])
    return search_key(m.group(1)) if m else ""


def _generic_actor(doc, sent: _Sentence, i: int, prev_end: int, home: str, last_person,
                   stop: int | None = None) -> Party | None:
    """An actor noun (পুলিশ, বিক্ষোভকারীরা), a pronoun (তিনি) or a role word before the trigger (tokens
    prev_end..i), or after it (tokens i..stop)."""
    from .morph import split_word
    nouns = _actor_nouns()
    for k in range(prev_end, stop if stop is not None else i):
        w = sent.toks[k][2]
        key = sent.wkeys[k]
        if key in _PLURAL_PRONOUNS and sent.last_group is not None:
            g = sent.last_group
            return Party(w, g.canonical, None, g.code, sent.toks[k][0], sent.toks[k][1])
        if key in _PRONOUNS and last_person is not None:
            e = last_person
            p = _party_from_entity(doc, e, home, _title_before(doc, e))
            return Party(w, p.canonical, p.id, p.code, sent.toks[k][0], sent.toks[k][1])
        base, sfx = split_word(w, aggressive=True)
        if not sfx and last_person is not None:
            from .quotes import _role_key
            if _role_key(w) is not None and key not in nouns:     # বাণিজ্যমন্ত্রী: the person in that role
                holder = _role_holder(doc, _role_key(w), sent.toks[k][0]) or last_person
                p = _party_from_entity(doc, holder, home, _title_before(doc, holder))
                return Party(w, p.canonical, p.id, p.code, sent.toks[k][0], sent.toks[k][1])
        hit = nouns.get(search_key(base)) or nouns.get(key)
        if hit and not sfx and hit[1] not in _INSTITUTIONS and any(
                e.label == "PER" and e.start in (sent.toks[k + d][1] + 1 for d in (0, 1) if k + d < len(sent.toks))
                for e in sent.entities_near(sent.toks[k][1])):
            continue                             # 'শিক্ষার্থী আসিফ …', 'সংসদ সদস্য নুরুল …': a description of the name
        if hit and (not sfx or sfx[0] in ("রা", "েরা") and len(sfx) == 1):
            canonical, sector = hit
            return Party(w, canonical, None, _owner_code(doc, sent, k, home) or home + sector,
                         sent.toks[k][0], sent.toks[k][1])
    return None


def _owner_code(doc, sent: _Sentence, k: int, home: str) -> str | None:
    """The code of an organisation in the genitive right before token k: 'বিএনপির নেতাকর্মীরা' are the
    BNP's (BGDOPP), not party activists in general."""
    if k == 0:
        return None
    end = sent.toks[k - 1][1]
    owner = next((e for e in sent.entities if e.end == end and e.label == "ORG"), None)
    if owner is None or _case(doc.text[owner.start:owner.end].split()[-1]) not in ("ের", "এর", "র"):
        return None
    code = _party_from_entity(doc, owner, home, None).code
    return code if code and len(code) > 3 else None


_PEOPLE_COUNT = ("জনকে", "জন", "জনের", "জনই")
_IMPLIED_RECIPIENT = {"COERCE": ("suspects", "CRM"), "AID": ("victims", "CVL")}
_TO_GOVERNMENT = frozenset({"PROTEST", "REQUEST", "DISAPPROVE"})


def _generic_recipient(doc, sent: _Sentence, i: int, prev_end: int, home: str, typ: str, passive: bool,
                       actor: Party | None) -> Party | None:
    """An unnamed recipient: an actor noun marked as the object ('আসামিকে', 'সরকারের কাছে',
    'শিক্ষার্থীদের ওপর'), in a passive the unmarked one ('তিন সন্দেহভাজন গ্রেপ্তার'), or a counted
    group ('তিনজনকে')."""
    from .morph import split_word
    nouns = _actor_nouns()
    found = None
    for k in range(i - 1, max(prev_end, 0) - 1, -1):
        w = sent.toks[k][2]
        key = sent.wkeys[k]
        nxt = sent.wkeys[k + 1] if k + 1 < len(sent.toks) else ""
        base, sfx = split_word(w, aggressive=True)
        hit = nouns.get(search_key(base)) or nouns.get(key)
        genitive = bool(sfx) and sfx[-1] in ("ের", "এর", "র", "দের", "য়ের")
        marked = bool(sfx) and sfx[-1] in ("কে", "দেরকে") or nxt in _RECIPIENT_POST and genitive or \
            genitive and k + 2 == i and actor is not None and nxt != search_key("মধ্যে")
        #                                       ^ 'বিনিয়োগকারীদের অভিযোগ প্রত্যাখ্যান করেছে'
        if hit and (marked or passive and (not sfx or sfx in (["রা"], ["েরা"]))):
            found = Party(w, hit[0], None, _owner_code(doc, sent, k, home) or home + hit[1], sent.toks[k][0],
                          sent.toks[k][1])
            break
        if w.endswith(_PEOPLE_COUNT[:1]) and w[:-3] and (key[:-3] in _COUNT_WORDS or w[:1].isdigit()
                                                         or "\u09e6" <= w[:1] <= "\u09ef") or \
                key == search_key("জনকে") and k > 0:
            sector = "CRM" if typ == "COERCE" else "CVL"
            found = Party(w, "suspects" if sector == "CRM" else "people", None, home + sector,
                          sent.toks[k][0], sent.toks[k][1])
            break
    if found is not None and actor is not None and actor.start is not None and found.start == actor.start:
        return None
    return found


_MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_MUTUAL_CAMEO = frozenset({"190", "193"})
_PAIR_NOUNS = {search_key("নেতা"): "PER", search_key("দেশ"): "GPE", search_key("পক্ষ"): "GPE",
               search_key("প্রধানমন্ত্রী"): "PER", search_key("প্রেসিডেন্ট"): "PER"}


def _mutual_pair(doc, sent: _Sentence, sent_ents, home: str, before: int) -> tuple[Party, Party] | None:
    """Both sides of a mutual action with no subject: 'X ও Y' in the sentence, or 'দুই নেতা' / 'দুই
    দেশ' before token `before` (0 for a bare noun trigger: no anaphora) — the two people or states the
    article has named most."""
    from .morph import split_word

    def ok(e):
        return e.label in ("PER", "ORG") or e.label == "GPE" and _is_state(e)
    cands = [e for e in sent_ents if ok(e)]
    for x, y in zip(cands, cands[1:]):
        if doc.text[x.end:y.start].strip() in ("ও", "এবং", "-", "–") and x.canonical != y.canonical:
            return (_party_from_entity(doc, x, home, _title_before(doc, x)),
                    _party_from_entity(doc, y, home, _title_before(doc, y)))
    for k, key in enumerate(sent.wkeys[:max(0, before - 1)]):
        if key not in (search_key("দুই"), search_key("উভয়")):
            continue
        label = _PAIR_NOUNS.get(search_key(split_word(sent.toks[k + 1][2], aggressive=True)[0]))
        if label is None:
            continue
        named = [e for e in doc.entities if e.start < sent.toks[k][0] and e.label == label
                 and (label != "GPE" or _is_state(e))]
        count = Counter(e.canonical for e in named)
        if len(count) < 2:
            return None
        top = [c for c, _ in count.most_common(2)]      # the two the story is about
        first = {c: next(e for e in named if e.canonical == c) for c in top}
        x, y = sorted(first.values(), key=lambda e: e.start)
        return (_party_from_entity(doc, x, home, _title_before(doc, x)),
                _party_from_entity(doc, y, home, _title_before(doc, y)))
    return None


def _implied_recipient(home: str, typ: str, actor: Party | None) -> Party | None:
    """The participant the action implies when the sentence names none: an arrest has suspects,
    relief its victims, a demand or protest the government (docs/annotation.md)."""
    if actor is None:
        return None                              # an implied recipient never makes an event alone
    sector = (actor.code or "")[3:]
    if typ in _IMPLIED_RECIPIENT and sector != _IMPLIED_RECIPIENT[typ][1]:
        canonical, sec = _IMPLIED_RECIPIENT[typ]
        return Party("", canonical, None, home + sec)
    if typ in _TO_GOVERNMENT and sector != "GOV" and (actor.code or "")[:3] in (home, "") and \
            (actor.id or "") not in _countries():
        return Party("", "government", None, home + "GOV")    # the home side's complaint, not a foreign one
    return None


def _role_holder(doc: Document, role_key: str, offset: int) -> Entity | None:
    import re

    from .quotes import _role_key
    best = None
    for e in doc.entities:
        if e.start >= offset:
            break
        if e.label != "PER":
            continue
        words = re.findall(r"[\u0980-\u09ff\u200c\u200d]+", doc.text[max(0, e.start - 40):e.start])
        if words and _role_key(words[-1]) == role_key:
            best = e
    return best


def _location(sent_ents, trig_start: int, ev: Event) -> str | None:
    taken = {(p.start, p.end) for p in (ev.actor, ev.recipient) if p is not None}
    for e in sent_ents:
        if e.label in ("GPE", "LOC") and (e.start, e.end) not in taken:
            last = e.text.split()[-1]
            if _case(last) in ("ে", "য়", "তে") or last.endswith("য়"):
                return e.canonical
    return None

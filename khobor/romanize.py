"""Rule-based Bengali-script → Latin transliteration of names, Bangladeshi English style.

`romanize(word)` spells one Bengali word in lowercase ASCII by rule; `romanize_name(name)`
spells a multi-word personal name in Title Case, preferring the conventional spelling from the
name lexicon `khobor/lang/bn/person_names.tsv` (Md., Rahman, Chowdhury, Hossain, A. K. M. …).
The scheme — letters, conjuncts, phalas and the inherent-vowel rules — is in docs/romanization.md.
Standard library and khobor.normalize only.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from .normalize import normalize, search_key

__all__ = ["romanize", "romanize_name"]

VIRAMA = "\u09cd"
NUKTA = "\u09bc"
ZWJ = "\u200d"
ZWNJ = "\u200c"
ANUSVARA = "\u0982"     # ং
VISARGA = "\u0983"      # ঃ
CANDRABINDU = "\u0981"  # ঁ
KHANDA_TA = "\u09ce"    # ৎ
YA_NUKTA = "\u09af\u09bc"  # য় (NFC stores it as য + nukta)

# Consonants (base letter → Latin). ঞ and ণ are plain n; য is j on its own, y after a virama.
_CONS = {
    "ক": "k", "খ": "kh", "গ": "g", "ঘ": "gh", "ঙ": "ng",
    "চ": "ch", "ছ": "chh", "জ": "j", "ঝ": "jh", "ঞ": "n",
    "ট": "t", "ঠ": "th", "ড": "d", "ঢ": "dh", "ণ": "n",
    "ত": "t", "থ": "th", "দ": "d", "ধ": "dh", "ন": "n",
    "প": "p", "ফ": "f", "ব": "b", "ভ": "bh", "ম": "m",
    "য": "j", "র": "r", "ল": "l", "শ": "sh", "ষ": "sh", "স": "s", "হ": "h",
    "ৰ": "r", "ৱ": "w",
    # consonant + nukta (NFC keeps them as two code points)
    "ড\u09bc": "r", "ঢ\u09bc": "rh", "য\u09bc": "y",
    "জ\u09bc": "z", "ফ\u09bc": "f", "ক\u09bc": "q", "খ\u09bc": "kh", "গ\u09bc": "g",
    KHANDA_TA: "t",
}
_INDEPENDENT = {
    "অ": "a", "আ": "a", "ই": "i", "ঈ": "i", "উ": "u", "ঊ": "u", "ঋ": "ri", "ৠ": "ri",
    "ঌ": "li", "ৡ": "li", "এ": "e", "ঐ": "oi", "ও": "o", "ঔ": "ou",
}
_SIGNS = {
    "া": "a", "ি": "i", "ী": "i", "ু": "u", "ূ": "u", "ৃ": "ri", "ৄ": "ri", "ৢ": "li", "ৣ": "li",
    "ে": "e", "ৈ": "ai", "ো": "o", "ৌ": "ou", "ৗ": "ou",
}
_BN_DIGITS = str.maketrans({**{d: str(i) for i, d in enumerate("০১২৩৪৫৬৭৮৯")}, "৳": "tk"})
_VELARS = frozenset("কখগঘ")
_PALATALS = frozenset("চছজঝ")
# ব after these (in a conjunct) is a full b (ম্ব mb, ব্ব bb, র্ব rb, ল্ব lb); elsewhere ব-ফলা is w.
_B_AFTER = frozenset("মবরল")
# Final conjuncts of English loans, which drop the final vowel (পোস্ট, ফ্রন্ট, বোর্ড, বক্স) …
_LOAN_FINALS = frozenset({
    ("স", "ট"), ("ন", "ট"), ("ন", "ড"), ("র", "ট"), ("র", "ড"), ("ল", "ড"), ("ল", "ট"), ("ক", "ট"),
    ("প", "ট"), ("ফ", "ট"), ("ক", "স"), ("ন", "স"), ("ম", "প"), ("স", "ক"), ("র", "ক", "স"),
})

_UZ_ZAMAN = re.compile("jj(aman|oha)")

# Unit kinds (a unit is an onset cluster with its vowel, or an independent vowel).
_SIGN, _INDEP, _INH, _NONE = "sign", "indep", "inh", "none"


def _is_bn_letter(ch: str) -> bool:
    o = ord(ch)
    return (0x0980 <= o <= 0x09E3 and ch != "\u0980") or o in (0x09F0, 0x09F1, 0x09FC) or ch in (ZWJ, ZWNJ)


class _Unit:
    __slots__ = ("cons", "kind", "vowel", "coda", "keep", "glide")

    def __init__(self, cons, kind, vowel=""):
        self.cons = cons      # list of consonant keys of the onset ([] for an independent vowel)
        self.kind = kind      # _SIGN, _INDEP, _INH or _NONE (hasanta / khanda ta)
        self.vowel = vowel    # the sign or independent vowel character
        self.coda = ""        # ং ঃ (ঁ is dropped)
        self.keep = True      # for _INH: is the inherent vowel pronounced?
        self.glide = False    # an independent ও read as w (শওকত, কাওসার)


def _parse(run: str) -> list[_Unit]:
    units: list[_Unit] = []
    n = len(run)
    i = 0

    def consonant_at(j):
        """Return (key, next index) for a consonant starting at j, or (None, j)."""
        if j < n and run[j] in _CONS:
            if j + 1 < n and run[j + 1] == NUKTA and run[j:j + 2] in _CONS:
                return run[j:j + 2], j + 2
            k = j + 1
            while k < n and run[k] == NUKTA:  # a nukta on a letter with no nukta form
                k += 1
            return run[j], k
        return None, j

    while i < n:
        ch = run[i]
        if ch == KHANDA_TA:
            units.append(_Unit([KHANDA_TA], _NONE))
            i += 1
            continue
        key, j = consonant_at(i)
        if key is not None:
            cons = [key]
            kind = _INH
            while True:
                k = j
                while k < n and run[k] == ZWJ:
                    k += 1
                if k < n and run[k] == VIRAMA:
                    m = k + 1
                    while m < n and run[m] == ZWJ:
                        m += 1
                    nxt, m2 = consonant_at(m)
                    if nxt is not None and nxt != KHANDA_TA:
                        cons.append(nxt)
                        j = m2
                        continue
                    kind = _NONE  # hasanta: explicit end of the cluster
                    j = m
                    while j < n and run[j] == ZWNJ:
                        j += 1
                    break
                j = k
                break
            unit = _Unit(cons, kind)
            if kind == _INH:
                while j < n and run[j] == CANDRABINDU:
                    j += 1
                if j < n and run[j] in _SIGNS:
                    unit.kind, unit.vowel = _SIGN, run[j]
                    j += 1
            i = j
            units.append(unit)
        elif ch in _INDEPENDENT:
            vowel = ch
            i += 1
            # অ্যা / এ্যা: the English æ (অ্যান্টনি, অ্যাডভোকেট), written a
            if ch in "অএ" and run[i:i + 2] == VIRAMA + "য" and run[i + 2:i + 3] != NUKTA:
                i += 2
                if run[i:i + 1] == "া":
                    vowel = "আ"
                    i += 1
            units.append(_Unit([], _INDEP, vowel))
        elif ch in _SIGNS:  # a stray sign: read it as the independent vowel
            units.append(_Unit([], _INDEP, ch))
            i += 1
        elif ch in (ANUSVARA, VISARGA):
            if units:
                units[-1].coda += ch
            else:
                u = _Unit([], _NONE)
                u.coda = ch
                units.append(u)
            i += 1
        else:  # candrabindu, virama, nukta, ZWJ/ZWNJ, avagraha … carry no sound of their own
            i += 1
        while i < n and run[i] == CANDRABINDU:
            i += 1
    return units


def _voiced(u: _Unit) -> bool:
    """Does unit `u` end in a pronounced vowel (for the inherent-vowel rules)?"""
    if u.kind == _INH:
        return u.keep
    if u.kind == _INDEP:
        return not u.glide
    return u.kind == _SIGN


def _is_ya(u: _Unit) -> bool:
    return u.cons == [YA_NUKTA]


def _decide(units: list[_Unit]) -> None:
    """Mark which inherent vowels are pronounced, and the ও glides."""
    n = len(units)
    # independent ও read as w: before য় + vowel (ওয়া, দেওয়ান), or between an a and a consonant (শওকত)
    for i, u in enumerate(units):
        if u.kind == _INDEP and u.vowel == "ও" and i + 1 < n:
            nxt = units[i + 1]
            if _is_ya(nxt) and nxt.kind != _NONE:
                u.glide = True
            elif i > 0 and nxt.cons and (units[i - 1].kind == _INH or units[i - 1].vowel in ("া", "আ", "অ")):
                u.glide = True
    last = n - 1
    u = units[last]
    if u.kind == _INH:
        if n == 1 or u.coda:
            u.keep = True
        elif len(u.cons) > 1:
            u.keep = tuple(u.cons) not in _LOAN_FINALS and not (
                u.cons == ["ঞ", "জ"] and last > 0 and units[last - 1].cons[-1:] == ["গ"])
        elif u.cons == ["হ"]:  # গুহ guha, সিংহ singha; but শাহ shah, আল্লাহ allah, মাদিহ madih
            p = units[last - 1]
            u.keep = p.vowel in ("ু", "ূ", "ো", "উ", "ঊ", "ও") or ANUSVARA in p.coda
        elif _is_ya(u):  # সুপ্রিয় supriya; রায় ray
            u.keep = units[last - 1].vowel in ("ি", "ী", "ই", "ঈ") and not units[last - 1].coda
        else:
            u.keep = False
    for i in range(last - 1, 0, -1):
        u = units[i]
        if u.kind != _INH:
            continue
        nxt = units[i + 1]
        if (nxt.kind == _INDEP and nxt.vowel in ("উ", "ঊ") and i + 2 < n and len(units[i + 2].cons) > 1):
            u.keep = False  # নেয়াজউদ্দিন, সিরাজউদ্দৌলা, রফিকউল্লাহ
            continue
        u.keep = not (len(u.cons) == 1 and not u.coda and _voiced(units[i - 1])
                      and len(nxt.cons) == 1 and not _is_ya(nxt) and nxt.cons != [KHANDA_TA] and _voiced(nxt))


def _onset(cons: list[str]) -> str:
    out = []
    j = 0
    m = len(cons)
    while j < m:
        c = cons[j]
        nxt = cons[j + 1] if j + 1 < m else None
        if c == "ক" and nxt == "ষ":
            out.append("ksh")
            j += 2
            continue
        if c == "জ" and nxt == "ঞ":
            out.append("gy")
            j += 2
            continue
        if j > 0 and c == "য":
            out.append("y")
        elif j > 0 and c == "ব":
            out.append("b" if cons[j - 1] in _B_AFTER else "w")
        elif c == "ঙ" and nxt in _VELARS:
            out.append("n")
        elif c == "শ" and nxt in ("র", "ব"):
            out.append("s")
        else:
            out.append(_CONS[c])
        j += 1
    return "".join(out)


def _render(units: list[_Unit]) -> str:
    out = []
    n = len(units)
    for i, u in enumerate(units):
        nxt = units[i + 1] if i + 1 < n else None
        prev = units[i - 1] if i else None
        # onset
        if u.cons:
            if _is_ya(u) and prev is not None and (
                    prev.glide or (prev.kind == _SIGN and prev.vowel == "ো" and u.vowel == "া")):
                out.append("w")
            else:
                out.append(_onset(u.cons))
        # vowel
        if u.kind == _SIGN:
            out.append(_SIGNS[u.vowel])
        elif u.kind == _INDEP:
            if u.glide:
                out.append("" if nxt is not None and _is_ya(nxt) else "w")
            elif i == 0 and u.vowel == "ই" and nxt is not None and nxt.kind != _NONE and (
                    _is_ya(nxt) and u.coda == ""):
                out.append("")  # ইয়াসমিন → yasmin
            elif i == 0 and u.vowel == "ই" and nxt is not None and nxt.kind == _INDEP and nxt.vowel in ("উ", "ঊ"):
                out.append("y")  # ইউনূস → yunus
            else:
                out.append(_INDEPENDENT.get(u.vowel) or _SIGNS[u.vowel])
        elif u.kind == _INH and u.keep:
            closes_ya = nxt is not None and _is_ya(nxt) and nxt.kind == _INH and not nxt.keep
            out.append("o" if closes_ya else "a")
        # coda
        for c in u.coda:
            if c == ANUSVARA:
                out.append("n" if nxt is not None and nxt.cons and nxt.cons[0] in _VELARS else "ng")
            elif c == VISARGA:
                out.append("h")
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def _romanize_run(run: str) -> str:
    units = _parse(run)
    if not units:
        return ""
    _decide(units)
    out = _render(units)
    if "jjaman" in out or "jjoha" in out:  # the name element -uz-zaman / -uz-zoha (আসাদুজ্জামান)
        out = _UZ_ZAMAN.sub(lambda m: "zz" + m.group(1), out)
    return out


@functools.lru_cache(maxsize=65536)
def romanize(word: str) -> str:
    """Return the rule-based Latin spelling of one Bengali word, lowercase (docs/romanization.md).

    Bengali digits become ASCII digits; any other non-Bengali character passes through.
    """
    if not word:
        return ""
    text = unicodedata.normalize("NFC", word)
    out = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if _is_bn_letter(ch):
            j = i + 1
            while j < n and _is_bn_letter(text[j]):
                j += 1
            out.append(_romanize_run(text[i:j]))
            i = j
        else:
            j = i + 1
            while j < n and not _is_bn_letter(text[j]):
                j += 1
            out.append(text[i:j].translate(_BN_DIGITS))
            i = j
    return "".join(out)


# --- names -------------------------------------------------------------------------------------

_LEXICON_FILE = "person_names.tsv"
_PUNCT = "()[]{}<>\"'“”‘’«»,;:!?।॥—–…*"


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict, dict, dict, dict]:
    """Return (exact, key, exact_dotted, key_dotted) maps from person_names.tsv, empty if it is missing."""
    exact: dict[str, str] = {}
    keyed: dict[str, str] = {}
    exact_d: dict[str, str] = {}
    keyed_d: dict[str, str] = {}
    try:
        from .lang.bn import data_path
        text = data_path(_LEXICON_FILE).read_text(encoding="utf-8")
    except (OSError, ImportError, ValueError):
        return exact, keyed, exact_d, keyed_d
    for n, line in enumerate(text.splitlines()):
        if not line.strip() or line.startswith("#") or (n == 0 and line.startswith("word\t")):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            continue
        word = normalize(parts[0].strip())
        roman = parts[1].strip()
        if word.endswith("."):
            word = word[:-1]
            e, k = exact_d, keyed_d
        else:
            e, k = exact, keyed
        e.setdefault(word, roman)
        k.setdefault(search_key(word), roman)
    return exact, keyed, exact_d, keyed_d


def _lookup(word: str, dotted: bool) -> tuple[str, bool] | None:
    """Return (roman, came from a dotted entry) for `word`, or None: exact spelling first, then search key."""
    exact, keyed, exact_d, keyed_d = _lexicon()
    order = ((exact_d, keyed_d, True), (exact, keyed, False)) if dotted else (
        (exact, keyed, False), (exact_d, keyed_d, True))
    for e, _, d in order:
        if word in e:
            return e[word], d
    key = search_key(word)
    for _, k, d in order:
        if key in k:
            return k[key], d
    return None


def _has_bengali(text: str) -> bool:
    return any("\u0980" <= ch <= "\u09ff" for ch in text)


def _capitalize(s: str) -> str:
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
    return s


_INNER_DOTS = re.compile(r"[^.]+\.?")


# English letters as spelled in Bengali acronyms (ডিজিএফটি = DGFT, ইউএনএইচসিআর = UNHCR).
_LETTER_NAMES = {
    "এ": "A", "বি": "B", "সি": "C", "ডি": "D", "ই": "E", "এফ": "F", "জি": "G", "এইচ": "H", "আই": "I",
    "জে": "J", "কে": "K", "এল": "L", "এম": "M", "এন": "N", "ও": "O", "পি": "P", "কিউ": "Q", "আর": "R",
    "এস": "S", "টি": "T", "ইউ": "U", "ভি": "V", "ডব্লিউ": "W", "ডাব্লিউ": "W", "এক্স": "X", "ওয়াই": "Y",
    "ওয়াই": "Y", "জেড": "Z", "জেট": "Z",
}
_LETTER_NAMES = {unicodedata.normalize("NFC", k): v for k, v in _LETTER_NAMES.items()}
_LONGEST_LETTER = max(map(len, _LETTER_NAMES))


@functools.lru_cache(maxsize=20_000)
def acronym(word: str) -> str | None:
    """Return the Latin acronym a Bengali word spells letter by letter (এসভিএফ → SVF), else None."""
    out, i = [], 0
    while i < len(word):
        for n in range(min(_LONGEST_LETTER, len(word) - i), 0, -1):
            hit = _LETTER_NAMES.get(word[i:i + n])
            if hit:
                out.append(hit)
                i += n
                break
        else:
            return None
    return "".join(out) if len(out) >= 2 else None


@functools.lru_cache(maxsize=65536)
def _name_word(token: str) -> str:
    lead = len(token) - len(token.lstrip(_PUNCT))
    trail_text = token.rstrip(_PUNCT)
    head, core, tail = token[:lead], trail_text[lead:], token[len(trail_text):]
    if not core:
        return token
    if not _has_bengali(core):
        return token
    if "-" in core.strip("-"):
        return head + "-".join(_name_word(p) if p else p for p in core.split("-")) + tail
    if "." in core.rstrip("."):  # এ.কে.এম. → A. K. M.
        return head + " ".join(_name_word(p) for p in _INNER_DOTS.findall(core)) + tail
    dotted = core.endswith(".")
    word = core.rstrip(".")
    found = _lookup(word, dotted) if word else None
    if found is None and not dotted and acronym(word):
        found = acronym(word), False
    if found is None:
        roman, from_dotted = _capitalize(romanize(word)), False
    else:
        roman, from_dotted = found
    if dotted and not from_dotted and not roman.endswith("."):
        roman += "."  # keep the writer's dot (মুহা. → Muha.; a name ending a sentence)
    return head + roman + tail


def romanize_name(name: str) -> str:
    """Return a personal name in Latin script, Title Case: 'মো. নুরুল আবছার' → 'Md. Nurul Abchhar'.

    Each word is looked up in the name lexicon (khobor/lang/bn/person_names.tsv, matched exactly or
    by search key); otherwise it is spelled by `romanize` and capitalized. Dotted abbreviations and
    initials (মো. ডা. ড. এ. কে.) map through the lexicon too; non-Bengali words pass through.
    """
    return " ".join(_name_word(tok) for tok in normalize(name).split())

"""Integrity of the gazetteer data files and lookups through spelling variants."""
import collections
import re
import unicodedata

import pytest

from khobor import gazetteer
from khobor.gazetteer import LABELS

G = gazetteer.load()
SECTORS = {"", "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "BUS", "MED", "EDU", "HLH", "NGO", "IGO",
           "REL", "SPT", "ELI", "CVL", "LAB", "AGR", "REF", "SPY", "UAF", "CRM", "IGO"}


def test_gazetteer_keys_are_unique_across_files():
    counts = collections.Counter(e.key for e in G.entries)
    assert [k for k, n in counts.items() if n > 1] == []


def test_gazetteer_fields_are_valid():
    countries = {e.country for e in G.entries if e.source == "countries.tsv" and e.country}
    bad = []
    for e in G.entries:
        if e.label not in LABELS:
            bad.append((e.key, "label", e.label))
        if not re.fullmatch(r"[a-z]+:[a-z0-9][a-z0-9.-]*", e.key):
            bad.append((e.key, "key"))
        if e.qid and not re.fullmatch(r"Q[1-9][0-9]*", e.qid):
            bad.append((e.key, "qid", e.qid))
        if e.country and (not re.fullmatch(r"[A-Z]{3}", e.country) or e.country not in countries):
            bad.append((e.key, "country", e.country))
        if e.sector not in SECTORS:
            bad.append((e.key, "sector", e.sector))
        if not e.canonical or not e.aliases:
            bad.append((e.key, "empty"))
        for a in e.aliases:
            if unicodedata.normalize("NFC", a) != a:
                bad.append((e.key, "not NFC", a))
    assert bad == []


def test_gazetteer_no_qid_names_two_entities():
    by_qid = collections.defaultdict(set)
    for e in G.entries:
        if e.qid:
            by_qid[e.qid].add(e.key)
    assert {q: keys for q, keys in by_qid.items() if len(keys) > 1} == {}


@pytest.mark.parametrize("name,canonical", [
    ("বাংলাদেশ", "Bangladesh"), ("ইরান", "Iran"), ("রাশিয়া", "Russia"), ("ইরানী", "Iranian"),
    ("ইরানি", "Iranian"), ("মার্কিন", "American"), ("ঢাকা", "Dhaka"), ("তেহরান", "Tehran"),
])
def test_gazetteer_lookup_through_variants(name, canonical):
    assert canonical in {e.canonical for e in G.lookup(name)}


def test_gazetteer_ids_prefer_qid():
    bd = next(e for e in G.lookup("বাংলাদেশ") if e.label == "GPE")
    assert bd.id == "Q902"
    no_qid = next(e for e in G.entries if not e.qid)
    assert no_qid.id == f"khobor:{no_qid.key}"


def test_gazetteer_is_large_and_covers_all_kinds():
    assert len(G) >= 3000
    labels = collections.Counter(e.label for e in G.entries)
    assert all(labels[lab] >= 100 for lab in LABELS)

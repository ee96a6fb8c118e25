"""The store: ingest (idempotent, transactional), schema versions, search, near-duplicates, merged
events, export."""
import sqlite3

import pytest

from khobor.errors import QueryError, StoreError, StoreVersion
from khobor.ingest import Problem, Record
from khobor.errors import MalformedRecord
from khobor.store import Store, ingest, search

# Short articles written for these tests.
RUSSIA_1 = ("রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিন গতকাল মঙ্গলবার চীনে সফর করেন। সফরে দুই দেশের মধ্যে জ্বালানি "
            "সহযোগিতা নিয়ে আলোচনা হয়। রাশিয়া ও চীন নতুন গ্যাস পাইপলাইন নিয়ে একমত হয়েছে বলে জানা গেছে।")
RUSSIA_2 = ("যুক্তরাষ্ট্র রাশিয়াকে নতুন নিষেধাজ্ঞার হুমকি দিয়েছে। ওয়াশিংটনে এক সংবাদ সম্মেলনে মার্কিন "
            "পররাষ্ট্র দপ্তরের মুখপাত্র এ কথা বলেন।")
DHAKA = ("ঢাকার মিরপুরে একটি পোশাক কারখানায় আগুন লেগেছে। ফায়ার সার্ভিসের ১০টি ইউনিট দুই ঘণ্টার চেষ্টায় আগুন "
         "নিয়ন্ত্রণে আনে। এতে কেউ হতাহত হননি।")
# the same event told by two outlets
ARREST_A = ("কক্সবাজারের টেকনাফে অভিযান চালিয়ে তিনজনকে গ্রেপ্তার করেছে র‍্যাব। গতকাল সোমবার রাতে এ অভিযান চালানো "
            "হয়। র‍্যাবের একজন কর্মকর্তা জানান, তাঁদের কাছ থেকে ইয়াবা বড়ি জব্দ করা হয়েছে।")
ARREST_B = ("টেকনাফে ইয়াবাসহ তিনজনকে গ্রেপ্তার করেছে র‍্যাব। গতকাল সোমবার রাতে উপজেলার সাবরাং এলাকায় "
            "অভিযানটি চালানো হয় বলে বাহিনীর পক্ষ থেকে জানানো হয়েছে।")


def rec(text, n, **kw):
    kw.setdefault("published", "2025-03-12")
    return Record(text=text, where=f"test:{n}", **kw)


@pytest.fixture()
def store(tmp_path):
    with Store(str(tmp_path / "k.db")) as s:
        ingest(s, [rec(RUSSIA_1, 1, title="পুতিনের চীন সফর", outlet="Prothom Alo", url="https://x.test/1"),
                   rec(RUSSIA_2, 2, title="রাশিয়াকে হুমকি", outlet="Samakal", published="2025-04-02"),
                   rec(DHAKA, 3, title="মিরপুরে আগুন", outlet="Samakal", published="2025-05-20")])
        yield s


def count(s, table):
    return s.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_ingest_stores_articles_and_their_layers(store):
    assert count(store, "articles") == 3
    assert count(store, "article_fts") == 3
    assert count(store, "entities") > 0 and count(store, "mentions") >= count(store, "entities")
    names = {r[0] for r in store.conn.execute("SELECT canonical FROM entities")}
    assert {"Vladimir Putin", "Russia", "China"} <= names
    assert count(store, "events") >= 1
    doc = store.document(1)
    assert doc["schema"] == "khobor.document/1" and doc["meta"]["outlet"] == "Prothom Alo"
    import khobor
    fresh = khobor.analyze(RUSSIA_1, published="2025-03-12", title="পুতিনের চীন সফর", outlet="Prothom Alo",
                           url="https://x.test/1").to_dict()
    assert doc == fresh                                     # the stored document is the whole contract
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingest_is_idempotent_by_text_and_url(store):
    again = ingest(store, [rec(RUSSIA_1, 9), rec(DHAKA + " ", 10),            # same texts (after normalization)
                           rec(ARREST_A, 11, url="https://x.test/1")])       # same URL, other text
    assert (again.added, again.skipped) == (0, 3)
    twice = ingest(store, [rec(ARREST_A, 12), rec(ARREST_A, 13)])           # twice in one run
    assert (twice.added, twice.skipped) == (1, 1)
    assert count(store, "articles") == 4


def test_bad_records_are_recorded_and_the_rest_goes_in(store):
    bad = Problem("dump.jsonl:2", MalformedRecord("is not JSON", where="dump.jsonl:2"))
    report = ingest(store, [bad, rec(ARREST_A, 1), rec("   ", 2)])
    assert report.added == 1 and report.problems == 2
    rows = store.conn.execute("SELECT origin, code FROM problems ORDER BY id").fetchall()
    assert rows[0] == ("dump.jsonl:2", "E109") and rows[1][0] == "test:2"
    again = ingest(store, [bad])                         # a re-run reports it again but stores it once
    assert again.problems == 1 and count(store, "problems") == 2


def test_a_failing_batch_writes_nothing(tmp_path, monkeypatch):
    from khobor.store import db
    with Store(str(tmp_path / "k.db")) as s:
        real = db.Store._add_doc
        calls = []

        def flaky(self, doc, origin):
            calls.append(origin)
            if len(calls) == 2:
                raise RuntimeError("disk on fire")
            return real(self, doc, origin)
        monkeypatch.setattr(db.Store, "_add_doc", flaky)
        with pytest.raises(RuntimeError):
            ingest(s, [rec(RUSSIA_1, 1), rec(RUSSIA_2, 2), rec(DHAKA, 3)])
        assert count(s, "articles") == 0 and count(s, "mentions") == 0 and count(s, "article_fts") == 0


def test_schema_version_is_checked(tmp_path):
    path = str(tmp_path / "k.db")
    with Store(path) as s:
        assert s.version() >= 1
        s.conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreVersion) as exc:
        Store(path)
    assert exc.value.code == "E401" and "newer khobor" in exc.value.message


@pytest.mark.parametrize("content", [b"not a database at all, just text" * 10, None])
def test_a_file_that_is_not_a_store_is_refused(tmp_path, content):
    path = tmp_path / "other.db"
    if content is None:                                          # an SQLite database of something else
        c = sqlite3.connect(path)
        c.execute("CREATE TABLE t (x)")
        c.commit()
        c.close()
    else:
        path.write_bytes(content)
    with pytest.raises(StoreError) as exc:
        Store(str(path))
    assert exc.value.code == "E400"


def test_two_processes_creating_one_store_at_once(tmp_path):
    import subprocess
    import sys
    path = str(tmp_path / "k.db")
    code = f"from khobor.store import Store; Store({path!r}).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True) for _ in range(4)]
    assert all(p.wait(timeout=60) == 0 for p in procs), [p.stderr.read() for p in procs]
    with Store(path) as s:
        assert s.version() >= 1 and count(s, "articles") == 0


def test_opening_a_missing_store_for_reading_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError) as exc:
        Store(str(tmp_path / "none.db"), create=False)
    assert "khobor ingest" in exc.value.message


def titles(result):
    return {h.title for h in result.hits}


@pytest.mark.parametrize("query,expected", [
    ("রাশিয়া", {"পুতিনের চীন সফর", "রাশিয়াকে হুমকি"}),          # lemma: রাশিয়ার, রাশিয়াকে
    ("রাশিয়াকে", {"পুতিনের চীন সফর", "রাশিয়াকে হুমকি"}),
    ("রাশি\u09af\u09bcা", {"পুতিনের চীন সফর", "রাশিয়াকে হুমকি"}),   # decomposed nukta (য + ়)
    ("Putin", {"পুতিনের চীন সফর"}),                               # English canonical name
    ("putin", {"পুতিনের চীন সফর"}),
    ("পুতিন", {"পুতিনের চীন সফর"}),
    ("আগুন", {"মিরপুরে আগুন"}),
    ("কারখানা", {"মিরপুরে আগুন"}),                                # কারখানায়
    ("সহযোগীতা", {"পুতিনের চীন সফর"}),                            # a common misspelling (ী for ি)
    ('"সংবাদ সম্মেলন"', {"রাশিয়াকে হুমকি"}),                        # phrase
    ("রাশিয়া আগুন", set()),                                        # every word must match
    ("ক্রিকেট", set()),
])
def test_search_matches_inflections_variants_and_names(store, query, expected):
    assert titles(search(store.conn, query)) == expected


def test_search_ranks_by_bm25_and_highlights_hits(store):
    ingest(store, [rec(RUSSIA_2 + " রাশিয়ার সঙ্গে আলোচনা চলবে। রাশিয়া এ বিষয়ে কিছু বলেনি।", 7, title="রাশিয়া প্রসঙ্গ")])
    result = search(store.conn, "রাশিয়া")
    assert result.total == 3 and result.hits[0].title == "রাশিয়া প্রসঙ্গ"     # in the title and most often
    h = result.hits[0]
    assert h.highlights and all(h.snippet[s:e].startswith("রাশিয়") for s, e in h.highlights)
    assert result.hits[0].score >= result.hits[1].score >= result.hits[2].score


@pytest.mark.parametrize("kw,expected", [
    ({"entity": "Vladimir Putin"}, {"পুতিনের চীন সফর"}),
    ({"entity": "পুতিন"}, {"পুতিনের চীন সফর"}),
    ({"entity": "Russia", "label": "GPE"}, {"পুতিনের চীন সফর", "রাশিয়াকে হুমকি"}),
    ({"entity": "Russia", "label": "PER"}, set()),
    ({"date_from": "2025-04-01"}, {"রাশিয়াকে হুমকি", "মিরপুরে আগুন"}),
    ({"date_from": "2025-04-01", "date_to": "2025-04-30"}, {"রাশিয়াকে হুমকি"}),
    ({"date_to": "2025-04"}, {"পুতিনের চীন সফর", "রাশিয়াকে হুমকি"}),
    ({"outlet": "samakal"}, {"রাশিয়াকে হুমকি", "মিরপুরে আগুন"}),
    ({"event": "THREATEN"}, {"রাশিয়াকে হুমকি"}),
    ({"event": "CONSULT"}, {"পুতিনের চীন সফর"}),
])
def test_search_filters(store, kw, expected):
    assert titles(search(store.conn, "", **kw)) == expected


def test_a_name_searched_in_english_is_highlighted_in_bengali(store):
    hit = search(store.conn, "Putin").hits[0]
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["ভ্লাদিমির পুতিন"]


def test_search_with_words_and_a_label(store):
    assert titles(search(store.conn, "পুতিন", label="PER")) == {"পুতিনের চীন সফর"}
    assert titles(search(store.conn, "রাশিয়া", label="PER")) == set()


@pytest.mark.parametrize("kw", [{}, {"date_from": "last week"}, {"label": "PERSON", "entity": "x"}])
def test_bad_queries_are_coded_errors(store, kw):
    with pytest.raises(QueryError) as exc:
        search(store.conn, "", **kw)
    assert exc.value.code == "E410"


def test_republished_story_joins_the_cluster_and_others_do_not(store):
    wire = RUSSIA_1 + " বিস্তারিত পরে জানানো হবে।"
    ingest(store, [rec(wire, 5, title="পুতিন চীনে", outlet="Jugantor")])
    rows = dict(store.conn.execute("SELECT title, cluster_id FROM articles"))
    assert rows["পুতিন চীনে"] == rows["পুতিনের চীন সফর"]
    assert rows["মিরপুরে আগুন"] != rows["পুতিনের চীন সফর"] and rows["রাশিয়াকে হুমকি"] != rows["পুতিনের চীন সফর"]


def test_the_same_event_in_two_articles_is_merged(tmp_path):
    with Store(str(tmp_path / "k.db")) as s:
        ingest(s, [rec(ARREST_A, 1, outlet="Prothom Alo", published="2025-03-11", url="https://a.test/1"),
                   rec(ARREST_B, 2, outlet="Kaler Kantho", published="2025-03-11")])
        rows = s.conn.execute("SELECT actor_name, type, num_mentions, num_articles, num_sources, source_url "
                              "FROM merged_events WHERE type = 'COERCE' AND num_articles = 2").fetchall()
        assert rows, s.conn.execute("SELECT event_key FROM events").fetchall()
        actor, _, mentions, articles, sources, url = rows[0]
        assert actor == "Rapid Action Battalion" and articles == 2 and sources == 2 and mentions >= 2
        assert url == "https://a.test/1"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_table_with_its_schema(store, tmp_path, fmt):
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    from khobor.store.export import TABLES, export
    out = tmp_path / "tables"
    counts = export(store, str(out), fmt)
    assert set(counts) == set(TABLES) and counts["articles"] == 3
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)   # no temp files left
    read = pq.read_table if fmt == "parquet" else pcsv.read_csv
    for name, (_, cols) in TABLES.items():
        table = read(out / f"{name}.{fmt}")
        assert table.column_names == [c for c, _, _ in cols] and table.num_rows == counts[name]
    events = read(out / f"events.{fmt}").to_pylist()
    assert all(e["num_mentions"] >= e["num_articles"] >= 1 for e in events)
    if fmt == "parquet":
        assert str(pq.read_schema(out / "articles.parquet").field("published").type) == "date32[day]"

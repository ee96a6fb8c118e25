"""Input readers (khobor.ingest): every format's text and metadata, folders, stdin sniffing, coded Problems."""
import gzip
import io
import re
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khobor.errors import BadMetadata, UnsupportedInput
from khobor.ingest import FORMATS, Problem, Record, read

DATA = Path(__file__).parent / "data" / "ingest"
PAGE = (DATA / "page.html").read_bytes()
BARE = (DATA / "bare.html").read_bytes()
ENGLISH = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
           "<title>Café news</title></head><body><article><p>The café on the corner reopened on Monday after a "
           "month of repairs. Its owner said business was slow at first.</p><p>Neighbours welcomed the news and "
           "queued for coffee before eight o'clock.</p></article></body></html>").encode("cp1252")
RICE = "চালের দাম কেজিতে পাঁচ টাকা বেড়েছে। ব্যবসায়ীরা বলছেন, সরবরাহ কমে যাওয়ায় দাম বাড়ছে।"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def ingest(*paths, **options):
    """Return everything `read` yields, checking that each Problem is coded and placed, each Record has text."""
    items = list(read([str(p) for p in paths], **options))
    for item in items:
        if isinstance(item, Problem):
            assert re.fullmatch(r"E1\d\d", item.error.code) and item.where and item.error.where == item.where
            assert "; " in item.error.message  # what happened; what to do
        else:
            assert isinstance(item, Record) and item.text.strip() and item.where
    return items


def outcome(items, base=""):
    """Return (where, 'ok' or the error code) per item, with `base` cut from the front of each where."""
    return [(item.where.removeprefix(base), item.error.code if isinstance(item, Problem) else "ok")
            for item in items]


def warc_bytes(*, gz):
    """Return a small web archive: warcinfo, a request, and responses of several kinds (records 1-7)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "khobor tests"}))
    request = StatusAndHeaders("GET /news/boat HTTP/1.1", [("Host", "example.com")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://example.com/news/boat?from=crawl", "request",
                                                  http_headers=request))
    for uri, status, ctype, body in [
        ("https://example.com/news/boat?from=crawl", "200 OK", "text/html; charset=utf-8", PAGE),
        ("https://example.com/logo.png", "200 OK", "image/png", PNG),
        ("https://example.com/gone", "404 Not Found", "text/html", b"<html><body>not found</body></html>"),
        ("https://example.com/cafe", "200 OK", "text/html; charset=windows-1252", ENGLISH.replace(b"<meta", b"<x")),
        ("https://example.com/cricket", "200 OK", "application/xhtml+xml", BARE),
    ]:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2025-03-20T04:00:00Z"}))
    return buffer.getvalue()


WARC_OUTCOME = [(":record 3", "ok"), (":record 6", "E106"), (":record 7", "ok")]


# --- plain text -------------------------------------------------------------------------------------------

def test_ingest_txt_title_and_text():
    [record] = ingest(DATA / "article.txt")
    assert record.title == "রাজধানীতে টানা বৃষ্টিতে জলাবদ্ধতা"
    assert record.text.startswith("মঙ্গলবার ভোর থেকে") and record.text.endswith("দুর্ভোগে পড়েছেন।")
    assert record.where == str(DATA / "article.txt") and (record.url, record.published, record.outlet) == (None,) * 3


@pytest.mark.parametrize("name, data, code", [
    ("image.txt", PNG, "E103"),
    ("empty.txt", b"", "E105"),
    ("blank.txt", b" \n\t\n", "E105"),
    ("english.txt", b"The price of rice rose this week.", "E106"),
    ("latin1.txt", "Café".encode("latin-1"), "E104"),
])
def test_ingest_txt_bad_files(tmp_path, name, data, code):
    (tmp_path / name).write_bytes(data)
    assert outcome(ingest(tmp_path / name), f"{tmp_path}/") == [(name, code)]


# --- HTML pages -------------------------------------------------------------------------------------------

def test_ingest_html_page_text_and_metadata():
    [record] = ingest(DATA / "page.html")
    assert record.text.split("\n\n") == [
        "শুক্রবার সকালে মেঘনা নদীতে একটি যাত্রীবাহী নৌকা ডুবে গেছে। স্থানীয় প্রশাসন জানিয়েছে, নৌকায় প্রায় বিশজন "
        "যাত্রী ছিলেন।",
        'উপজেলা নির্বাহী কর্মকর্তা রহিম উদ্দিন বলেন, "এখন পর্যন্ত তিনজন নিখোঁজ রয়েছেন। উদ্ধারকাজ চলছে।"',
        "ফায়ার সার্ভিসের ডুবুরিরা দুপুর থেকে তল্লাশি শুরু করেছেন। তীরে নিখোঁজদের স্বজনেরা অপেক্ষা করছেন।"]
    assert (record.title, record.url, record.published, record.outlet) == (
        "নদীতে নৌকাডুবি, নিখোঁজ তিনজন", "https://example.com/news/boat", "2025-03-14", "দৈনিক নমুনা")


def test_ingest_html_short_page_without_metadata_still_extracts():
    [record] = ingest(DATA / "bare.html")
    assert len(record.text.split("\n\n")) == 3 and record.text.endswith("দলের সবাই ভালো খেলেছে।")
    assert (record.title, record.url, record.published, record.outlet) == (None,) * 4


def test_ingest_html_utf16_with_bom(tmp_path):
    (tmp_path / "u16.html").write_bytes(PAGE.decode("utf-8").encode("utf-16"))
    [record] = ingest(tmp_path / "u16.html")
    assert record.title == "নদীতে নৌকাডুবি, নিখোঁজ তিনজন"


@pytest.mark.parametrize("data, code", [
    (ENGLISH, "E106"),                             # decoded by its declared windows-1252, then not Bengali
    (ENGLISH.replace(b"charset=", b"x="), "E104"),  # not UTF-8 and no charset declared
    ((DATA / "menu.html").read_bytes(), "E112"),   # a menu and headlines, no article
    (b"<html><body></body></html>", "E112"),
    (b" \n", "E105"),
    (PNG, "E103"),
])
def test_ingest_html_bad_pages(tmp_path, data, code):
    (tmp_path / "page.htm").write_bytes(data)
    [problem] = ingest(tmp_path / "page.htm")
    assert problem.error.code == code


# --- JSON Lines -------------------------------------------------------------------------------------------

DUMP_OUTCOME = [(":1", "ok"), (":3", "E109"), (":4", "E109"), (":5", "E109"), (":6", "E106"), (":7", "E105"),
                (":8", "E108"), (":9", "ok")]


def test_ingest_jsonl_bad_lines_are_problems_and_the_rest_is_read():
    items = ingest(DATA / "dump.jsonl")
    assert outcome(items, str(DATA / "dump.jsonl")) == DUMP_OUTCOME
    first, last = items[0], items[-1]
    assert (first.text, first.title, first.url, first.published, first.outlet) == (
        RICE, "চালের দাম বেড়েছে", "https://example.com/rice", "2025-03-13", "দৈনিক নমুনা")
    assert last.published == "2025-03-13" and last.title is None
    assert "'text'" in items[3].error.message and "text=body" in items[3].error.message


def test_ingest_jsonl_gzip_reads_the_same(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress((DATA / "dump.jsonl").read_bytes()))
    assert outcome(ingest(path), str(path)) == DUMP_OUTCOME


def test_ingest_jsonl_truncated_gzip_keeps_the_lines_before(tmp_path):
    lines = "".join(f'{{"text": "{RICE} {n}", "title": "খবর {n}"}}\n' for n in range(3000)).encode("utf-8")
    packed = gzip.compress(lines, compresslevel=1)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[:len(packed) * 2 // 3])
    items = ingest(path)
    *records, broken = items
    assert 0 < len(records) < 3000 and all(isinstance(r, Record) for r in records)
    assert records[-1].title == f"খবর {len(records) - 1}"
    assert (broken.error.code, broken.where) == ("E110", f"{path}:{len(records) + 1}")


def test_ingest_jsonl_custom_fields(tmp_path):
    path = tmp_path / "site.jsonl"
    path.write_text(f'{{"body": "{RICE}", "headline": "দাম", "date": "2025-03-12", "source": "নমুনা"}}\n'
                    f'{{"text": "{RICE}"}}\n', encoding="utf-8")
    items = ingest(path, fields={"text": "body", "title": "headline", "published": "date", "outlet": "source"})
    assert (items[0].text, items[0].title, items[0].published, items[0].outlet) == (RICE, "দাম", "2025-03-12",
                                                                                     "নমুনা")
    assert items[1].error.code == "E109" and "'body'" in items[1].error.message


def test_ingest_jsonl_line_limit_and_empty_file(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(f'{{"text": "{RICE * 20}"}}\n{{"text": "{RICE}"}}\n', encoding="utf-8")
    assert outcome(ingest(path, max_bytes=1000), str(path)) == [(":1", "E107"), (":2", "ok")]
    (tmp_path / "empty.jsonl").write_text("\n\n")
    assert outcome(ingest(tmp_path / "empty.jsonl"), str(tmp_path)) == [("/empty.jsonl", "E105")]


# --- web archives -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_ingest_warc_html_responses_only(tmp_path, name, gz):
    path = tmp_path / name
    path.write_bytes(warc_bytes(gz=gz))
    items = ingest(path)
    assert outcome(items, str(path)) == WARC_OUTCOME
    boat, _, cricket = items
    assert (boat.title, boat.url, boat.published, boat.outlet) == (
        "নদীতে নৌকাডুবি, নিখোঁজ তিনজন", "https://example.com/news/boat?from=crawl", "2025-03-14", "দৈনিক নমুনা")
    assert boat.text.startswith("শুক্রবার সকালে মেঘনা নদীতে")
    assert (cricket.url, cricket.published) == ("https://example.com/cricket", "2025-03-20")  # the WARC-Date


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_warc_truncated_stops_with_e110_after_earlier_records(tmp_path, gz):
    path = tmp_path / "cut.warc"
    path.write_bytes(warc_bytes(gz=gz)[:-100])
    assert outcome(ingest(path), str(path)) == WARC_OUTCOME[:2] + [(":record 7", "E110")]


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_warc_cut_anywhere_never_raises_nor_yields_part_of_an_article(tmp_path, gz):
    data = warc_bytes(gz=gz)
    whole = {(r.where, r.text) for r in ingest_bytes(tmp_path, "full.warc", data) if isinstance(r, Record)}
    for cut in range(0, len(data), 61):
        items = ingest_bytes(tmp_path, "full.warc", data[:cut])
        assert {(r.where, r.text) for r in items if isinstance(r, Record)} <= whole


def ingest_bytes(folder, name, data, **options):
    """Return what `read` yields for `data` written to `folder/name`."""
    (folder / name).write_bytes(data)
    return ingest(folder / name, **options)


@pytest.mark.parametrize("data, code", [
    (b"this is not an archive\n" * 10, "E110"),
    (gzip.compress(b"not a warc either\n"), "E110"),
    (b"", "E105"),
])
def test_ingest_warc_not_an_archive(tmp_path, data, code):
    [problem] = ingest_bytes(tmp_path, "x.warc.gz", data)
    assert (problem.where, problem.error.code) == (str(tmp_path / "x.warc.gz"), code)


def test_ingest_warc_record_limit(tmp_path):
    items = ingest_bytes(tmp_path, "crawl.warc", warc_bytes(gz=False), max_bytes=1000)
    assert outcome(items, str(tmp_path / "crawl.warc")) == [(":record 3", "E107"), (":record 6", "E106"),
                                                            (":record 7", "ok")]


# --- feeds ------------------------------------------------------------------------------------------------

def test_ingest_rss_full_text_and_summary_only_entries():
    items = ingest(DATA / "feed.rss")
    assert outcome(items, str(DATA / "feed.rss")) == [(":entry 1", "ok"), (":entry 2", "E112"), (":entry 3", "ok")]
    flood, summary, rice = items
    assert flood.text.split("\n\n")[1].startswith("স্থানীয় বাসিন্দারা বলছেন") and "<" not in flood.text
    assert (flood.title, flood.url, flood.outlet) == ("সিলেটে আকস্মিক বন্যা", "https://example.com/news/flood",
                                                      "দৈনিক নমুনা")
    assert flood.published == "2025-03-15"  # the publisher's day (+0600), not the UTC day before
    assert "only a summary" in summary.error.message and "html/warc" in summary.error.message
    assert rice.published == "2025-03-13" and rice.text.count("\n\n") == 1  # full text in <description>


def test_ingest_atom_content():
    [record] = ingest(DATA / "feed.atom")
    assert (record.title, record.url, record.published, record.outlet) == (
        "বইমেলায় রেকর্ড বিক্রি", "https://example.org/book-fair", "2025-03-16", "নমুনা বার্তা")
    assert record.text.split("\n\n")[-1] == "আগামী বছর মেলার পরিসর আরও বাড়ানোর পরিকল্পনা রয়েছে।"


@pytest.mark.parametrize("name, data, code", [
    ("broken.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title', "E110"),
    ("sitemap.xml", b'<?xml version="1.0"?><urlset><url><loc>https://example.com/</loc></url></urlset>', "E110"),
    ("empty.atom", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
     "E105"),
])
def test_ingest_feed_that_is_not_a_feed(tmp_path, name, data, code):
    [problem] = ingest_bytes(tmp_path, name, data)
    assert (problem.where, problem.error.code) == (str(tmp_path / name), code)


# --- folders, paths, stdin, options -----------------------------------------------------------------------

def test_ingest_folder_sorted_recursive_skips_hidden_and_flags_unsupported(tmp_path):
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ["b.txt", ".hidden.txt", ".git/c.txt", "a/deeper/d.txt", "a.txt"]:
        shutil.copy(DATA / "article.txt", tmp_path / name)
    shutil.copy(DATA / "page.html", tmp_path / "a" / "page.html")
    shutil.copy(DATA / "dump.jsonl", tmp_path / "a" / "x.jsonl")
    (tmp_path / "notes.md").write_text("# notes")
    items = ingest(tmp_path)
    assert outcome(items, f"{tmp_path}/") == [
        ("a/deeper/d.txt", "ok"), ("a/page.html", "ok")] + [("a/x.jsonl" + w, c) for w, c in DUMP_OUTCOME] + [
        ("a.txt", "ok"), ("b.txt", "ok"), ("notes.md", "E111")]
    assert "'.md'" in items[-1].error.message and ".jsonl" in items[-1].error.message


def test_ingest_paths_in_order_missing_and_sniffed(tmp_path):
    shutil.copy(DATA / "page.html", tmp_path / "page.dat")
    items = ingest(DATA / "article.txt", tmp_path / "nope.txt", tmp_path / "page.dat")
    assert [type(i).__name__ for i in items] == ["Record", "Problem", "Record"]
    assert items[1].error.code == "E101" and items[2].title == "নদীতে নৌকাডুবি, নিখোঁজ তিনজন"


def test_ingest_fmt_forces_the_format(tmp_path):
    shutil.copy(DATA / "dump.jsonl", tmp_path / "dump.dat")
    assert outcome(ingest(tmp_path / "dump.dat", fmt="jsonl"), str(tmp_path / "dump.dat")) == DUMP_OUTCOME


@pytest.mark.parametrize("data, where", [
    ((DATA / "article.txt").read_bytes(), "<stdin>"),
    (PAGE, "<stdin>"),
    (f'\n{{"text": "{RICE}"}}\n'.encode("utf-8"), "<stdin>:2"),
    (gzip.compress(f'{{"text": "{RICE}"}}\n'.encode("utf-8")), "<stdin>:1"),
    ((DATA / "feed.atom").read_bytes(), "<stdin>:entry 1"),
    (warc_bytes(gz=False), "<stdin>:record 3"),
    (warc_bytes(gz=True), "<stdin>:record 3"),
], ids=["txt", "html", "jsonl", "jsonl.gz", "feed", "warc", "warc.gz"])
def test_ingest_stdin_sniffs_the_format(data, where):
    items = ingest("-", stdin=io.BytesIO(data))
    assert isinstance(items[0], Record) and items[0].where == where


def test_ingest_stdin_limits_and_errors():
    assert outcome(ingest("-", stdin=io.BytesIO(RICE.encode("utf-8")), max_bytes=20)) == [("<stdin>", "E107")]
    assert outcome(ingest("-", stdin=io.BytesIO(b""))) == [("<stdin>", "E105")]
    assert outcome(ingest("-", stdin=io.BytesIO(PNG))) == [("<stdin>", "E103")]


@pytest.mark.parametrize("name", ["article.txt", "page.html"])
def test_ingest_file_over_the_limit(name):
    [problem] = ingest(DATA / name, max_bytes=100)
    assert problem.error.code == "E107" and "--max-bytes" in problem.error.message


def test_ingest_bad_options_raise_at_once():
    assert FORMATS == ("txt", "html", "jsonl", "warc", "feed")
    with pytest.raises(UnsupportedInput):
        read(["x"], fmt="pdf")
    with pytest.raises(BadMetadata):
        read(["x"], fields={"body": "text"})

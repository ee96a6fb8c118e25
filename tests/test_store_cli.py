"""Store commands: demo, ingest, search, stats, export through the command line."""
import io
import json
import sys

import pytest

from khobor.cli import main

ARTICLE = "ঢাকায় বিক্ষোভকারীরা সরকারের কাছে দাবি জানিয়েছেন। রাশিয়ার রাষ্ট্রদূত এ বিষয়ে কিছু বলেননি।\n"


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("বিক্ষোভ\n\n" + ARTICLE, encoding="utf-8")
    (folder / "sub" / "b.jsonl").write_text(
        json.dumps({"body": "চট্টগ্রাম বন্দরে নতুন টার্মিনাল চালু হয়েছে। রাশিয়া থেকে আসা জাহাজ ভিড়েছে।",
                    "headline": "নতুন টার্মিনাল", "date": "2025-06-01"}, ensure_ascii=False) + "\n{oops\n",
        encoding="utf-8")
    (folder / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_demo_fills_the_store_once_and_shows_it(tmp_path, capsys, monkeypatch):
    from khobor.examples import examples
    db = tmp_path / "k.db"
    code, out, err = run(["demo", "--db", db], capsys)
    assert code == 0 and f"{len(examples())} articles" in out and "top entities" in out and "events:" in out
    assert f"{len(examples())} new articles" in err
    code, out, err = run(["demo", "--db", db], capsys)
    assert code == 0 and f"0 new articles, {len(examples())} already stored" in err


def test_ingest_reports_bad_items_and_stores_the_rest(corpus, tmp_path, capsys):
    db = tmp_path / "k.db"
    code, out, err = run(["ingest", corpus, "--db", db, "--field", "text=body", "--field", "title=headline",
                          "--field", "published=date"], capsys)
    assert code == 1
    lines = [x for x in err.splitlines() if x.startswith("khobor: skipped")]
    assert len(lines) == 2 and any("[E111]" in x and "c.png" in x for x in lines) and \
        any("[E109]" in x and "b.jsonl:2" in x for x in lines)
    assert "2 new articles, 0 already stored, 2 problems" in err
    code, out, _ = run(["search", "রাশিয়া", "--db", db, "--json"], capsys)
    result = json.loads(out)
    assert code == 0 and result["total"] == 2 and {h["title"] for h in result["hits"]} == {"বিক্ষোভ", "নতুন টার্মিনাল"}
    code, out, _ = run(["search", "টার্মিনাল", "--db", db], capsys)
    assert out.startswith("1 articles") and "«টার্মিনাল»" in out and "2025-06-01" in out


def test_ingest_from_stdin(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    code, _, err = run(["ingest", "-", "--db", tmp_path / "k.db"], capsys)
    assert code == 0 and "1 new articles" in err


def test_bad_field_option_is_a_coded_error(tmp_path, capsys):
    code, _, err = run(["ingest", tmp_path, "--field", "body", "--db", tmp_path / "k.db"], capsys)
    assert code == 2 and "[E108]" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv,code_,needle", [
    (["search", "ঢাকা"], 5, "[E400]"),
    (["stats"], 5, "[E400]"),
    (["export", "--out", "x"], 5, "[E400]"),
])
def test_store_commands_on_a_missing_store(tmp_path, capsys, argv, code_, needle):
    code, out, err = run(argv + ["--db", tmp_path / "none.db"], capsys)
    assert code == code_ and needle in err and "khobor ingest" in err and len(err.strip().splitlines()) == 1


def test_a_store_in_a_missing_folder_is_a_coded_error(tmp_path, capsys):
    code, _, err = run(["ingest", tmp_path, "--db", tmp_path / "no" / "such" / "k.db"], capsys)
    assert code == 5 and "[E400]" in err and "folder exists" in err and len(err.strip().splitlines()) == 1


def test_stats_and_export(corpus, tmp_path, capsys):
    db = tmp_path / "k.db"
    run(["ingest", corpus, "--db", db, "-q"], capsys)
    code, out, _ = run(["stats", "--db", db, "--json"], capsys)
    s = json.loads(out)
    assert code == 0 and s["articles"] == 1 and s["problems"] == 3 and s["schema_version"] >= 1
    code, out, _ = run(["export", "--db", db, "--out", tmp_path / "t", "--format", "csv"], capsys)
    assert code == 0 and "articles.csv: 1 rows" in out and (tmp_path / "t" / "events.csv").exists()


def test_search_bad_date_is_a_coded_error(corpus, tmp_path, capsys):
    db = tmp_path / "k.db"
    run(["ingest", corpus, "--db", db, "-q"], capsys)
    code, _, err = run(["search", "ঢাকা", "--from", "yesterday", "--db", db], capsys)
    assert code == 2 and "[E410]" in err

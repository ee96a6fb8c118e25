"""The command line: output contracts and one-line coded errors for bad input (never a traceback)."""
import json
import subprocess
import sys

import pytest

from khobor.cli import main

ARTICLE = "ঢাকা, ১২ মার্চ — সরকার নতুন বাজেট ঘোষণা করেছে। অর্থমন্ত্রী বলেন, ‘এটি জনবান্ধব বাজেট।’\nসূত্র: বাসস\n"


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_analyze_prints_contract_json(article, capsys):
    code, out, err = run(["analyze", article, "--published", "2025-03-12", "--tokens"], capsys)
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc["schema"] == "khobor.document/1"
    assert doc["meta"]["published"] == "2025-03-12"
    assert [s["text"] for s in doc["sentences"]] == [
        "ঢাকা, ১২ মার্চ — সরকার নতুন বাজেট ঘোষণা করেছে।", "অর্থমন্ত্রী বলেন, ‘এটি জনবান্ধব বাজেট।’", "সূত্র: বাসস"]
    for s in doc["sentences"] + doc["tokens"]:
        assert doc["text"][s["start"]:s["end"]] == s.get("text", doc["text"][s["start"]:s["end"]])
    assert {"start", "end", "text", "lemma"} <= set(doc["tokens"][0])


def test_cli_analyze_pretty_numbers_sentences(article, capsys):
    code, out, _ = run(["analyze", article, "--format", "pretty"], capsys)
    assert code == 0
    assert "[1] ঢাকা, ১২ মার্চ" in out and "[3] সূত্র: বাসস" in out and "¶2" in out


def test_cli_analyze_title_line_goes_to_meta(tmp_path, capsys):
    p = tmp_path / "t.txt"
    p.write_text("বাজেট ঘোষণা\n\n" + ARTICLE, encoding="utf-8")
    code, out, _ = run(["analyze", p], capsys)
    doc = json.loads(out)
    assert doc["meta"]["title"] == "বাজেট ঘোষণা" and not doc["text"].startswith("বাজেট ঘোষণা")


def test_cli_analyze_accepts_utf16_with_bom(tmp_path, capsys):
    p = tmp_path / "u16.txt"
    p.write_bytes(ARTICLE.encode("utf-16"))
    code, out, _ = run(["analyze", p], capsys)
    assert code == 0 and len(json.loads(out)["sentences"]) == 3


def _bad(tmp_path, name, data):
    p = tmp_path / name
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


BAD_INPUTS = [
    ("missing", None, "E101", "no such file"),
    ("dir", "DIR", "E102", "directory"),
    ("nul.txt", b"\xe0\xa6\x95\x00\x01\x02", "E103", "NUL byte at byte offset 3"),
    ("img.png", b"\x89PNG\r\n\x1a\n....", "E103", "PNG"),
    ("latin1.txt", "ঢাকা ".encode("utf-8") + b"caf\xe9", "E104", "byte offset 16"),
    ("empty.txt", b"", "E105", "empty"),
    ("blank.txt", " \n\t\n ", "E105", "empty"),
    ("english.txt", "This is an English news story about the weather.", "E106", "0% of its letters are Bengali"),
]


@pytest.mark.parametrize("name,data,code,words", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_cli_bad_input_gets_one_coded_line(tmp_path, capsys, name, data, code, words):
    if data is None:
        path = tmp_path / name
    elif data == "DIR":
        path = tmp_path
    else:
        path = _bad(tmp_path, name, data)
    status, out, err = run(["analyze", path], capsys)
    assert status == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and f"[{code}]" in lines[0] and words in lines[0]
    assert "Traceback" not in err


def test_cli_too_large_respects_max_bytes(article, capsys):
    status, _, err = run(["analyze", article, "--max-bytes", "20"], capsys)
    assert status == 2 and "[E107]" in err and "--max-bytes" in err


def test_cli_bad_published_date(article, capsys):
    status, _, err = run(["analyze", article, "--published", "12/03/2025"], capsys)
    assert status == 2 and "[E108]" in err and "YYYY-MM-DD" in err


def test_cli_batch_goes_on_after_a_bad_file(article, tmp_path, capsys):
    status, out, err = run(["analyze", tmp_path / "nope.txt", article], capsys)
    assert status == 1
    assert len(out.strip().splitlines()) == 1 and "[E101]" in err


def test_cli_reads_stdin_in_a_real_process():
    proc = subprocess.run([sys.executable, "-m", "khobor", "analyze", "-", "--format", "pretty"],
                          input=ARTICLE.encode("utf-8"), capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "[2] অর্থমন্ত্রী বলেন" in proc.stdout.decode("utf-8")


def test_cli_real_process_error_exit_and_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "khobor", "analyze", str(tmp_path / "missing.txt")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_cli_demo_summarizes_every_example(capsys):
    from khobor.examples import examples
    code, out, _ = run(["demo", "--articles"], capsys)
    assert code == 0
    for ex in examples():
        assert ex.id in out and ex.title in out
    assert f"{len(examples())} example articles analyzed" in out


def test_cli_eval_sentences_on_gold_json(capsys):
    import pathlib
    gold = pathlib.Path(__file__).parent / "data" / "gold"
    code, out, _ = run(["eval", "sentences", "--data", gold, "--json"], capsys)
    result = json.loads(out)
    assert code == 0 and result["documents"] >= 10 and 0 <= result["sentences"]["f1"] <= 1


def test_cli_eval_missing_data_is_a_coded_error(tmp_path, capsys):
    status, _, err = run(["eval", "sentences", "--data", tmp_path / "none"], capsys)
    assert status == 2 and "[E101]" in err

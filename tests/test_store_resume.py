"""Kill and resume: SIGKILL an ingest mid-way, run it again, and every article is stored exactly once."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from khobor.examples import examples

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def write_corpus(folder, n):
    """n distinct articles made by joining paragraphs of two bundled examples."""
    exs = examples()
    paras = [[p for p in ex.text.split("\n") if p.strip()] for ex in exs]
    for i in range(n):
        a, b = paras[i % len(exs)], paras[(i * 7 + 3) % len(exs)]
        body = "\n\n".join(a[: 1 + i % len(a)] + b[-(1 + i // len(exs) % len(b)):])
        (folder / f"{i:04d}.txt").write_text(f"প্রতিবেদন {i}\n\n{body}\n", encoding="utf-8")


def count(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_then_rerun_stores_each_article_once(tmp_path):
    n = 240
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, n)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "khobor", "ingest", str(corpus), "--db", str(db), "--batch-size", "8", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while count(db) < 16 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = count(db)
    assert 0 < before < n, f"the kill should land mid-ingest (stored {before} of {n})"

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*), count(DISTINCT content_hash), count(DISTINCT origin) FROM articles"
                       ).fetchone() == (n, n, n)
    assert con.execute("SELECT count(*) FROM article_fts").fetchone()[0] == n
    orphans = con.execute("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()
    assert orphans[0] == 0
    origins = {os.path.basename(o) for (o,) in con.execute("SELECT origin FROM articles")}
    assert origins == {f"{i:04d}.txt" for i in range(n)}

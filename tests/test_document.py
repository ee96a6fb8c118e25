"""The data model and the pipeline: offsets, JSON round trip, requires/provides checks."""
import pytest

import khobor
from khobor.document import Document
from khobor.errors import DataError, EmptyInput, PipelineError, UnknownStep
from khobor.pipeline import Pipeline, register

TEXT = "ঢাকা, ১ মে — শ্রমিকেরা মিছিল করেন। ড. রহমান বলেন, ‘ন্যায্য মজুরি চাই।’\nসরকার আলোচনায় রাজি।"


def test_document_spans_are_views_with_offsets():
    doc = khobor.analyze(TEXT, published="2025-05-01")
    assert doc.meta.published == "2025-05-01"
    for s in doc.sentences:
        assert s.text == doc.text[s.start:s.end]
        assert all(s.start <= t.start and t.end <= s.end for t in s.tokens)
    assert doc.sentences[1].tokens[0].text == "ড."
    assert doc.char_span(0, 4).text == "ঢাকা"
    assert doc.sentence_of(doc.text.index("সরকার")) == 2


def test_document_json_round_trip():
    doc = khobor.analyze(TEXT, title="মে দিবস", outlet="Test")
    d = doc.to_dict(tokens=True)
    back = Document.from_dict(d)
    assert back.to_dict(tokens=True) == d


def test_document_from_dict_rejects_bad_schema_and_offsets():
    d = khobor.analyze(TEXT).to_dict()
    with pytest.raises(DataError):
        Document.from_dict({**d, "schema": "other/9"})
    bad = {**d, "sentences": [{"start": 0, "end": 10_000, "text": ""}]}
    with pytest.raises(DataError):
        Document.from_dict(bad)


def test_document_id_is_stable():
    assert khobor.analyze(TEXT).id == khobor.analyze(TEXT).id != khobor.analyze(TEXT + " আরও।").id


def test_pipeline_checks_requirements_when_built():
    with pytest.raises(PipelineError) as e:
        Pipeline(["segment"])
    assert "requires text" in str(e.value) and "normalize" not in str(e.value).split("fulfilled")[1][:10]
    with pytest.raises(UnknownStep):
        Pipeline(["normalize", "nonsense"])


def test_pipeline_runs_a_registered_custom_step():
    @register("count_words", requires=("tokens",), provides=("word_count",))
    def make():
        def step(doc):
            doc.extra["word_count"] = sum(1 for t in doc.tokens if t.text.isalpha() or len(t.text) > 1)
        return step

    doc = Pipeline(["normalize", "segment", "count_words"]).process("এক দুই তিন।")
    assert doc.to_dict()["word_count"] == 3


def test_pipe_records_bad_items_and_goes_on():
    out = list(khobor.pipe(["প্রথম লেখা।", "   ", {"text": "দ্বিতীয় লেখা।", "published": "2025-01-02"}],
                           errors="return"))
    assert isinstance(out[1], EmptyInput)
    assert out[0].sentences[0].text == "প্রথম লেখা।" and out[2].meta.published == "2025-01-02"
    with pytest.raises(EmptyInput):
        list(khobor.pipe([""]))

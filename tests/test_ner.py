"""The statistical entity tagger, its training command, recognition rules and linking inside an article."""
import json
import pathlib

import pytest

import khobor
from khobor import nerdata, nertrain
from khobor.cli import main
from khobor.linking import base_form, khobor_id
from khobor.ner import decode, features, load_tagger, manifest, sentence_features

GOLD = pathlib.Path(__file__).parent / "data" / "gold"


def ents(text):
    doc = khobor.analyze(text)
    return [(e.text, e.label, e.canonical) for e in doc.entities]


@pytest.mark.parametrize("tags,expected", [
    (["B-PER", "I-PER", "O", "B-GPE"], [(0, 2, "PER"), (3, 4, "GPE")]),
    (["I-ORG", "I-ORG"], [(0, 2, "ORG")]),
    (["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["B-PER", "I-ORG"], [(0, 1, "PER"), (1, 2, "ORG")]),
    (["O", "O"], []),
])
def test_decode_bio(tags, expected):
    assert decode(tags) == expected


def test_word_features_use_morphology_and_lexicons():
    f = features("রাইসির")
    assert "b=" + "রাইসি" in [x.replace("ী", "ি") for x in f] or any(x.startswith("b=") for x in f)
    assert "sfx=র" in f
    assert "cue=title" in features("প্রধানমন্ত্রী")
    assert any(x.startswith("pn=") for x in features("হোসেন"))


def test_sentence_features_mark_gazetteer_matches_and_context():
    words = ["প্রধানমন্ত্রী", "শেখ", "হাসিনা", "ঢাকায়", "ফিরেছেন", "।"]
    feats = sentence_features(words, [True] * 4 + [False, False])
    assert "gz=B-PER" in feats[1] and "gz=I-PER" in feats[2]
    assert "gz=B-GPE" in feats[3]
    assert "-1:cue=title" in feats[1]
    assert "BOS" in feats[0] and "EOS" in feats[-1]


@pytest.mark.parametrize("line,tags", [
    ('["আবুল কাশেম ঢাকায় গেলেন।", ["B-PERSON", "L-PERSON", "U-GPE", "O", "O"]]', ["B-PER", "I-PER", "B-GPE", "O", "O"]),
    ('["আইন মন্ত্রণালয় জানায়।", ["B-ORG", "L-ORG", "O", "O"]]', ["B-ORG", "I-ORG", "O", "O"]),
    ('["২০২৩ সালে আইনটি পাস হয়।", ["U-DATE", "O", "U-LAW", "O", "O", "O"]]', ["O", "O", "O", "O", "O", "O"]),
])
def test_banglakit_reader_maps_bilou_to_bio(tmp_path, line, tags):
    p = tmp_path / "d.jsonl"
    p.write_text(line + "\n", encoding="utf-8")
    samples, skipped = nerdata.read(p, "banglakit")
    assert skipped == 0 and samples[0].tags == tags


def test_banglakit_reader_skips_sentences_whose_token_count_differs(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text('["এক দুই তিন।", ["O", "O"]]\n["এক দুই।", ["O", "O", "O"]]\n', encoding="utf-8")
    samples, skipped = nerdata.read(p, "banglakit")
    assert skipped == 1 and len(samples) == 1


def test_conll_reader(tmp_path):
    p = tmp_path / "d.conll"
    p.write_text("-DOCSTART- O\n\nরহিম B-PER\nউদ্দিন I-PER\nবলেন O\n\nঢাকা B-LOC\n", encoding="utf-8")
    samples, _ = nerdata.read(p, "conll")
    assert [s.tags for s in samples] == [["B-PER", "I-PER", "O"], ["B-LOC"]]


def test_repair_removes_titles_and_adds_missed_gazetteer_names():
    s = nerdata.Sample(["অধ্যাপক", "আনিসুর", "রহমান", "বাংলাদেশের", "নাগরিক", "।"], [True] * 5 + [False],
                       ["B-PER", "I-PER", "I-PER", "O", "O", "O"], 0)
    changed = nerdata.repair([s])
    assert changed == 2
    assert s.tags == ["O", "B-PER", "I-PER", "B-GPE", "O", "O"]
    assert s.original == ["B-PER", "I-PER", "I-PER", "O", "O", "O"]


def test_khobor_reader_tags_whole_tokens_of_gold_entities():
    samples, _ = nerdata.read(GOLD, "khobor")
    assert len({s.block for s in samples}) >= 40
    tagged = sum(t.startswith("B-") for s in samples for t in s.tags)
    assert tagged >= 900


def test_folds_are_contiguous_and_never_split_an_article():
    samples, _ = nerdata.read(GOLD, "khobor")
    for train, test in nertrain.folds(samples, 5):
        held = {s.block for s in test}
        assert held and not held & {s.block for s in train}
        assert max(held) - min(held) + 1 == len(held)


def test_train_command_writes_model_and_manifest(tmp_path):
    data = tmp_path / "gold"
    data.mkdir()
    for f in sorted(GOLD.glob("*.json"))[:6]:
        (data / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "m" / "ner.crfsuite"
    assert main(["train", "ner", "--data", str(data), "--out", str(out)]) == 0
    man = json.loads((tmp_path / "m" / "ner.json").read_text(encoding="utf-8"))
    assert (tmp_path / "m" / "ner.weights.npz").exists()
    assert man["data"][0]["format"] == "khobor" and len(man["data"][0]["sha256"]) == 64
    assert man["sentences"] > 50
    tagger = load_tagger(str(out))
    tags = tagger.tag(["বাণিজ্যমন্ত্রী", "টিপু", "মুনশি", "বলেন", "।"], [True] * 4 + [False])
    assert len(tags) == 5 and set(tags) <= {"O"} | {p + lab for p in ("B-", "I-")
                                                    for lab in ("PER", "ORG", "GPE", "LOC", "NORP")}


def test_train_command_bad_data_is_one_line_error(tmp_path, capsys):
    bad = tmp_path / "x.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert main(["train", "ner", "--data", str(bad), "--out", str(tmp_path / "m.crfsuite")]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[E300]" in err
    assert not (tmp_path / "m.crfsuite").exists()


def test_shipped_model_has_a_manifest_with_data_hashes_and_scores():
    man = manifest()
    assert man is not None, "khobor/models/ner.json is missing"
    assert {d["format"] for d in man["data"]} >= {"khobor"}
    assert all(len(d["sha256"]) == 64 for d in man["data"])
    assert "cross_validation" in man and man["cross_validation"]["micro_exact"]["f1"] > 0.5


def test_unknown_person_found_by_role_and_later_short_mention_linked():
    found = ents("উপজেলা নির্বাহী কর্মকর্তা মো. রফিকুল ইসলাম ঘটনাস্থল পরিদর্শন করেন। পরে রফিকুলের নির্দেশে "
                 "উদ্ধারকাজ শুরু হয়।")
    people = [(t, c) for t, lab, c in found if lab == "PER"]
    assert people[0][0] == "মো. রফিকুল ইসলাম" and people[0][1] == "Md. Rafiqul Islam"
    assert ("রফিকুলের", "Md. Rafiqul Islam") in people


def test_short_mention_of_gazetteer_person_gets_full_canonical():
    found = ents("রুশ প্রেসিডেন্ট ভ্লাদিমির পুতিন মস্কোয় বৈঠক করেন। বৈঠকের পর পুতিনের মুখপাত্র কথা বলেন।")
    assert ("পুতিনের", "PER", "Vladimir Putin") in found


def test_acronym_defined_in_parentheses_links_to_the_full_name():
    from khobor.linking import Mention, link
    text = "জাতীয় বিপর্যয় মোকাবিলা বাহিনী (এনডিআরএফ) এসেছে। এনডিআরএফের দল কাজ করছে।"
    full = "জাতীয় বিপর্যয় মোকাবিলা বাহিনী"
    a = text.index("এনডিআরএফ")
    b = text.index("এনডিআরএফের")
    ms = [Mention(0, len(full), "ORG", full.split(), full),
          Mention(a, a + 8, "ORG", ["এনডিআরএফ"], "এনডিআরএফ"),
          Mention(b, b + 11, "ORG", ["এনডিআরএফের"], "এনডিআরএফের")]
    link(text, ms)
    assert ms[1].kb_id == ms[0].kb_id == ms[2].kb_id
    assert ms[2].canonical == ms[0].canonical and ms[2].source == "linked"


def test_hyphenated_pair_gives_two_entities():
    found = ents("পুতিন-রাইসি বৈঠকে ইরান-রাশিয়া সম্পর্ক নিয়ে আলোচনা হয়।")
    texts = [t for t, _, _ in found]
    assert "পুতিন" in texts and "রাইসি" in texts and "ইরান" in texts and "রাশিয়া" in texts


def test_place_with_head_word_is_one_entity():
    found = ents("টেকনাফ উপজেলার সাবরাং ইউনিয়নে অভিযান চালায় টেকনাফ মডেল থানার পুলিশ।")
    assert ("টেকনাফ উপজেলার", "GPE") in [(t, lab) for t, lab, _ in found]


def test_genitive_place_does_not_swallow_a_title():
    found = ents("রাঙামাটির জেলা প্রশাসক সভায় বক্তব্য দেন।")
    assert [(t, lab) for t, lab, _ in found] == [("রাঙামাটির", "GPE")]


def test_unknown_names_get_stable_khobor_ids():
    assert khobor_id("PER", "মো. রফিকুল ইসলাম") == khobor_id("PER", "মো. রফিকুল ইসলাম")
    assert khobor_id("PER", "মো. রফিকুল ইসলাম").startswith("khobor:per:")
    assert khobor_id("PER", "মো. রফিকুল ইসলাম") != khobor_id("PER", "মো. রফিকুল হাসান")
    assert khobor_id("PER", "রফিকুল ইসলাম") == khobor_id("PER", "রফিকুল ইসলাম")   # ZWJ-free key


@pytest.mark.parametrize("words,expected", [
    (["রাইসির"], "রাইসি"),
    (["ঢাকা", "বিশ্ববিদ্যালয়ের"], "ঢাকা বিশ্ববিদ্যালয়"),
    (["ক্যাম্প", "-", "৯", "-", "এর"], "ক্যাম্প-৯"),
])
def test_base_form(words, expected):
    surface = "".join(w if w in "-" or i == 0 or words[i - 1] == "-" else " " + w for i, w in enumerate(words))
    assert base_form(words, surface) == expected


def test_pretty_output_marks_entities_with_canonical_names(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("পররাষ্ট্রমন্ত্রী হাছান মাহমুদ ঢাকায় ফিরেছেন।\n", encoding="utf-8")
    assert main(["analyze", "--format", "pretty", str(p)]) == 0
    out = capsys.readouterr().out
    assert "ঢাকায়" in out and "Dhaka" in out


def test_cli_eval_ner_conll_and_folds(tmp_path, capsys):
    p = tmp_path / "d.conll"
    lines = []
    for k in range(6):
        lines += ["-DOCSTART- O", "", "মো. B-PER", "করিম I-PER", "ঢাকায় B-LOC", "গেছেন O", "। O", ""]
    p.write_text("\n".join(lines), encoding="utf-8")
    assert main(["eval", "ner", "--data", str(p), "--folds", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["format"] == "conll" and out["folds"] == 2 and out["sentences"] == 6
    assert "PER" in out["per_label_exact"]


def test_cli_eval_ner_too_many_folds_is_one_line_error(tmp_path, capsys):
    p = tmp_path / "d.conll"
    p.write_text("রহিম B-PER\nবলেন O\n", encoding="utf-8")
    assert main(["eval", "ner", "--data", str(p), "--folds", "5"]) == 4
    err = capsys.readouterr().err
    assert "[E300]" in err and err.count("\n") == 1


def test_fast_tagger_equals_crfsuite_on_gold():
    import pycrfsuite
    from khobor.entities import match_tokens
    from khobor.ner import Tagger, model_path
    samples, _ = nerdata.read(GOLD, "khobor")
    path = str(model_path())
    ref = pycrfsuite.Tagger()
    ref.open(path)
    fast = Tagger(path)
    batch = [(s.words, s.spaced, match_tokens(s.words, s.spaced)) for s in samples[:300]]
    expected = [ref.tag(sentence_features(w, sp, m)) for w, sp, m in batch]
    assert fast.tag_many(batch) == expected


def test_pipe_batches_give_the_same_entities_as_process():
    texts = [(GOLD.parent.parent.parent / "khobor" / "examples" / f"{g.stem}.txt").read_text(encoding="utf-8")
             for g in sorted(GOLD.glob("*.json"))[:8]]
    p = khobor.load()
    one = [[(e.start, e.end, e.label, e.canonical) for e in p.process(t).entities] for t in texts]
    many = [[(e.start, e.end, e.label, e.canonical) for e in d.entities] for d in p.pipe(texts, batch_size=5)]
    assert one == many


def test_pipe_isolates_a_bad_item_in_a_batch():
    docs = list(khobor.pipe(["রহিম ঢাকায় গেছেন।", "   ", "করিম খুলনায় গেছেন।"], errors="return"))
    assert isinstance(docs[1], khobor.KhoborError)
    assert [e.text for e in docs[0].entities] and [e.text for e in docs[2].entities]


def test_exported_weights_are_used_only_when_they_match_the_model(tmp_path):
    import shutil

    import numpy as np
    from khobor.crf import export_weights, load_weights, read_weights
    from khobor.ner import model_path
    model = tmp_path / "ner.crfsuite"
    shutil.copy(str(model_path()), model)
    assert load_weights(str(model)) is None
    export_weights(str(model))
    labels, attrs, matrix, trans = load_weights(str(model))
    ref = read_weights(str(model))
    assert labels == ref[0] and attrs == ref[1] and np.allclose(matrix, ref[2]) and np.allclose(trans, ref[3])
    model.write_bytes(model.read_bytes() + b"\0")          # the model changed: the export is stale
    assert load_weights(str(model)) is None


def test_one_sense_per_article_for_name_words():
    found = ents("পাকিস্তানের অধিনায়ক ফাতিমা সানা টস জেতেন। পরে সানা দুটি উইকেট নেন।")
    assert ("সানা", "PER", "Fatima Sana") in found

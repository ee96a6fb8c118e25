"""Benchmark worker: runs one system over a corpus and prints one JSON line of measurements.

Run by bench/run.py, with khobor's Python for khobor systems and the peers' venv Python for peers.
"""
import json
import resource
import sys
import time


def systems():
    """Return {name: (setup, run)}; setup() returns state, run(state, text) processes one article."""
    def khobor_normalize():
        from khobor.normalize import normalize
        return lambda text: normalize(text)

    def khobor_segment():
        from khobor.normalize import normalize
        from khobor.segment import segment
        # tokenize + split sentences on already-normalized text (normalization is timed separately)
        return lambda text: segment(text)

    def khobor_segment_objects():
        import khobor
        pipe = khobor.load(("normalize", "segment"))

        def run(text):
            doc = pipe.process(text)
            return len(doc.tokens) + len(doc.sentences)   # materialize Token views too
        return run

    def khobor_analyze():
        import khobor
        pipe = khobor.load()
        return lambda text: pipe.process(text)

    def khobor_analyze_no_entities():
        import khobor
        pipe = khobor.load(("normalize", "segment", "morph"))
        return lambda text: pipe.process(text)

    def khobor_pipe():
        import khobor
        pipe = khobor.load()
        return ("batch", lambda texts: sum(1 for _ in pipe.pipe(texts)))

    def spacy_bn():
        import spacy
        nlp = spacy.blank("bn")
        nlp.add_pipe("sentencizer")
        return lambda text: len(list(nlp(text).sents))

    def bnlp_basic():
        from bnlp import BasicTokenizer
        tok = BasicTokenizer()
        return lambda text: tok.tokenize(text)

    def indicnlp():
        from indicnlp.tokenize import indic_tokenize, sentence_tokenize

        def run(text):
            return [indic_tokenize.trivial_tokenize(s, lang="bn")
                    for s in sentence_tokenize.sentence_split(text, lang="bn")]
        return run

    return {"khobor-normalize": khobor_normalize, "khobor-segment": khobor_segment,
            "khobor-segment+objects": khobor_segment_objects, "khobor-analyze": khobor_analyze,
            "khobor-analyze-no-entities": khobor_analyze_no_entities, "khobor-pipe": khobor_pipe,
            "spacy-bn": spacy_bn, "bnlp-basic": bnlp_basic, "indicnlp": indicnlp}


def main():
    name, corpus_path, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
    texts = json.load(open(corpus_path, encoding="utf-8"))
    if name == "khobor-segment":
        from khobor.normalize import normalize
        texts = [normalize(t) for t in texts]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t_load = time.perf_counter()
    run = systems()[name]()
    load_s = time.perf_counter() - t_load
    batch = isinstance(run, tuple)           # ("batch", fn): fn takes the whole list of texts
    if batch:
        run = run[1]
        run(texts[:10])
    else:
        for t in texts[:10]:
            run(t)                           # warm up caches
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(repeat):
            if batch:
                run(texts)
            else:
                for t in texts:
                    run(t)
        best = min(best, time.perf_counter() - t0)
    chars = sum(map(len, texts)) * repeat
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"system": name, "chars": chars, "articles": len(texts) * repeat, "seconds": best,
                      "load_seconds": load_s, "peak_rss_mb": peak / 1024, "rss_before_mb": rss0 / 1024}))


if __name__ == "__main__":
    main()

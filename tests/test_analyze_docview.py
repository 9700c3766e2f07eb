"""The views of a parsed Doc that the components share (``dyadwatch.analyze.docview``): the same
as spaCy's own, built once per Doc, and built again when a retokeniser changes the Doc."""

from __future__ import annotations

from dyadwatch.analyze.docview import KEEP, doc_deps, doc_heads, doc_pos, doc_sents, doc_text, doc_tokens

TEXT = ("China and Russia signed a trade agreement in Moscow on Tuesday.\n\n"
        "The European Union said it would not recognise the deal, officials in Brussels said. "
        "Beijing rejected the criticism.")


def test_views_are_spacys_own(nlp):
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text == TEXT
    assert [(s.start, s.end) for s in doc_sents(doc)] == [(s.start, s.end) for s in doc.sents]
    assert [t.i for t in doc_tokens(doc)] == list(range(len(doc)))
    assert [t.text for t in doc_tokens(doc)] == [t.text for t in doc]
    assert doc_heads(doc) == [t.head.i for t in doc]
    assert doc_pos(doc) == [t.pos_ for t in doc]
    assert doc_deps(doc) == [t.dep_ for t in doc]


def test_views_are_built_once_per_doc(nlp):
    doc = nlp(TEXT)
    assert doc_tokens(doc) is doc_tokens(doc)
    assert doc_sents(doc) is doc_sents(doc)
    assert doc_pos(doc) is doc_pos(doc)
    assert doc_deps(doc) is doc_deps(doc)
    other = nlp(TEXT)
    assert doc_tokens(other) is not doc_tokens(doc)
    assert doc_text(other) == doc_text(doc)
    # more Docs than are kept: the first one's views are built again, and still right
    for _ in range(KEEP + 1):
        nlp.make_doc("Another text.")
        doc_text(nlp.make_doc("Another text."))
    assert [t.text for t in doc_tokens(doc)] == [t.text for t in doc]


def test_a_retokenised_doc_gets_new_views(nlp):
    doc = nlp(TEXT)
    before = doc_tokens(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:3])  # "China and Russia"
    assert len(doc_tokens(doc)) == len(before) - 2
    assert doc_tokens(doc)[0].text == "China and Russia"
    assert doc_heads(doc) == [t.head.i for t in doc]
    assert doc_deps(doc) == [t.dep_ for t in doc]
    assert doc_text(doc) == TEXT


def test_threads_running_the_pipeline_at_once_each_read_their_own_docs(nlp):
    """A Dask worker or the web server may run the pipeline in several threads: each thread's
    Docs get their own views, and no thread sees another's."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Chile and Peru held talks in Lima on day {i}. Both sides praised the meeting." for i in range(24)]

    def analyse(text: str) -> tuple[str, str, list[int]]:
        doc = nlp(text)
        return doc_text(doc), "".join(t.text_with_ws for t in doc_tokens(doc)), doc_heads(doc)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(analyse, texts))
    for text, (seen, joined, heads) in zip(texts, results):
        assert seen == joined == text
        assert heads == [t.head.i for t in nlp(text)]

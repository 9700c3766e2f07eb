"""Actor resolution: every mention of a state or international organisation, with its code.

The spaCy component ``dyadwatch_actors`` finds, in one left-to-right pass over a Doc:

- names, short names, demonyms, combining forms ("Sino-"), capitals and seats of power
  (``dyadwatch.countries.v2``) and organisations (``dyadwatch.organisations.v1``);
- people who act for a state (``dyadwatch.leaders.v2``), by full name or alias, and by
  surname once their full name has appeared;
- titles ("the Russian president", "China's top diplomat", "Chinese officials",
  "President of France") through the country next to them (``dyadwatch.titles.v2``), and
  the person holding the title on the reference date;
- people named next to a title ("Deputy Foreign Minister Sergei Ryabkov", "Saudi Ambassador
  to Iran, Abdullah Al Anzi") even when they are in no dictionary;
- "the president", "the head of state" with no state next to them: the holder of that office
  named in the last sentences;
- he/she/his/her, resolved to the person most recently named in the last sentences.

Analysts, journalists, think tanks, outlets and geography that merely contain a country
word ("Carnegie Russia Eurasia Center", "South China Morning Post", "South China Sea",
"Chinese analysts"), and a country that ends a place's address ("DUBAI, United Arab
Emirates --", "in Gyeongju, South Korea,"), produce no mention.

Usage::

    import spacy
    import dyadwatch.analyze.actors  # registers the factory

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("dyadwatch_actors")
    doc = nlp.make_doc("The US president met Xi Jinping in Beijing.")
    doc._.dw_ref_date = "2023-11-15"          # publication date, optional
    doc = nlp(doc)
    doc._.dw_mentions[0]
    # {'start': 4, 'end': 16, 'text': 'US president', 'code': 'USA', 'kind': 'title',
    #  'person': 'Joe Biden', 'entry': "US president -> USA (title 'president'; Joe Biden ...)",
    #  'dictionary': 'dyadwatch.titles.v2', 'form': 'title'}

Results live in ``doc._.dw_mentions`` (plain dicts, see ``MENTION_KEYS``) and in the span
group ``doc.spans["dw_actors"]`` (``span.label_`` = code, ``span.id_`` = entry,
``span.kb_id_`` = person or ""). Both survive ``Doc.to_bytes`` and ``nlp.pipe(n_process=2)``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import ensure_path

from dyadwatch.analyze.docview import doc_sents, doc_text, doc_tokens
from dyadwatch.dictionaries import (
    ActorDictionary,
    actor_name,
    actor_type,
    load_actor_dictionaries,
    read_actor_dictionary,
)
from dyadwatch.dictionaries.words import WordLists, word_lists
from dyadwatch.records import ActorMention

__all__ = [
    "MENTION_KEYS",
    "ActorResolver",
    "actor_name",
    "actor_type",
    "make_actor_resolver",
    "mentions_from_doc",
]

#: Keys of each dict in ``doc._.dw_mentions``.
MENTION_KEYS = ("start", "end", "text", "code", "entry", "dictionary", "person", "kind", "form", "actor_type")

# Doc extensions: plain data only, so Docs survive to_bytes and multiprocessing.
for _ext in ("dw_mentions", "dw_ref_date"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None, force=True)

_FAR_PAST = date(1, 1, 1).toordinal()
_FAR_FUTURE = date(9999, 12, 31).toordinal()

_POSSESSIVE = {"'s", "’s", "'", "’"}
#: forms of a state's name that may end a place's address ("Gyeongju, South Korea")
_ADDRESS_FORMS = {"name", "short_name", "official_name", "acronym"}
#: forms of a state's or organisation's name that "it" may stand for (not demonyms: "Chinese officials")
_PRONOUN_FORMS = {"name", "short_name", "official_name", "acronym", "capital", "seat_of_power", "state_organ"}
#: how many sentences back "the president" may look for the president named before
TITLE_SENTENCES = 6
_HYPHENS = re.compile(r"[-–—]")
_WORDS = re.compile(r"[\s\-–—]+")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_APOSTROPHES = ("'", "’")
#: forms of a state's name that a misspelt name may stand for (not demonyms, capitals, acronyms)
_MISSPELT_FORMS = {"name", "short_name", "official_name"}
#: entity labels a misspelt name may carry, and what it may then be
_MISSPELT_LABELS = {"GPE": ("ACTOR",), "LOC": ("ACTOR",), "ORG": ("ACTOR",), "PERSON": ("PERSON", "ACTOR")}
#: the shortest name a one-letter slip is looked for in: shorter names ("Iran", "Mali", "Oman")
#: are one letter from other words and names
MISSPELT_MIN_LEN = 8


@dataclass
class _Entry:
    """One pattern's meaning, shared by all its surface variants."""

    label: str  # ACTOR | NONSTATE | PERSON | TITLE
    dictionary: str
    code: str = ""
    form: str = ""
    note: str = ""
    display: str = ""
    person: int = -1  # index into _persons for PERSON entries
    title: str = ""
    title_kind: str = ""
    roles: tuple[str, ...] = ()


@dataclass
class _Person:
    name: str
    dictionary: str
    gender: str | None
    surname: str
    roles: list[tuple[int, int, str, str, str, str | None]] = field(default_factory=list)
    # (from_ord, to_ord, code, role, from_iso, to_iso)


@dataclass
class _Mention:
    start: int  # token index
    end: int
    code: str
    kind: str  # state | organisation | person | title | pronoun
    entry: str
    dictionary: str
    form: str
    person: str | None = None
    start_char: int = -1
    end_char: int = -1
    person_idx: int = -1
    gender: str | None = None
    alive: bool = True
    roles: frozenset[str] = frozenset()  # offices it is known by: its title's and its person's


@dataclass(frozen=True)
class ActorWords:
    """The words of one language the actor resolver reads the text around a name by.

    Read from ``dictionaries/data/<lang>/actors.v<N>.json`` (``dyadwatch.dictionaries.words``),
    whose ``_doc`` says what each list is for; a file that lacks one fails when the component is
    made. ``institution_words`` and ``honorifics`` are compared as written (capitalised).
    """

    place_preps: frozenset[str]
    modifiers: frozenset[str]
    past: frozenset[str]
    no_holder: frozenset[str]
    coordination: frozenset[str]
    institution_words: frozenset[str]
    honorifics: frozenset[str]
    pronouns: dict[str, str]
    state_pronouns: frozenset[str]
    not_referring_heads: frozenset[str]
    institution_preps: frozenset[str]
    conjunctions: frozenset[str]
    articles: frozenset[str]
    object_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    not_misspellings: frozenset[str]

    @classmethod
    def of(cls, lists: WordLists) -> ActorWords:
        """RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks."""
        return lists.fill(cls)


class ActorResolver:
    """spaCy component that resolves actor mentions. Create it with ``nlp.add_pipe("dyadwatch_actors")``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "dyadwatch_actors",
        *,
        spans_key: str = "dw_actors",
        dictionaries: Sequence[str] | None = None,
        extra_paths: Sequence[str] = (),
        resolve_pronouns: bool = True,
        pronoun_sentences: int = 2,
        use_entities: bool = True,
        lang: str = "en",
    ) -> None:
        """Load the dictionaries and build the matchers once.

        nlp (Language): the pipeline, for its vocab and tokenizer.
        spans_key (str): key of the span group written to ``doc.spans``.
        dictionaries (list[str] | None): names of the dictionaries to use, in precedence
            order; None uses every registered one (plugins, DYADWATCH_DICTIONARIES).
        extra_paths (list[str]): more dictionary files, loaded after the registered ones.
        resolve_pronouns (bool): resolve he/she/his/her to the last person named.
        pronoun_sentences (int): how many previous sentences a pronoun may look back.
        use_entities (bool): use the pipeline's PERSON entities (when it has NER) for people
            named next to titles and for names that merely contain a country word.
        lang (str): the language of the word lists (dictionaries/data/<lang>/actors.v<N>.json).
        """
        self.name = name
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        self.spans_key = spans_key
        self.resolve_pronouns = resolve_pronouns
        self.pronoun_sentences = pronoun_sentences
        self.use_entities = use_entities
        self.lang = lang
        self.words = ActorWords.of(word_lists("actors", lang))
        self.dictionary_names = list(dictionaries) if dictionaries is not None else None
        self.extra_paths = [str(p) for p in extra_paths]
        # Loaded on first use, so that a pipeline saved with to_disk loads its own copy of the
        # dictionaries even if an extra path has moved since.
        self.dictionaries: list[ActorDictionary] = []
        self._built = False

    def load(self) -> "ActorResolver":
        """Load the configured dictionaries and build the matchers (done on first use).

        RAISES: DictionaryNotFound, DictionaryFormatError when a dictionary cannot be read.
        """
        if not self._built:
            self.dictionaries = load_actor_dictionaries(self.extra_paths, names=self.dictionary_names)
            self._build(self.dictionaries)
        return self

    # ------------------------------------------------------------------ building

    def _build(self, dictionaries: Sequence[ActorDictionary]) -> None:
        self._built = True
        self.codes: dict[str, dict[str, str]] = {}
        self._entries: list[_Entry] = []
        self._persons: list[_Person] = []
        self._role_index: dict[tuple[str, str], list[tuple[int, int, int, int]]] = {}
        phrase: dict[str, int] = {}  # surface text -> entry (later dictionaries override)
        tokens: dict[str, tuple[list[dict[str, Any]], int]] = {}
        titles: dict[str, int] = {}
        person_by_name: dict[str, int] = {}

        for d in dictionaries:
            for e in d.entries:
                label = e["label"]
                if label == "CODE":
                    self.codes[e["id"]] = {"name": e["name"], "type": e.get("type", "state"),
                                           "dictionary": d.name}
                elif label in ("ACTOR", "NONSTATE"):
                    pattern = e["pattern"]
                    entry = _Entry(label=label, dictionary=d.name, code=e.get("id", ""),
                                   form=e.get("form", "name" if label == "ACTOR" else "nonstate"),
                                   note=e.get("note", ""),
                                   display=e.get("name") or (pattern if isinstance(pattern, str) else ""))
                    idx = len(self._entries)
                    self._entries.append(entry)
                    if isinstance(pattern, str):
                        for variant in _variants(pattern):
                            phrase[variant] = idx
                    else:
                        tokens[srsly.json_dumps(pattern, sort_keys=True)] = (pattern, idx)
                elif label == "PERSON":
                    p_idx = person_by_name.get(e["person"])
                    person = self._make_person(e, d.name)
                    if p_idx is None:
                        p_idx = len(self._persons)
                        self._persons.append(person)
                        person_by_name[e["person"]] = p_idx
                    else:  # a later dictionary corrects the person
                        self._persons[p_idx] = person
                    idx = len(self._entries)
                    self._entries.append(_Entry(label="PERSON", dictionary=d.name, person=p_idx,
                                                form="name"))
                    for alias in [e["person"], *e.get("aliases", [])]:
                        for variant in _variants(alias):
                            phrase[variant] = idx
                elif label == "TITLE":
                    idx = len(self._entries)
                    self._entries.append(_Entry(label="TITLE", dictionary=d.name,
                                                title=e.get("title") or e["pattern"],
                                                title_kind=e["kind"], roles=tuple(e.get("roles", ())),
                                                form="title"))
                    titles[e["pattern"].lower()] = idx

        for p_idx, person in enumerate(self._persons):
            for start, end, code, role, _f, _t in person.roles:
                self._role_index.setdefault((code, role), []).append((start, end, p_idx, 0))

        self._phrase = PhraseMatcher(self.vocab, attr="ORTH")
        self._titles = PhraseMatcher(self.vocab, attr="LOWER")
        self._tokens = Matcher(self.vocab)
        self._key_to_entry: dict[int, int] = {}
        by_entry: dict[int, list[str]] = {}
        for text, idx in phrase.items():
            by_entry.setdefault(idx, []).append(text)
        for idx, texts in by_entry.items():
            key = f"dyadwatch_actors:{idx}"
            self._key_to_entry[self.vocab.strings.add(key)] = idx
            self._phrase.add(key, list(self._make_docs(texts)))
        for pattern, idx in tokens.values():
            key = f"dyadwatch_actors:{idx}"
            self._key_to_entry[self.vocab.strings.add(key)] = idx
            self._tokens.add(key, [pattern])
        by_title: dict[int, list[str]] = {}
        for text, idx in titles.items():
            by_title.setdefault(idx, []).append(text)
        for idx, texts in by_title.items():
            key = f"dyadwatch_actors:{idx}"
            self._key_to_entry[self.vocab.strings.add(key)] = idx
            self._titles.add(key, list(self._make_docs(texts)))
        self._near = self._misspelling_index(phrase)
        # single-token names for the parts of compounds the tokenizer keeps whole ("U.S.-China")
        self._pieces = {text: idx for text, idx in phrase.items()
                        if " " not in text and not _HYPHENS.search(text) and self._entries[idx].label == "ACTOR"}

    def _misspelling_index(self, phrase: dict[str, int]) -> dict[str, list[tuple[str, int]]]:
        """States' names and people's full names of ``MISSPELT_MIN_LEN`` letters or more, by each
        of their one-letter deletions (and themselves, lower-cased): a name the NER tags that is
        one letter away from one of them ("Afganistan", "Francois Mitterand") meets it under a
        shared key, in time linear in its length."""
        near: dict[str, list[tuple[str, int]]] = {}
        for text, idx in phrase.items():
            entry = self._entries[idx]
            if len(text) < MISSPELT_MIN_LEN or text in self.words.not_misspellings:
                continue
            if entry.label == "ACTOR" and (entry.form not in _MISSPELT_FORMS or
                                           self.codes.get(entry.code, {}).get("type", "state") != "state"):
                continue
            if entry.label not in ("ACTOR", "PERSON"):
                continue
            low = text.lower()
            for key in {low, *(low[:i] + low[i + 1:] for i in range(len(low)))}:
                near.setdefault(key, []).append((low, idx))
        return near

    def _make_docs(self, texts: Iterable[str]) -> Iterator[Doc]:
        for text in texts:
            yield self._make_doc(text)

    @staticmethod
    def _make_person(e: dict[str, Any], dictionary: str) -> _Person:
        name = e["person"]
        surname = e.get("surname") or name.split()[-1]
        person = _Person(name=name, dictionary=dictionary, gender=e.get("gender"), surname=surname)
        for role in e["roles"]:
            start = date.fromisoformat(role["from"]).toordinal()
            end = date.fromisoformat(role["to"]).toordinal() if role.get("to") else _FAR_FUTURE
            person.roles.append((start, end, role["id"], role["role"], role["from"], role.get("to")))
        return person

    # ------------------------------------------------------------------ spaCy surface

    def __call__(self, doc: Doc) -> Doc:
        if not self._built:
            self.load()
        mentions = _DocResolver(self, doc).run()
        group = []
        out = []
        text = doc_text(doc)  # built from the tokens on each access: read it once per Doc
        for m in mentions:
            span = Span(doc, m.start, m.end, label=m.code, kb_id=m.person or "", span_id=m.entry)
            group.append(span)
            start_char = m.start_char if m.start_char >= 0 else span.start_char
            end_char = m.end_char if m.end_char >= 0 else span.end_char
            out.append({
                "start": start_char, "end": end_char, "text": text[start_char:end_char],
                "code": m.code, "entry": m.entry, "dictionary": m.dictionary, "person": m.person,
                "kind": m.kind, "form": m.form, "actor_type": self.codes.get(m.code, {}).get("type"),
            })
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=group)
        doc._.dw_mentions = out
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Nothing to learn; loads the dictionaries so that errors show before the first Doc."""
        self.load()

    def actor_name(self, code: str) -> str:
        """Display name of a code in this component's dictionaries ("CHN" -> "China")."""
        info = self.load().codes.get(code)
        return info["name"] if info else code

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self.load()
        return srsly.msgpack_dumps({"dictionaries": [
            {"name": d.name, "description": d.description, "entries": list(d.entries)}
            for d in self.dictionaries]})

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "ActorResolver":
        data = srsly.msgpack_loads(bytes_data)
        self.dictionaries = [ActorDictionary(name=d["name"], entries=tuple(d["entries"]),
                                             description=d.get("description"))
                             for d in data["dictionaries"]]
        self._build(self.dictionaries)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the dictionaries in use, one JSONL file each, so a saved pipeline is reproducible."""
        self.load()
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "dictionaries.json", [d.name for d in self.dictionaries])
        for d in self.dictionaries:
            header = {"label": "DICTIONARY", "name": d.name}
            if d.description:
                header["description"] = d.description
            srsly.write_jsonl(path / f"{d.name}.jsonl", [header, *d.entries])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ActorResolver":
        path = ensure_path(path)
        names = srsly.read_json(path / "dictionaries.json")
        self.dictionaries = [read_actor_dictionary(path / f"{name}.jsonl") for name in names]
        self._build(self.dictionaries)
        return self


@Language.factory(
    "dyadwatch_actors",
    assigns=["doc.spans", "doc._.dw_mentions"],
    default_config={
        "spans_key": "dw_actors",
        "dictionaries": None,
        "extra_paths": [],
        "resolve_pronouns": True,
        "pronoun_sentences": 2,
        "use_entities": True,
        "lang": "en",
    },
)
def make_actor_resolver(
    nlp: Language,
    name: str,
    spans_key: str,
    dictionaries: list[str] | None,
    extra_paths: list[str],
    resolve_pronouns: bool,
    pronoun_sentences: int,
    use_entities: bool,
    lang: str,
) -> ActorResolver:
    """Factory for ``nlp.add_pipe("dyadwatch_actors", config={...})``; see ``ActorResolver``."""
    return ActorResolver(nlp, name, spans_key=spans_key, dictionaries=dictionaries,
                         extra_paths=extra_paths, resolve_pronouns=resolve_pronouns,
                         pronoun_sentences=pronoun_sentences, use_entities=use_entities, lang=lang)


# ---------------------------------------------------------------------- per-document work


class _DocResolver:
    """All per-document state; every step is linear in the number of tokens and matches."""

    def __init__(self, component: ActorResolver, doc: Doc) -> None:
        self.c = component
        self.doc = doc
        self.n = len(doc)
        self.ref = _parse_ref_date(doc._.dw_ref_date)
        self._years: dict[int, int] | None = None
        self.named_persons: set[int] = set()
        #: person titles attached to no state ("the head of state", "the President"): resolved
        #: to the holder named earlier in the text, once every named person is known
        self.bare_titles: list[tuple[int, int, int]] = []
        has_ents = component.use_entities and doc.has_annotation("ENT_IOB")
        self.person_ent = [-1] * self.n  # token -> index of its PERSON entity
        self.person_ents: list[Span] = []
        if has_ents:
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    # the possessive is not part of the name: "(Xue's) post", "Mitsotakis's response"
                    end = ent.end
                    while end > ent.start + 1 and doc[end - 1].text in _POSSESSIVE:
                        end -= 1
                    ent = doc[ent.start:end]
                    for i in range(ent.start, ent.end):
                        self.person_ent[i] = len(self.person_ents)
                    self.person_ents.append(ent)
        self.has_pos = doc.has_annotation("POS")
        self.has_dep = doc.has_annotation("DEP")
        self.sent_of = [0] * self.n
        if doc.has_annotation("SENT_START"):
            for s_idx, sent in enumerate(doc_sents(doc)):
                for i in range(sent.start, sent.end):
                    self.sent_of[i] = s_idx
            self.has_sents = True
        else:
            self.has_sents = False

    # -- orchestration

    def run(self) -> list[_Mention]:
        c = self.c
        self.tails = [(s, e, c._key_to_entry[k]) for k, s, e in c._titles(self.doc)]
        self.tail_starts = {s for s, _e, _i in self.tails}
        mentions = self._dictionary_mentions()
        self._addresses(mentions)
        mentions = [m for m in mentions if m.alive]
        mentions = self._titles(mentions)
        mentions = self._surnames(mentions)
        self._honorifics(mentions)
        mentions = self._definite_titles(mentions)
        if self.c.resolve_pronouns:
            mentions = self._pronouns(mentions)
            mentions = self._state_pronouns(mentions)
        mentions.sort(key=lambda m: (m.start, m.start_char, m.end))
        return mentions

    # -- step 1: names, demonyms, capitals, organisations, people

    def _dictionary_mentions(self) -> list[_Mention]:
        c, doc = self.c, self.doc
        raw = [(s, e, c._key_to_entry[k]) for k, s, e in c._phrase(doc)]
        if len(c._tokens):  # an empty Matcher warns (W036)
            raw += [(s, e, c._key_to_entry[k]) for k, s, e in c._tokens(doc)]
        # longest first; for equal spans NONSTATE, then PERSON, then ACTOR; then the later dictionary
        rank = {"NONSTATE": 0, "PERSON": 1, "ACTOR": 2}
        raw.sort(key=lambda m: (-(m[1] - m[0]), m[0], rank.get(c._entries[m[2]].label, 3), -m[2]))
        taken = bytearray(self.n)
        chosen: list[tuple[int, int, int]] = []
        for s, e, idx in raw:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e, idx))
        chosen += self._misspelt_names(taken)
        chosen.sort()
        self.actor_taken = bytearray(self.n)  # tokens inside ACTOR matches
        for s, e, idx in chosen:
            if c._entries[idx].label == "ACTOR":
                self.actor_taken[s:e] = b"\x01" * (e - s)

        mentions: list[_Mention] = []
        for s, e, idx in chosen:
            entry = c._entries[idx]
            if entry.label == "NONSTATE":
                continue
            if entry.label == "PERSON":
                m = self._person_mention(s, e, entry.person, entry.dictionary)
                if m is not None:
                    mentions.append(m)
                continue
            kind = c.codes.get(entry.code, {}).get("type", "state")
            if kind == "state" and self._not_the_state(s, e):
                continue
            mentions.append(_Mention(s, e, entry.code, kind, self._actor_entry(doc[s:e].text, entry),
                                     entry.dictionary, entry.form))
        # parts of tokens the tokenizer keeps whole: "U.S.-China", "U.K.-based"
        for tok in doc_tokens(doc):
            if taken[tok.i] or len(tok.text) < 4 or not _HYPHENS.search(tok.text):
                continue
            offset = 0
            for piece in _HYPHENS.split(tok.text):
                idx = c._pieces.get(piece)
                if idx is not None and piece:
                    entry = c._entries[idx]
                    kind = c.codes.get(entry.code, {}).get("type", "state")
                    start_char = tok.idx + tok.text.index(piece, offset)
                    mentions.append(_Mention(tok.i, tok.i + 1, entry.code, kind,
                                             self._actor_entry(piece, entry), entry.dictionary,
                                             entry.form, start_char=start_char,
                                             end_char=start_char + len(piece)))
                offset += len(piece) + 1
        mentions.sort(key=lambda m: (m.start, m.start_char))
        return mentions

    def _misspelt_names(self, taken: bytearray) -> list[tuple[int, int, int]]:
        """A name the NER tags (a place, group, organisation or person), in no dictionary, one
        letter (left out, added, changed or two swapped) away from exactly one state's name or
        person's full name, with the same first letter: the name misspelt ("rejected an offer from
        Afganistan", "President Francois Mitterand"). The NER often tags a misspelt country as a
        person or organisation, so those may be states; a place is never a person. Left out: short
        names, the ``not_misspellings``, nationalities (NORP) and a name with a letter added at
        its end, which makes another word ("Dominican" is not Dominica, "Zimbabwes"); a person's
        name is misspelt only inside a word: "Robert Bates" is not Robert Gates."""
        c, doc = self.c, self.doc
        out: list[tuple[int, int, int]] = []
        if not c._near or not doc.has_annotation("ENT_IOB") or not c.use_entities:
            return out
        for ent in doc.ents:
            if ent.label_ not in _MISSPELT_LABELS:
                continue
            end = ent.end
            while end > ent.start + 1 and doc[end - 1].text in _POSSESSIVE:
                end -= 1
            start = ent.start
            while start < end - 1 and (doc[start].text in c.words.honorifics or doc[start].lower_ == "the"):
                start += 1
            if any(taken[start:end]):
                continue
            text = doc[start:end].text
            if len(text) < MISSPELT_MIN_LEN or text in c.words.not_misspellings:
                continue
            low = text.lower()
            want = _MISSPELT_LABELS[ent.label_]
            meanings: dict[tuple[str, Any], int] = {}
            for key in {low, *(low[:i] + low[i + 1:] for i in range(len(low)))}:
                for known, idx in c._near.get(key, ()):
                    entry = c._entries[idx]
                    if entry.label not in want or known[0] != low[0] or low.startswith(known):
                        continue
                    if _one_edit(low, known) and (entry.label != "PERSON" or _initials(low) == _initials(known)):
                        meanings.setdefault((entry.code, entry.person), idx)
            if len(meanings) == 1:
                idx = next(iter(meanings.values()))
                taken[start:end] = b"\x01" * (end - start)
                out.append((start, end, idx))
        return out

    def _addresses(self, mentions: list[_Mention]) -> None:
        """A country named as the second half of a place's address is a place, not a party:
        the dateline "DOHA, Qatar -- Egypt and Turkey agreed" and "the
        summit in Gyeongju, South Korea, on Saturday" name where something happened.

        The address is "<place>, <country name>" with the country followed by punctuation or the
        end of the line, and the place (one to three capitalised words that name no state) at
        the start of a line or after a preposition of place ("in", "at", "near", "from").
        """
        doc = self.doc
        by_start = {m.start: m for m in mentions if m.start_char < 0}
        for m in mentions:
            if m.kind != "state" or m.form not in _ADDRESS_FORMS or m.start < 2 or doc[m.start - 1].text != ",":
                continue
            if m.end < self.n and not (doc[m.end].is_punct or doc[m.end].is_space):
                continue  # "in Paris, France said": the country acts
            k = m.start - 2
            p = k + 1
            while k >= 0 and p - k <= 3 and (doc[k].is_title or doc[k].is_upper) and doc[k].is_alpha:
                p = k
                k -= 1
            if p > m.start - 2:
                continue
            place = [by_start.get(i) for i in range(p, m.start - 1)]
            if any(x is not None and x.form != "capital" for x in place):
                continue  # "from Greece, Bulgaria and Romania": a list of states
            if p == 0 or doc[p - 1].is_space or doc[p - 1].lower_ in self.c.words.place_preps:
                m.alive = False

    def _actor_entry(self, text: str, entry: _Entry) -> str:
        shown = entry.display or text
        return f"{shown} -> {entry.code} ({entry.note or entry.form.replace('_', ' ')})"

    def _not_the_state(self, s: int, e: int) -> bool:
        """A country word inside a person's name or an institution's name."""
        doc = self.doc
        ent = self.person_ent[s]
        if ent >= 0 and ent == self.person_ent[e - 1]:
            span = self.person_ents[ent]
            # "Chad Smith", "George Washington"; but not "Russo-Ukrainian" mistaken for a name
            if span.end - span.start > e - s and any(
                    not self.actor_taken[t.i] and not t.is_punct for t in span):
                return True
        k = e
        if k in self.tail_starts or (k + 1 in self.tail_starts and doc[k].text in _POSSESSIVE):
            return False  # "US National Security Council", "China's State Council": a title follows
        for _ in range(4):  # "Carnegie Russia Eurasia Center", "US-China Business Council"
            if k >= self.n:
                break
            tok = doc[k]
            if tok.text in self.c.words.institution_words:
                return True
            if not (tok.is_title or tok.is_upper or tok.text in ("-", "–", "&")):
                break
            if self.has_pos and tok.pos_ in ("VERB", "AUX"):
                break
            k += 1
        k = s - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        # "University of Tokyo", "Bank of Japan"
        return k >= 1 and doc[k].lower_ in self.c.words.institution_preps and \
            doc[k - 1].text in self.c.words.institution_words

    # -- people

    def _person_mention(self, s: int, e: int, p_idx: int, dictionary: str) -> _Mention | None:
        c = self.c
        ent = self.person_ent[s]
        if ent >= 0:
            span = self.person_ents[ent]
            if (span.end - span.start) > (e - s) and e - s == 1 and span.start < s:
                # an alias inside a longer name: "Jill Biden" is not Joe Biden
                first = span[0].text
                person = c._persons[p_idx]
                if first != person.name.split()[0] and first not in self.c.words.honorifics:
                    return None
        text = self.doc[s:e].text
        person = c._persons[p_idx]
        code, role = self._person_code(p_idx)
        self.named_persons.add(p_idx)
        return _Mention(s, e, code, "person", self._person_entry(text, person, code, role), dictionary,
                        "name", person=person.name, person_idx=p_idx, gender=person.gender)

    def _person_code(self, p_idx: int) -> tuple[str, tuple[Any, ...] | None]:
        """The code a person acts for: the role on the reference date, else the best guess."""
        roles = self.c._persons[p_idx].roles
        if len({r[2] for r in roles}) == 1 and self.ref is None:
            return roles[0][2], self._best_role(roles)
        role = self._best_role(roles)
        return (role[2] if role else roles[0][2]), role

    def _best_role(self, roles: list[tuple[Any, ...]]) -> tuple[Any, ...] | None:
        if not roles:
            return None
        if self.ref is not None:
            lo, hi = self.ref
            best = max(roles, key=lambda r: (_overlap(r[0], r[1], lo, hi), r[0]))
            if _overlap(best[0], best[1], lo, hi) > 0:
                return best
            # nearest term to the reference date
            return min(roles, key=lambda r: min(abs(r[0] - lo), abs(r[1] - hi)))
        years = self.years()
        if years:
            scored = max(roles, key=lambda r: (self._year_score(r[0], r[1]), r[0]))
            if self._year_score(scored[0], scored[1]) > 0:
                return scored
        return max(roles, key=lambda r: (r[1], r[0]))

    @staticmethod
    def _person_entry(text: str, person: _Person, code: str, role: tuple[Any, ...] | None) -> str:
        if role is None:
            return f"{text} -> {code} ({person.name})"
        return f"{text} -> {code} ({person.name}, {role[3].replace('_', ' ')} {role[4]}–{role[5] or ''})"

    def years(self) -> dict[int, int]:
        """Years mentioned in the text (DATE entities when NER ran), counted."""
        if self._years is None:
            counts: dict[int, int] = {}
            if self.doc.has_annotation("ENT_IOB"):
                texts = [ent.text for ent in self.doc.ents if ent.label_ == "DATE"]
            else:
                texts = [doc_text(self.doc)]
            for text in texts:
                for y in _YEAR.findall(text):
                    counts[int(y)] = counts.get(int(y), 0) + 1
            self._years = counts
        return self._years

    def _year_score(self, start: int, end: int) -> int:
        total = 0
        for year, count in self.years().items():
            lo, hi = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
            if _overlap(start, end, lo, hi + 1) > 0:
                total += count
        return total

    def _holder(self, code: str, roles: tuple[str, ...]) -> tuple[int, tuple[Any, ...]] | None:
        """The person holding one of `roles` for `code` on the reference date."""
        c = self.c
        for role_name in roles:
            terms = [(s, e, p) for (s, e, p, _x) in c._role_index.get((code, role_name), ())]
            if not terms:
                continue
            if self.ref is not None:
                lo, hi = self.ref
                scored = [(_overlap(s, e, lo, hi), s, p) for s, e, p in terms]
                live = [t for t in scored if t[0] > 0]
                if not live:
                    continue
                best = max(t[0] for t in live)
                tops = list({t[2]: t for t in live if t[0] == best}.values())
                named = [t for t in tops if t[2] in self.named_persons]
                if len(tops) > 1 and len(named) != 1:
                    return None  # several holders at once (spokespeople): no single person
                top = named[0] if named else tops[0]
            else:
                named = [(s, e, p) for s, e, p in terms if p in self.named_persons]
                if len(named) == 1:
                    s, e, p = named[0]
                    top = (1, s, p)
                else:
                    pool = named or terms
                    scored = [(self._year_score(s, e), e, s, p) for s, e, p in pool]
                    best = max(scored)
                    if best[0] == 0:
                        best = max(scored, key=lambda t: (t[1], t[2]))
                    tops = {t[3] for t in scored if (t[0], t[1]) == (best[0], best[1])}
                    if len(tops) > 1:
                        return None
                    top = (best[0], best[2], best[3])
            p_idx = top[2]
            for r in c._persons[p_idx].roles:
                if r[2] == code and r[3] == role_name and r[0] == top[1]:
                    return p_idx, r
            return p_idx, c._persons[p_idx].roles[0]
        return None

    # -- step 2: titles

    def _titles(self, mentions: list[_Mention]) -> list[_Mention]:
        c, doc = self.c, self.doc
        by_end: dict[int, _Mention] = {}
        by_start: dict[int, _Mention] = {}
        covered: list[_Mention | None] = [None] * self.n  # token -> mention
        for m in mentions:
            if m.start_char >= 0:  # part of a token: not attachable
                continue
            by_end[m.end] = m
            by_start[m.start] = m
            for i in range(m.start, m.end):
                covered[i] = m

        usable = []
        for s, e, idx in self.tails:
            if c._entries[idx].title_kind == "group" and self._adjectival(e):
                continue  # "Russian military cooperation", "Russia's military-industrial complex"
            inside = {id(mention): mention for i in range(s, e) if (mention := covered[i]) is not None}
            if inside:
                # a title may take over organisation words inside it when a state precedes it:
                # "Russian Security Council", "US National Security Council"
                if all(m.kind == "organisation" and m.start >= s and m.end <= e for m in inside.values()) \
                        and self._left_attach(s, by_end, skip=set(inside)) is not None:
                    usable.append((s, e, idx, list(inside.values())))
                continue
            usable.append((s, e, idx, []))
        usable.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
        taken = bytearray(self.n)
        chosen = []
        for s, e, idx, inside in usable:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append((s, e, idx, inside))
        chosen.sort()

        new: list[_Mention] = []
        last_title: _Mention | None = None
        for s, e, idx, inside in chosen:
            entry = c._entries[idx]
            for m in inside:
                m.alive = False
                by_end.pop(m.end, None)
                by_start.pop(m.start, None)
            found = self._left_attach(s, by_end)
            left = True
            if found is None:
                found = self._right_attach(e, by_start)
                left = False
            if found is None:
                # "Chinese officials and state media": a bare group title joined to the last title
                if entry.title_kind == "group" and last_title is not None and last_title.alive \
                        and self._coordinated(last_title.end, s):
                    t = _Mention(s, e, last_title.code, "title",
                                 f"{doc[s:e].text} -> {last_title.code} (title '{entry.title}', joined to "
                                 f"'{doc[last_title.start:last_title.end].text}')",
                                 entry.dictionary, "title")
                    new.append(t)
                    last_title = t
                elif entry.title_kind == "person":
                    self.bare_titles.append((s, e, idx))
                continue
            anchor, flags = found
            if entry.title_kind == "nonstate" or flags & self.c.words.past:
                anchor.alive = False  # "Chinese analysts", "a former Russian diplomat"
                continue
            start, end = (anchor.start, e) if left else (s, anchor.end)
            anchor.alive = False
            by_end.pop(anchor.end, None)
            by_start.pop(anchor.start, None)
            code = anchor.code
            text = doc[start:end].text
            t = _Mention(start, end, code, "title", "", entry.dictionary, "title",
                         roles=frozenset(entry.roles) | {entry.title})
            detail = f"title '{entry.title}'"
            if entry.title_kind == "person":
                named = self._apposition(end, by_start, covered)
                if named is None:
                    named = self._reverse_apposition(start, covered)
                if named is not None:
                    named.roles = named.roles | t.roles
                    if named.kind == "person" and not named.entry:  # a name in no dictionary
                        named.code = code
                        named.entry = f"{named.person} -> {code} (named with title '{text}')"
                        named.dictionary = entry.dictionary
                        new.append(named)
                    t.person, t.person_idx, t.gender = named.person, named.person_idx, named.gender
                    detail += f"; named: {named.person}"
                elif entry.roles and not flags & self.c.words.no_holder:
                    held = self._holder(code, entry.roles)
                    if held is not None:
                        p_idx, role = held
                        person = c._persons[p_idx]
                        t.person, t.person_idx, t.gender = person.name, p_idx, person.gender
                        detail += f"; {person.name}, {role[3].replace('_', ' ')} {role[4]}–{role[5] or ''}"
            t.entry = f"{text} -> {code} ({detail})"
            new.append(t)
            by_end[t.end] = t
            last_title = t
        return [m for m in mentions if m.alive] + new

    def _adjectival(self, e: int) -> bool:
        """A group word used as a modifier: 'military' in 'military cooperation'."""
        if e < self.n and self.doc[e].text in ("-", "–"):
            return True
        return self.has_pos and self.doc[e - 1].pos_ == "ADJ"

    def _left_attach(self, s: int, by_end: dict[int, _Mention],
                     skip: set[int] | None = None) -> tuple[_Mention, set[str]] | None:
        """The state/organisation/person mention just before a title, and the modifiers between."""
        doc = self.doc
        k = s - 1
        flags: set[str] = set()
        steps = 0
        while k >= 0 and steps < 3 and doc[k].lower_ in self.c.words.modifiers | self.c.words.past:
            flags.add(doc[k].lower_)
            k -= 1
            steps += 1
        possessive = k >= 0 and doc[k].text in _POSSESSIVE
        if possessive:
            k -= 1
        m = by_end.get(k + 1)
        if m is None or not m.alive or (skip and id(m) in skip):
            return None
        if m.start > 0 and doc[m.start - 1].lower_ in self.c.words.past:  # "a former Russian diplomat"
            flags.add(doc[m.start - 1].lower_)
        if m.kind in ("state", "organisation"):
            return m, flags
        if m.kind == "person" and possessive and m.code:  # "Putin's spokesman"
            return m, flags
        return None

    def _right_attach(self, e: int, by_start: dict[int, _Mention]) -> tuple[_Mention, set[str]] | None:
        """'President of Russia', 'the foreign minister of India'."""
        doc = self.doc
        k = e
        if k < self.n and doc[k].lower_ == "of":
            k += 1
            if k < self.n and doc[k].lower_ == "the":
                k += 1
            m = by_start.get(k)
            if m is not None and m.alive and m.kind in ("state", "organisation"):
                return m, set()
        return None

    def _coordinated(self, end: int, start: int) -> bool:
        between = self.doc[end:start]
        return 0 < len(between) <= 4 and all(t.lower_ in self.c.words.coordination for t in between) \
            and any(t.lower_ in self.c.words.conjunctions for t in between)

    def _apposition(self, e: int, by_start: dict[int, _Mention],
                    covered: list[_Mention | None]) -> _Mention | None:
        """The person named right after a title: 'Foreign Minister Wang Yi', 'spokeswoman, Mao Ning',
        and after the state a title is accredited to: 'Saudi Ambassador to Iran, Abdullah Al Anzi',
        'Norway's special envoy to the UN, Kari Lunde'.

        Returns a dictionary person's mention, or a new mention with an empty entry for a
        PERSON entity in no dictionary.
        """
        k = e
        if k + 2 < self.n and self.doc[k].lower_ == "to":
            j = k + 2 if self.doc[k + 1].lower_ == "the" else k + 1
            dest = by_start.get(j)
            if dest is not None and dest.kind in ("state", "organisation") and dest.end < self.n \
                    and self.doc[dest.end].text == ",":
                k = dest.end
        if k < self.n and self.doc[k].text == ",":
            k += 1
        m = by_start.get(k)
        if m is not None and m.alive and m.kind == "person":
            return m
        ent = self.person_ent[k] if k < self.n else -1
        if ent >= 0:
            span = self.person_ents[ent]
            if span.start == k and all(covered[i] is None for i in range(span.start, span.end)):
                return _Mention(span.start, span.end, "", "person", "", "", "name", person=span.text)
        return None

    def _reverse_apposition(self, s: int, covered: list[_Mention | None]) -> _Mention | None:
        """'Sergei Ryabkov, Russia's deputy foreign minister': the name before a comma and a title."""
        doc = self.doc
        k = s - 1
        if k >= 0 and doc[k].lower_ in self.c.words.articles:
            k -= 1
        if k < 1 or doc[k].text != ",":
            return None
        known = covered[k - 1]
        if known is not None:
            return known if known.alive and known.kind == "person" and known.end == k else None
        ent = self.person_ent[k - 1]
        if ent < 0:
            return None
        span = self.person_ents[ent]
        if span.end != k or any(covered[i] is not None for i in range(span.start, span.end)):
            return None
        return _Mention(span.start, span.end, "", "person", "", "", "name", person=span.text)

    # -- step 3: surnames of people named earlier in the document

    def _surnames(self, mentions: list[_Mention]) -> list[_Mention]:
        doc = self.doc
        people = sorted((m for m in mentions if m.kind == "person" and m.person and m.end - m.start >= 2),
                        key=lambda m: m.start)
        if not people:
            return mentions
        covered = bytearray(self.n)
        for m in mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        table: dict[str, _Mention] = {}
        p = 0
        new = []
        for tok in doc_tokens(doc):
            while p < len(people) and people[p].end <= tok.i:
                m = people[p]
                if m.person_idx >= 0:
                    person = self.c._persons[m.person_idx]
                    table[person.surname] = m
                else:
                    parts = m.person.split() if m.person else []
                    if parts:
                        table[parts[-1]] = m
                        if len(parts) <= 3:
                            table[" ".join(parts)] = m  # the full name again: "Kim Hyun-chong said"
                        if m.code in ("CHN", "TWN", "KOR", "PRK", "VNM", "SGP", "HKG", "MAC"):
                            table[parts[0]] = m  # family name first
                p += 1
            if covered[tok.i] or not tok.is_title:
                continue
            for width in (3, 2, 1):  # "von der Leyen", "Le Drian", "Xi"
                if tok.i + width > self.n:
                    continue
                text = doc[tok.i:tok.i + width].text
                m = table.get(text)
                if m is None or any(covered[tok.i:tok.i + width]):
                    continue
                ent = self.person_ent[tok.i]
                if ent >= 0 and (self.person_ents[ent].end - self.person_ents[ent].start) > width:
                    break  # part of another person's name
                code = m.code
                new.append(_Mention(tok.i, tok.i + width, code, "person",
                                    f"{text} -> {code} (surname of {m.person}, named earlier)",
                                    m.dictionary, "surname", person=m.person, person_idx=m.person_idx,
                                    gender=m.gender, roles=m.roles))
                covered[tok.i:tok.i + width] = b"\x01" * width
                break
        return mentions + new

    def _honorifics(self, mentions: list[_Mention]) -> None:
        """Absorb 'Mr', 'President', 'Foreign Minister' before a person's name."""
        starts = bytearray(self.n)
        for m in mentions:
            starts[m.start:m.end] = b"\x01" * (m.end - m.start)
        for m in mentions:
            if m.kind != "person" or m.start_char >= 0:
                continue
            k = m.start
            while k > 0 and m.start - k < 3 and self.doc[k - 1].text in self.c.words.honorifics and not starts[k - 1]:
                k -= 1
            if k != m.start:
                starts[k:m.start] = b"\x01" * (m.start - k)
                m.start = k

    # -- step 3b: "the president", "the head of state": the holder named before

    def _definite_titles(self, mentions: list[_Mention]) -> list[_Mention]:
        """A person title with "the" and no state ("the head of state added", "The Prime
        Minister replied") stands for the person of that office named earlier in the text.

        The antecedent is a person or titled mention in the last ``TITLE_SENTENCES`` sentences
        whose offices (its title's, and its dictionary roles for that state) include the title's;
        when the offices named there belong to more than one state ("Japan's prime minister met
        China's premier ... the prime minister said") the title is left unresolved.
        """
        if not self.bare_titles:
            return mentions
        doc, c = self.doc, self.c
        held: list[tuple[int, _Mention, frozenset[str]]] = []  # (start, mention, offices)
        for m in mentions:
            if not m.code or m.kind not in ("person", "title") or not m.alive:
                continue
            offices = set(m.roles)
            if m.person_idx >= 0:
                offices.update(r[3] for r in c._persons[m.person_idx].roles if r[2] == m.code)
            if offices:
                held.append((m.start, m, frozenset(offices)))
        held.sort(key=lambda h: h[0])
        covered = bytearray(self.n)
        for m in mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        new = []
        for s, e, idx in self.bare_titles:
            entry = c._entries[idx]
            wanted = set(entry.roles) | {entry.title}
            if not entry.roles or s == 0 or doc[s - 1].lower_ != "the" or any(covered[s:e]):
                continue
            if e < self.n and (doc[e].lower_ == "of" or covered[e] or self.person_ent[e] >= 0):
                continue  # "the president of the club", "the president, Ilham Aliyev"
            lowest = self.sent_of[s] - TITLE_SENTENCES
            found = [h for h in held if h[0] < s and self.sent_of[h[0]] >= lowest and h[2] & wanted]
            if not found or len({h[1].code for h in found}) != 1:
                continue
            ante = found[-1][1]
            text = doc[s:e].text
            who = ante.person or doc[ante.start:ante.end].text
            new.append(_Mention(s, e, ante.code, "title",
                                f"{text} -> {ante.code} (title '{entry.title}'; {who}, named before)",
                                entry.dictionary, "title", person=ante.person, person_idx=ante.person_idx,
                                gender=ante.gender, roles=frozenset(wanted)))
            covered[s:e] = b"\x01" * (e - s)
        return mentions + new

    # -- step 4: pronouns

    def _pronouns(self, mentions: list[_Mention]) -> list[_Mention]:
        doc = self.doc
        candidates: list[tuple[int, int, _Mention | None, str | None, bool]] = []
        # (token position, end, mention or None for a blocker, gender, is_subject)
        person_tokens = bytearray(self.n)
        for m in mentions:
            if m.person and m.kind in ("person", "title") and m.code:
                candidates.append((m.start, m.end, m, m.gender, self._is_subject(m.start, m.end)))
                person_tokens[m.start:m.end] = b"\x01" * (m.end - m.start)
        # people in no dictionary block resolution past them ("Gabuev said he ...")
        for span in self.person_ents:
            if not any(person_tokens[span.start:span.end]):
                candidates.append((span.start, span.end, None, None, self._is_subject(span.start, span.end)))
        if not candidates:
            return mentions
        candidates.sort(key=lambda c: c[0])
        new = []
        ci = 0
        window: list[tuple[int, int, _Mention | None, str | None, bool]] = []
        for tok in doc_tokens(doc):
            gender = self.c.words.pronouns.get(tok.lower_)
            while ci < len(candidates) and candidates[ci][1] <= tok.i:
                window.append(candidates[ci])
                ci += 1
            if gender is None or not window:
                continue
            antecedent = self._antecedent(tok, gender, window)
            if antecedent is None:
                continue
            new.append(_Mention(tok.i, tok.i + 1, antecedent.code, "pronoun",
                                f"{tok.text} -> {antecedent.code} (pronoun for {antecedent.person})",
                                antecedent.dictionary, "pronoun", person=antecedent.person,
                                person_idx=antecedent.person_idx, gender=antecedent.gender))
        return mentions + new

    def _antecedent(self, tok: Any, gender: str,
                    window: list[tuple[int, int, _Mention | None, str | None, bool]]) -> _Mention | None:
        i = tok.i
        if tok.lower_ in self.c.words.object_pronouns:
            # an object pronoun is not the subject of its own verb: "Xi thanked him"
            window = [c for c in window if not self._same_clause_subject(c, tok)]
        if self.has_sents:
            here = self.sent_of[i]
            lowest = here - self.c.pronoun_sentences
            groups: dict[int, list[tuple[int, int, _Mention | None, str | None, bool]]] = {}
            for cand in reversed(window):
                s_idx = self.sent_of[cand[0]]
                if s_idx < lowest:
                    break
                if cand[3] is not None and cand[3] != gender:
                    continue
                groups.setdefault(s_idx, []).append(cand)
            for s_idx in range(here, lowest - 1, -1):
                group = groups.get(s_idx)
                if not group:
                    continue
                if s_idx == here:
                    # closest before the pronoun in its own sentence; a subject pronoun
                    # prefers the sentence's subject ("Xi is not abandoning Putin - he ...")
                    subjects = [c for c in group if c[4]] if tok.lower_ in self.c.words.subject_pronouns else []
                    pick = subjects[0] if subjects else group[0]
                else:
                    subjects = [c for c in group if c[4]]
                    pick = subjects[0] if subjects else group[0]
                return pick[2]
            return None
        for cand in reversed(window):
            if i - cand[0] > 60:
                break
            if cand[3] is None or cand[3] == gender:
                return cand[2]
        return None

    def _state_pronouns(self, mentions: list[_Mention]) -> list[_Mention]:
        """"it" for a state or organisation named as the subject just before: "Canberra,
        which acted first, said it was responding to a security risk";
        "China reacted angrily. It has restored the ban on wine imports".

        Only the nearest antecedent, and only where that is safe: the pronoun is a subject
        ("its" is left alone: the event coder reads a possessor as a noun's own doer, and
        "Turkey withdrew its ship" would make the ship Turkey's act); the nearest singular
        subject before it (``_pronoun_antecedent``) is a name of a state or organisation, not
        a demonym, person or title ("Chinese officials said it" is left alone); and its verb is
        not one of ``not_referring_heads`` ("it is", "it seems" refer to nothing).
        """
        words = self.c.words
        if not self.has_dep or not words.state_pronouns:
            return mentions
        named: dict[int, _Mention] = {}
        for m in mentions:
            if m.kind in ("state", "organisation") and m.form in _PRONOUN_FORMS and m.start_char < 0:
                for i in range(m.start, m.end):
                    named[i] = m
        if not named:
            return mentions
        new = []
        subjects: list[Any] = []  # singular subjects so far, in text order
        unresolved: list[int] = []  # "it"s that stand for no name
        for tok in doc_tokens(self.doc):
            if tok.lower_ in words.state_pronouns:
                m = None
                if tok.dep_ in ("nsubj", "nsubjpass") and not (
                        tok.head.lemma_.lower() in words.not_referring_heads
                        or any(c.dep_ in ("acomp", "attr") for c in tok.head.children)):
                    # ("it is", "it seems": refers to nothing)
                    m = self._pronoun_antecedent(tok, subjects, named, unresolved)
                if m is None:
                    unresolved.append(tok.i)
                    continue
                new.append(_Mention(tok.i, tok.i + 1, m.code, "pronoun",
                                    f"{tok.text} -> {m.code} (pronoun for {self.doc[m.start:m.end].text})",
                                    m.dictionary, "pronoun"))
                continue
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ not in ("WDT", "WP") and not (
                    tok.tag_ in ("NNS", "NNPS", "PRP") and tok.i not in named or tok.lower_ == "both"
                    or any(c.dep_ == "conj" for c in tok.children)):
                # a plural subject ("both", "officials", "they", "Japan and China") cannot be
                # what "it" stands for and does not stand between it and its antecedent
                subjects.append(tok)
        return mentions + new

    def _pronoun_antecedent(self, pronoun: Any, subjects: list[Any], named: dict[int, _Mention],
                            unresolved: list[int]) -> _Mention | None:
        """The name "it"/"its" stands for: the nearest subject before it in its own sentence,
        else the subject of the previous sentence's main clause ("the Gulf states perceive the
        United States withdrawing. It also comes ..." looks past the embedded "the United
        States" to "the Gulf states": no name). None when an "it" that stands for no name
        comes in between (another thing is being talked about: "China did not start it, and it
        ...")."""
        here = self.sent_of[pronoun.i]
        found = None
        for subj in reversed(subjects):
            there = self.sent_of[subj.i]
            if there < here - 1:
                break
            verb = subj.head
            if there == here or verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
                found = subj
                break
        if found is None or any(found.i < i < pronoun.i for i in unresolved):
            return None
        return named.get(found.i)

    def _same_clause_subject(self, cand: tuple[int, int, Any, Any, bool], tok: Any) -> bool:
        if self.has_dep:
            return cand[4] and self.doc[cand[0]:cand[1]].root.head.i == tok.head.i
        return 0 <= tok.i - cand[1] <= 2

    def _is_subject(self, s: int, e: int) -> bool:
        if not self.has_dep:
            return False
        return self.doc[s:e].root.dep_ in ("nsubj", "nsubjpass")


# ---------------------------------------------------------------------- helpers


def _variants(text: str) -> list[str]:
    """Surface variants of a phrase: accents folded, straight/curly apostrophes, capitalised."""
    out = {text}
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    out.add(folded)
    for v in list(out):
        if "'" in v:
            out.add(v.replace("'", "’"))
        if "’" in v:
            out.add(v.replace("’", "'"))
    for v in list(out):
        if v[:1].islower():
            out.add(v[:1].upper() + v[1:])
    return sorted(out)


def _initials(name: str) -> list[str]:
    return [w[0] for w in _WORDS.split(name) if w]


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by exactly one letter left out, added, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _parse_ref_date(value: Any) -> tuple[int, int] | None:
    """'2023' / '2023-02' / '2023-02-14' -> (first day, day after the last) as ordinals."""
    if not value:
        return None
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            y = int(text)
            return date(y, 1, 1).toordinal(), date(y + 1, 1, 1).toordinal()
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, mth = map(int, text.split("-"))
            start = date(y, mth, 1)
            end = date(y + (mth == 12), mth % 12 + 1, 1)
            return start.toordinal(), end.toordinal()
        d = date.fromisoformat(text[:10])
        return d.toordinal(), d.toordinal() + 1
    except ValueError:
        return None


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def mentions_from_doc(doc: Doc) -> tuple[ActorMention, ...]:
    """Convert ``doc._.dw_mentions`` into ``records.ActorMention`` records."""
    return tuple(
        ActorMention(start=m["start"], end=m["end"], text=m["text"], code=m["code"], entry=m["entry"],
                     dictionary=m["dictionary"], person=m["person"], actor_type=m.get("actor_type"))
        for m in doc._.dw_mentions or ()
    )

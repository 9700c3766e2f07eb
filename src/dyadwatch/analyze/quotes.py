"""Quotations and reported speech, with their speakers.

The spaCy component ``dyadwatch_quotes`` (add it after ``dyadwatch_actors``) sets
``doc._.dw_quotes``: a list of plain dicts with the keys in ``QUOTE_KEYS``::

    {"start": 120, "end": 161, "text": "words inside the marks", "speaker": "Antony Blinken",
     "speaker_actor": "USA", "direct": True, "cue": "said"}

``start``/``end`` are character offsets of the quoted words inside the marks (a trailing comma
or full stop inside the closing mark is left out); for reported speech (``direct: False``)
they cover the reported clause.

Direct quotes
    Straight, curly and single marks; nested quotes stay inside the outer quote's text; a quote
    may span sentences. The speaker is found, in this order:

    1. a cue right after the closing mark (``…,” said Kevin Rudd`` / ``…,” Gabuev wrote``);
    2. a cue right before the opening mark (``he said, “…`` / ``saying “…`` / ``wrote: “…``);
    3. a noun for words with its author in brackets right after the quote (``“…” (to borrow
       Erdogan’s expression)``); the speech verb that governs the quoted words (``X called it
       “…”``, ``X described Y as “…”``, ``what X calls “…”``, ``X praised China's “…”``, ``a
       statement proclaiming “…”``, ``X is promoting the narrative that “…”``);
    4. ``…, as X noted in a speech, … “…”``; 5. ``according to X``; 6. a previous sentence
       ending ``X wrote:``; 7. a cue shortly before the quote in the same clause;
    8. a quote that opens a sentence with no cue continues the speaker of the quote just before
       it (``“A,” he said. “B.”``); a paragraph of a multi-paragraph quote takes the speaker
       named at its end;
    9. a short phrase repeated from an attributed quote takes that quote's speaker;
    10. a phrase that labels a state's own thing (``China's “peace” diplomacy``, ``Xi will give
       a “peace speech”``) is that state's government's framing; two states
       (``the Russia-China “…” partnership``) frame it jointly.

    Quotes whose speaker is unnamed (``what some called “…”``, ``critics say``), titles of
    programmes and books, and the author's own scare quotes are left out, as is a short quote
    that a speech verb governs but that names the thing spoken of (``a so-called “white list”``,
    ``“on-site” inspections``, ``X said the “Y” mindset is …``) unless rule 9 or 10 claims it,
    and a short phrase the rules give to two different speakers (the story's name for a thing).
    Identical repeated quotes are listed once.

Reported speech (``direct: False``)
    ``<speaker> said (that) <clause>``, ``<speaker> denied <object>`` and ``according to
    <speaker>, <clause>``, when the speaker is a state actor or a named person and the clause
    holds no direct quote. For ``denied this`` / ``denied the reports`` the span is what was
    denied: the attributed quote in the sentence before, else that sentence.

Speakers
    A person's full name when the document gives one anywhere ("Blinken" -> "Antony Blinken"),
    including people named by title ("China's top diplomat" -> "Yang Jiechi") through
    ``doc._.dw_mentions``; he/she resolve to the most recent person; "the two leaders" /
    "both sides" resolve to the two actors named last (``"Russia and China (both sides)"``,
    or ``"… (joint statement)"`` when a statement is the cue); "the statement said" with no
    author is the statement last mentioned, spoken by whoever put it out. Otherwise the speaker phrase as
    written ("Chinese officials and state media", an outlet). ``speaker_actor`` is the code the
    speaker acts for, null for analysts, journalists, think-tank people, outlets and for
    speakers that are two different actors.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.analyze.docview import doc_sents, doc_text, doc_tokens
from dyadwatch.dictionaries.words import WordLists, word_lists
from dyadwatch.records import Quote

__all__ = ["QUOTE_KEYS", "QuoteFinder", "QuoteWords", "find_quote_marks", "make_quote_finder", "quotes_from_doc"]

#: Keys of each dict in ``doc._.dw_quotes``.
QUOTE_KEYS = ("start", "end", "text", "speaker", "speaker_actor", "direct", "cue")

if not Doc.has_extension("dw_quotes"):
    Doc.set_extension("dw_quotes", default=None)
for _ext in ("dw_mentions", "dw_ref_date"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

_PERSON_KINDS = ("person", "title", "pronoun")
_WORD = re.compile(r"\w+", re.UNICODE)

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPENERS_BEFORE = set(" \t\n\r([{—–-/“‘\"'")


# ---------------------------------------------------------------------- quote marks


_MARKS = re.compile(r"[“”„«»\"‘’'\n]")


def find_quote_marks(text: str) -> list[tuple[int, int]]:
    """Outermost quotations in ``text`` as (position of the opening mark, position of the closing mark).

    One pass over the quote marks for double quotes (curly ones pair by direction, straight
    ones alternate, and a curly mark pairs with a straight one placed as its partner, as pages
    that mix the two have them) and one for single quotes (told from apostrophes by the characters around
    them); quotes inside another quote are part of it, so only outermost ones are returned.
    A double quote still open at a paragraph break ends there when the next paragraph opens
    a quote again (the multi-paragraph convention); otherwise the stray mark is ignored.
    """
    pairs = _double_pairs(text) + _single_pairs(text)
    pairs.sort(key=lambda p: (p[0], -p[1]))
    out: list[tuple[int, int]] = []
    reach = -1
    for o, c in pairs:
        if o < reach:  # inside (or crossing) the previous outer quote
            continue
        out.append((o, c))
        reach = c
    return out


def _double_pairs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(text)
    opened = -1
    straight = nested = False
    for m in _MARKS.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            if opened >= 0:
                j = i
                while j < n and text[j] in "\n\r \t":
                    j += 1
                if j < n and text[j] in _OPEN_DOUBLE + '"':
                    end = i
                    while end > opened and text[end - 1] in " \t\r":
                        end -= 1
                    out.append((opened, end))
                opened = -1
        elif ch in _OPEN_DOUBLE:
            if opened < 0 or straight:
                opened, straight, nested = i, False, False
        elif ch in _CLOSE_DOUBLE:
            if opened >= 0:  # a curly closer ends a straight opener too (mixed marks)
                out.append((opened, i))
                opened = -1
        elif ch == '"':
            closer = i > 0 and not text[i - 1].isspace() and (i + 1 >= n or not text[i + 1].isalnum())
            if opened >= 0 and not straight and not closer:
                nested = True  # a straight quote inside a curly one ('“Size 5 "wide" …”')
            elif opened >= 0 and not straight and nested:
                nested = False
            elif opened >= 0 and (straight or closer):
                # a straight mark placed like a closer ends a curly opener: pages mix the two
                # ("“a survival-threatening situation\" for Japan")
                out.append((opened, i))
                opened = -1
            elif opened < 0 and i + 1 < n and not text[i + 1].isspace():
                opened, straight = i, True
    return out


def _single_pairs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(text)
    opened = -1
    for m in _MARKS.finditer(text):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        if ch == "\n":
            opened = -1
        elif ch == "‘" or (ch == "'" and opened < 0):
            if ch == "‘" and not before.isalnum():
                opened = i
            elif ch == "'" and before in _OPENERS_BEFORE and after.isalpha():  # not '90s
                opened = i
        elif ch in "’'" and opened >= 0:
            if not after.isalnum() and not before.isspace():
                if i - opened <= 300:
                    out.append((opened, i))
                opened = -1
    return out


def _inner_span(text: str, open_pos: int, close_pos: int) -> tuple[int, int]:
    """The quoted words: whitespace trimmed, a trailing comma or full stop dropped."""
    s, e = open_pos + 1, close_pos
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and (text[e - 1] == "," or (text[e - 1] == "." and text[e - 2:e] != "..")):
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _looks_like_title(text: str, small_words: frozenset[str]) -> bool:
    """'Meet the Press', 'The Art of War': every longer word capitalised, and the words in lower
    case only the small ones a title leaves so ('Mitsotakis yok' is a slogan, not a title)."""
    words = text.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    bare = [w.strip(".,:;!?'’\"") for w in words]
    long_words = [w for w in bare if len(w) > 3]
    return bool(long_words) and all(w[:1].isupper() or w.lower() in small_words for w in bare if w)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """code -> demonym adjective ("CHN" -> "Chinese") from the registered dictionaries."""
    from dyadwatch.dictionaries import load_actor_dictionaries

    out: dict[str, str] = {}
    for d in load_actor_dictionaries():
        for e in d.entries:
            if e.get("label") == "ACTOR" and e.get("form") == "demonym" and isinstance(e.get("pattern"), str):
                out.setdefault(e["id"], e["pattern"])
    return out


def _government(code: str) -> str:
    """'CHN' -> 'Chinese government'; an organisation keeps its name."""
    from dyadwatch.dictionaries import actor_name, actor_type

    if actor_type(code) == "state":
        demonym = _demonyms().get(code)
        if demonym:
            return f"{demonym} government"
        return f"government of {actor_name(code)}"
    return actor_name(code)


# ---------------------------------------------------------------------- component


#: a name written right after a title or office: two to four capitalised words, or a hyphenated
#: given name ("An Ho-young"), as group 1
_NAME_AFTER_TITLE = r"([A-Z][\w’'.]*(?:[ -][A-Z][\w’'.]*|-[a-z]+){1,3})"


@dataclass(frozen=True)
class QuoteWords:
    """The words of one language the quote finder reads the parse by.

    Read from ``dictionaries/data/<lang>/quotes.v<N>.json`` (``dyadwatch.dictionaries.words``),
    whose ``_doc`` says what each list is for; a file that lacks one fails when the component is
    made. ``title_words`` and ``honorifics`` are compared as written (capitalised).
    """

    speech: frozenset[str]
    report: frozenset[str]
    initiative: frozenset[str]
    doc_nouns: frozenset[str]
    joint_nouns: dict[str, str]
    title_nouns: frozenset[str]
    vague_heads: frozenset[str]
    speaker_nouns: frozenset[str]
    vague_dets: frozenset[str]
    not_speakers: frozenset[str]
    pair_people: frozenset[str]
    pair_states: frozenset[str]
    title_words: frozenset[str]
    honorifics: frozenset[str]
    analyst_words: frozenset[str]
    title_holders: dict[str, frozenset[str]]
    named_bodies: frozenset[str]
    person_roles: frozenset[str]
    title_small_words: frozenset[str]
    label_words: frozenset[str]
    articles: frozenset[str]
    person_pronouns: frozenset[str]
    pair_pronouns: frozenset[str]
    pair_counts: frozenset[str]
    indefinite_speakers: frozenset[str]
    denied_anaphors: frozenset[str]
    denied_reports: frozenset[str]
    analyst: re.Pattern[str] = field(init=False, repr=False, compare=False)
    role_name: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # whole words, longest first, a space also matching a hyphen ("think-tank")
        alternatives = "|".join(re.escape(w).replace(r"\ ", "[- ]")
                                for w in sorted(self.analyst_words, key=len, reverse=True))
        object.__setattr__(self, "analyst", re.compile(rf"\b(?:{alternatives})\b", re.I))
        # an office in lower case, then two to four capitalised words: the name of its holder
        roles = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(self.person_roles, key=len, reverse=True))
        object.__setattr__(self, "role_name", re.compile(
            rf"\b(?:{roles})\s+{_NAME_AFTER_TITLE}\b"))

    @classmethod
    def of(cls, lists: WordLists) -> QuoteWords:
        """RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks."""
        return lists.fill(cls)


class QuoteFinder:
    """spaCy component that finds quotes and reported speech. Add it with ``nlp.add_pipe("dyadwatch_quotes")``."""

    def __init__(self, nlp: Language, name: str = "dyadwatch_quotes", *, indirect: bool = True,
                 pronoun_sentences: int = 3, lang: str = "en") -> None:
        """indirect (bool): also report ``<speaker> said that …`` clauses (``direct: False``).
        pronoun_sentences (int): how many previous sentences a he/she speaker may look back.
        lang (str): the language of the word lists (dictionaries/data/<lang>/quotes.v<N>.json).
        """
        self.name = name
        self.indirect = indirect
        self.pronoun_sentences = pronoun_sentences
        self.lang = lang
        self.words = QuoteWords.of(word_lists("quotes", lang))

    def __call__(self, doc: Doc) -> Doc:
        doc._.dw_quotes = _Run(self, doc).run()
        return doc


@Language.factory("dyadwatch_quotes", default_config={"indirect": True, "pronoun_sentences": 3, "lang": "en"},
                  requires=["doc._.dw_mentions"], assigns=["doc._.dw_quotes"])
def make_quote_finder(nlp: Language, name: str, indirect: bool, pronoun_sentences: int, lang: str) -> QuoteFinder:
    return QuoteFinder(nlp, name, indirect=indirect, pronoun_sentences=pronoun_sentences, lang=lang)


def quotes_from_doc(doc: Doc) -> tuple[Quote, ...]:
    """Convert ``doc._.dw_quotes`` into ``records.Quote`` records."""
    return tuple(Quote(q["start"], q["end"], q["text"], q["speaker"], q["speaker_actor"], q["direct"], q["cue"])
                 for q in doc._.dw_quotes or ())


class _Q:
    """One quotation while it is being attributed."""

    __slots__ = ("open", "close", "start", "end", "t0", "t1", "open_tok", "close_tok", "speaker",
                 "actor", "cue", "how", "excluded")

    def __init__(self, open_pos: int, close_pos: int, start: int, end: int) -> None:
        self.open, self.close, self.start, self.end = open_pos, close_pos, start, end
        self.t0 = self.t1 = self.open_tok = self.close_tok = 0
        self.speaker: str | None = None
        self.actor: str | None = None
        self.cue: str | None = None
        self.how = ""
        self.excluded = False


#: "Hong Nam-ki", "Lai Ching-te": a family name, then a hyphenated given name
_HYPHENATED_NAME = re.compile(r"\b([A-Z][a-z]+)\s+[A-Z][a-z]+-[a-z]+\b")


class _Run:
    """The work on one Doc."""

    def __init__(self, comp: QuoteFinder, doc: Doc) -> None:
        self.c = comp
        self.w = comp.words
        self.doc = doc
        self.text = doc_text(doc)
        self.n = len(doc)
        self.has_dep = doc.has_annotation("DEP")
        self.starts = [t.idx for t in doc_tokens(doc)]
        self.sent_of = [0] * self.n
        self.sent_bounds: list[tuple[int, int]] = []
        if doc.has_annotation("SENT_START") or self.has_dep:
            for s_idx, sent in enumerate(doc_sents(doc)):
                self.sent_bounds.append((sent.start, sent.end))
                for i in range(sent.start, sent.end):
                    self.sent_of[i] = s_idx
        else:
            self.sent_bounds.append((0, self.n))
        self.mentions = sorted(doc._.dw_mentions or [], key=lambda m: (m["start"], m["end"]))
        self.m_starts = [m["start"] for m in self.mentions]
        self.in_quote = bytearray(self.n)
        self.person_ents = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
        # people: (char start, char end, full name, code or None)
        self._people: list[tuple[int, int, str, str | None]] | None = None
        self._surnames: dict[str, str] | None = None
        self._full_names: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None
        self._codes_of: dict[str, str] = {}
        self._analysts: dict[str, bool] = {}
        self._spellings: dict[str, str] | None = None
        self.person_ents += self._titled_names()

    # ------------------------------------------------------------------ orchestration

    def run(self) -> list[dict[str, Any]]:
        text = self.text
        quotes: list[_Q] = []
        for open_pos, close_pos in find_quote_marks(text):
            s, e = _inner_span(text, open_pos, close_pos)
            if e <= s or not any(ch.isalpha() for ch in text[s:e]):
                continue
            q = _Q(open_pos, close_pos, s, e)
            q.t0 = self._tok_at(s)
            q.t1 = max(q.t0 + 1, bisect_left(self.starts, e))
            q.open_tok = self._tok_at(open_pos)
            q.close_tok = self._tok_at(close_pos) if close_pos < len(text) else self.n - 1
            for i in range(q.t0, min(q.t1, self.n)):
                self.in_quote[i] = 1
            quotes.append(q)
        if self.n:
            for q in quotes:
                self._attribute(q)
            self._continuations(quotes)
            self._open_ended(quotes)
            self._repeated(quotes)
            for q in quotes:
                if q.speaker is None and not q.excluded:
                    self._framing(q)
        # a short phrase (two or three words) that two different speakers are each given is the
        # name the story uses for a thing ("they agreed on a “border protocol”" … "the ministry
        # said the two sides had agreed on a “border protocol”"), nobody's own words; one
        # word is a judgement two speakers may share ("Modi called the talks “productive”. Xi
        # called them “productive” too")
        speakers_of: dict[str, set[str]] = {}
        for q in quotes:
            if q.speaker is not None and not q.excluded and q.how not in ("framing", "repeated"):
                speakers_of.setdefault(text[q.start:q.end].lower(), set()).add(q.speaker)
        shared = {k for k, v in speakers_of.items() if len(v) > 1 and 2 <= len(_words(k)) <= 3}
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str | None]] = set()
        for q in quotes:
            if q.excluded or q.speaker is None or text[q.start:q.end].lower() in shared:
                continue
            key = (text[q.start:q.end], q.speaker)
            if key in seen:
                continue
            seen.add(key)
            out.append({"start": q.start, "end": q.end, "text": text[q.start:q.end], "speaker": q.speaker,
                        "speaker_actor": q.actor, "direct": True, "cue": q.cue})
        if self.c.indirect and self.has_dep and self.n:
            out.extend(self._reported(quotes))
        for d in out:
            d["speaker"] = self._longest_name(d["speaker"])
        out.sort(key=lambda d: (d["start"], d["end"]))
        return out

    def _titled_names(self) -> list[tuple[int, int, str]]:
        """Names written right after an office in lower case ("national security adviser Eduardo
        Ano") that the entity recogniser did not read as a person's: they are people all the same,
        so that "he said" and "Ano said" later find them."""
        out: list[tuple[int, int, str]] = []
        known = sorted((a, b) for a, b, _t in self.person_ents)
        skip = self.w.title_words | self.w.honorifics
        for m in self.w.role_name.finditer(self.text):
            s, e = m.span(1)
            i = bisect_left(known, (e,)) - 1  # the last person entity starting before the name ends
            if i >= 0 and known[i][1] > s or self._mentions_in(s, e):
                continue
            if any(w in skip for w in m.group(1).split()):
                continue
            out.append((s, e, m.group(1)))
            # "Philippine national security adviser Eduardo Ano": the state of the office is his
            codes = [a["code"] for a in self._mentions_in(max(0, m.start() - 40), s)
                     if a["code"] and a["end"] <= s and self.text[a["end"]:m.start()].strip(" -").count(" ") <= 3]
            if codes:
                self._codes_of.setdefault(m.group(1), codes[-1])
        return out

    def _longest_name(self, speaker: str) -> str:
        """A speaker named by one word ("Aliyev", after "President Aliyev") takes the one full
        name the article gives that person anywhere ("Ilham Aliyev"; family name first too:
        "Xue" -> "Xue Jian"); left as it is when none, or more than one, fits."""
        parts = speaker.split()
        if len(parts) != 1 or not speaker[:1].isupper():
            return speaker
        if self._full_names is None:  # once per document: the cost stays linear in its length
            table: dict[str, set[str]] = {}
            names = {self._spelling(m["person"]) for m in self.mentions
                     if m["kind"] in _PERSON_KINDS and m.get("person")}
            names |= {e_text for _s, _e, e_text in self.person_ents}
            for name in names:
                words = [w for w in _strip_name(name).split() if w not in self.w.honorifics]
                if len(words) >= 2:
                    for end in {_fold(words[-1]), _fold(words[0])}:
                        table.setdefault(end, set()).add(" ".join(words))
            # a family name first with a hyphenated given name the recogniser missed ("his
            # trade minister, Ahn Duk-geun, said …" … "Ahn said")
            hyphenated: dict[str, set[str]] = {}
            for m in _HYPHENATED_NAME.finditer(self.text):
                hyphenated.setdefault(_fold(m.group(1)), set()).add(m.group(0))
            self._full_names = (table, hyphenated)
        table, hyphenated = self._full_names
        key = _fold(speaker)
        fits = table.get(key) or hyphenated.get(key) or set()
        return next(iter(fits)) if len(fits) == 1 else speaker

    def _tok_at(self, char: int) -> int:
        return max(0, min(self.n - 1, bisect_right(self.starts, char) - 1))

    # ------------------------------------------------------------------ direct quotes

    def _attribute(self, q: _Q) -> None:
        rules = (self._right_cue, self._left_cue, self._bracketed_author, self._governing_cue,
                 self._as_parenthetical, self._according_to, self._colon_before, self._near_left_cue)
        short = len(_words(self.text[q.start:q.end])) <= 6
        for rule in rules:
            found = rule(q)
            if found is None:
                continue
            v, subj = found
            if rule not in (self._right_cue, self._left_cue) and short and self._is_title(q):
                q.excluded = True
                return
            if rule not in (self._right_cue, self._left_cue) and short and self._is_label(q, v):
                return  # a name for a thing the speech is about; a repeat or a state's framing may still claim it
            if subj is None and v.lower_ != "according":
                continue
            who = self._speaker(subj, v)
            if who is None and subj is not None and subj.lower_ == "it" and subj.tag_ == "PRP":
                who = self._it_speaker(v)  # '“…,” it said in a statement': the body that spoke before
            if who is None:
                q.excluded = True  # "what some called …": a cue with no identifiable speaker
                return
            q.speaker, q.actor = who
            q.cue = self._cue_text(v)
            q.how = rule.__name__
            return

    def _is_title(self, q: _Q) -> bool:
        if _looks_like_title(self.text[q.start:q.end], self.w.title_small_words):
            return True
        k = q.open_tok - 1
        return k >= 0 and self.doc[k].lower_ in self.w.title_nouns

    def _is_label(self, q: _Q, v: Token) -> bool:
        """A short quote that names the thing a speech is about rather than giving its words: written
        after 'so-called' ('referring to a so-called “white list”'), modifying a noun after the
        closing mark as a name ('vessels conducting “on-site” inspections', 'the “small yard and high
        fence” mentality'; not an adjective, which judges it) or standing in the subject of the
        reported clause ('Xi told Albanese that …, “decoupling” or “de-risking” are forms of
        protectionism'). A speech verb that governs the
        clause does not make those the speaker's words: what the speaker says of them is the
        predicate ('Moon called the move “very reckless”')."""
        before = self.text[max(0, q.open - 20):q.open].lower()
        if any(before.rstrip().endswith(w) for w in self.w.label_words):
            return True
        if not self.has_dep:
            return False
        doc = self.doc
        roots = [t for t in doc[q.t0:q.t1] if not (q.t0 <= t.head.i < q.t1) and not t.is_punct]
        if not roots:
            return False
        for t in roots:
            for _ in range(4):  # up the conjuncts and appositions: "“decoupling” or “de-risking”"
                if t.dep_ not in ("conj", "appos") or t.head.i == t.i:
                    break
                t = t.head
            if t.dep_ in ("nmod", "compound", "npadvmod") and t.head.i > q.close_tok \
                    and t.head.pos_ in ("NOUN", "PROPN") and not self.in_quote[t.head.i]:
                continue  # a name modifying the noun after it (a quoted adjective is a judgement: the
                # partnership's “unprecedented” character)
            if t.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass") and t.head.i != v.i \
                    and any(a.i == v.i for a in t.head.ancestors):
                continue  # the subject of the clause the speech verb reports
            return False
        return True

    def _is_cue(self, t: Token) -> bool:
        if self.in_quote[t.i]:
            return False
        if t.lower_ == "according" and t.i + 1 < self.n and self.doc[t.i + 1].lower_ == "to":
            return True
        return t.lemma_.lower() in self.w.speech and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))

    def _cue_and_subject(self, v: Token) -> tuple[Token, Token | None]:
        if v.lower_ == "according":
            return v, self._according_object(v)
        return v, self._subject(v)

    def _right_cue(self, q: _Q) -> tuple[Token, Token | None] | None:
        """'…,” said Kevin Rudd' / '…,” Gabuev wrote in Foreign Affairs'."""
        text = self.text
        raw_end = text[q.close - 1] if q.close > 0 else ""
        after = text[q.close + 1:q.close + 2] if q.close + 1 < len(text) else ""
        trailing = raw_end in ",?!—–" or after == ","
        k = q.close_tok + 1
        first = None
        steps = 0
        while k < self.n and steps < 16:
            t = self.doc[k]
            if t.is_space or (t.text == "," and steps == 0):
                k += 1
                continue
            if first is None:
                first = t
                if t.pos_ == "SCONJ" or (t.pos_ == "ADP" and t.lower_ != "according"):
                    break  # '…,” while expressing optimism': a clause of its own, not the attribution
            if self.in_quote[k] or t.text in (".", "!", "?", ";", ":") or t.text in _OPEN_DOUBLE:
                break
            if self._is_cue(t):
                if trailing or (t is first and t.is_lower):
                    cue, subj = self._cue_and_subject(t)
                    if subj is None and k > q.close_tok + 1:
                        # the parser hung the phrase before the verb elsewhere ('…,” China's envoy
                        # to the UN, Fu Cong, wrote'): that phrase is the speaker, named if it names
                        # someone, else its head
                        phrase = [x for x in self.doc[q.close_tok + 1:k] if not (x.is_punct or x.is_space)]
                        named = [x for x in phrase if x.ent_type_ == "PERSON"]
                        subj = named[-1] if named else next(
                            (x for x in phrase if not (q.close_tok < x.head.i < k)), phrase[-1] if phrase else None)
                    return cue, subj
                return None
            steps += 1
            k += 1
        return None

    def _left_cue(self, q: _Q) -> tuple[Token, Token | None] | None:
        """'he said, “…' / 'saying “…' / 'wrote: “…' / 'said that “…'."""
        k = q.open_tok - 1
        skipped = 0
        while k >= 0 and skipped < 2 and (self.doc[k].text in (",", ":", "—", "–") or self.doc[k].lower_ == "that"
                                          or self.doc[k].is_space):
            if not self.doc[k].is_space:
                skipped += 1
            k -= 1
        if k < 0:
            return None
        t = self.doc[k]
        if self._is_cue(t) and t.lower_ != "according":
            return self._cue_and_subject(t)
        return None

    def _bracketed_author(self, q: _Q) -> tuple[Token, Token | None] | None:
        """'the “hard questions” (to use Lula’s phrase…)', '“…” (in Xi's words)': words
        someone is said to have used, named in brackets right after the quote, are theirs."""
        k = q.close_tok + 1
        while k < self.n and (self.doc[k].is_space or self.doc[k].text == ","):
            k += 1
        if k >= self.n or self.doc[k].text != "(":
            return None
        for t in self.doc[k + 1:min(self.n, k + 12)]:
            if t.text == ")":
                break
            if t.lemma_.lower() in self.w.doc_nouns and any(c.dep_ == "poss" for c in t.children):
                return t, t
        return None

    def _governing_cue(self, q: _Q) -> tuple[Token, Token | None] | None:
        """The speech verb above the quoted words in the parse."""
        if not self.has_dep:
            return None
        doc = self.doc
        roots = [t for t in doc[q.t0:q.t1] if not (q.t0 <= t.head.i < q.t1)]
        roots = [t for t in roots if t.head.i != t.i]
        if not roots:
            return None
        t = roots[0].head
        for _ in range(9):
            if not self.in_quote[t.i]:
                if self._is_cue(t):
                    return self._cue_and_subject(t)
                if t.pos_ == "NOUN" and t.lemma_.lower() in self.w.doc_nouns and any(
                        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in t.children):
                    # "Takaichi's remarks regarding a “…”", "the rhetoric of “…” by Erdogan": the
                    # author of the words the quote is part of
                    return t, t
                if t.pos_ == "NOUN" and t.lemma_.lower() in self.w.doc_nouns and t.dep_ == "dobj" \
                        and t.head.lemma_.lower() in self.w.initiative:
                    # "China is promoting the narrative that “…”": who puts the words out
                    return t.head, self._subject(t.head)
                for c in t.children:
                    if self.in_quote[c.i]:
                        continue
                    # "…, according to X"
                    if c.lower_ == "according" and c.i + 1 < self.n and doc[c.i + 1].lower_ == "to":
                        return c, self._according_object(c)
                    # "as X noted (in his speech), …": a parenthetical speech clause
                    if c.dep_ == "advcl" and self._is_cue(c) and any(
                            g.dep_ == "mark" and g.lower_ == "as" for g in c.children):
                        return self._cue_and_subject(c)
            if t.head.i == t.i:
                break
            t = t.head
        return None

    def _as_parenthetical(self, q: _Q) -> tuple[Token, Token | None] | None:
        """'…, as X noted in a speech – … “…”': an as-clause elsewhere in the quote's sentence."""
        if not self.has_dep:
            return None
        lo, hi = self.sent_bounds[self.sent_of[min(q.t0, self.n - 1)]]
        for t in self.doc[lo:hi]:
            if t.dep_ == "advcl" and self._is_cue(t) and not any(c.dep_ == "ccomp" for c in t.children) \
                    and any(g.dep_ == "mark" and g.lower_ == "as" for g in t.children):
                return self._cue_and_subject(t)
        return None

    def _according_to(self, q: _Q) -> tuple[Token, Token | None] | None:
        """'According to X, “…”' anywhere in the quote's first or last sentence."""
        for s_idx in {self.sent_of[min(q.t0, self.n - 1)], self.sent_of[min(q.t1 - 1, self.n - 1)]}:
            lo, hi = self.sent_bounds[s_idx]
            for t in self.doc[lo:hi]:
                if t.lower_ == "according" and self._is_cue(t):
                    return t, self._according_object(t)
        return None

    def _colon_before(self, q: _Q) -> tuple[Token, Token | None] | None:
        """'Gabuev wrote:' ending the sentence (or paragraph) before the quote."""
        k = q.open_tok - 1
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        if k < 0 or self.doc[k].text != ":":
            return None
        lo = self.sent_bounds[self.sent_of[k]][0]
        for j in range(k - 1, lo - 1, -1):
            t = self.doc[j]
            if self._is_cue(t):
                return self._cue_and_subject(t)
        return None

    def _near_left_cue(self, q: _Q) -> tuple[Token, Token | None] | None:
        """A speech verb a few words before the quote in the same clause ('X called it “…”')."""
        lo = self.sent_bounds[self.sent_of[q.open_tok]][0]
        for j in range(q.open_tok - 1, max(lo, q.open_tok - 6) - 1, -1):
            t = self.doc[j]
            if t.text in (".", ";", ":", "!", "?", "—", "–") or self.in_quote[j]:
                return None
            if t.pos_ in ("VERB", "AUX") and not self._is_cue(t) and t.lemma_ not in ("be", "have"):
                return None
            if self._is_cue(t) and t.lower_ != "according":
                return self._cue_and_subject(t)
        return None

    # -- passes over all quotes

    def _continuations(self, quotes: list[_Q]) -> None:
        """A quote opening a sentence with no cue continues the quote just before it."""
        prev: _Q | None = None
        for q in quotes:
            if q.speaker is None and not q.excluded and prev is not None and prev.speaker is not None:
                s_open = self.sent_of[q.open_tok]
                s_prev = self.sent_of[prev.close_tok]
                opens_sentence = self._opens_sentence(q)
                if opens_sentence and 0 <= s_open - s_prev <= 1 and self._gap_is_attribution(prev, q):
                    q.speaker, q.actor, q.cue, q.how = prev.speaker, prev.actor, prev.cue, "continuation"
            if not q.excluded:
                prev = q if q.speaker is not None else prev
        return None

    def _open_ended(self, quotes: list[_Q]) -> None:
        """A paragraph of a multi-paragraph quote (no closing mark) takes the speaker of the rest."""
        for k in range(len(quotes) - 2, -1, -1):
            q, nxt = quotes[k], quotes[k + 1]
            if q.speaker is None and not q.excluded and nxt.speaker is not None \
                    and self.text[q.close:q.close + 1] not in _CLOSE_DOUBLE + '"' \
                    and not self.text[q.close:nxt.open].strip():
                q.speaker, q.actor, q.cue, q.how = nxt.speaker, nxt.actor, nxt.cue, "open-ended"

    def _opens_sentence(self, q: _Q) -> bool:
        lo = self.sent_bounds[self.sent_of[q.open_tok]][0]
        return all(t.is_space or t.is_punct for t in self.doc[lo:q.open_tok + 1])

    def _gap_is_attribution(self, prev: _Q, q: _Q) -> bool:
        """Between the two quotes only the previous quote's attribution and at most one paragraph
        break (news prints each quoted sentence of a speaker as a paragraph of its own)."""
        gap = self.text[prev.close + 1:q.open]
        return gap.count("\n") <= 2 and "\n\n\n" not in gap.replace("\r", "") and len(gap) <= 200

    def _repeated(self, quotes: list[_Q]) -> None:
        """A phrase repeated from an attributed quote takes that quote's speaker."""
        attributed = [(_words(self.text[p.start:p.end]), p) for p in quotes if p.speaker is not None]
        if not attributed:
            return
        for q in quotes:
            if q.speaker is not None or q.excluded:
                continue
            w = _words(self.text[q.start:q.end])
            if not w:
                continue
            for pw, p in attributed:
                if p is q or len(pw) < len(w) or (len(w) < 2 and pw != w):
                    continue
                if any(pw[i:i + len(w)] == w for i in range(len(pw) - len(w) + 1)):
                    q.speaker, q.actor, q.cue, q.how = p.speaker, p.actor, None, "repeated"
                    break

    def _framing(self, q: _Q) -> None:
        """'China’s “peace” diplomacy', 'the Russia-China “…” partnership', 'Xi will give a “peace speech”'."""
        if len(_words(self.text[q.start:q.end])) > 6 or self._is_title(q):
            return
        doc = self.doc
        k = q.open_tok - 1
        if k >= 0 and doc[k].text in ("’s", "'s", "’", "'") and k > 0:
            ms = self._mentions_in(doc[k - 1].idx, doc[k - 1].idx + len(doc[k - 1].text))
            if ms:
                m = ms[-1]
                if m["kind"] in _PERSON_KINDS and m.get("person"):
                    q.speaker, q.actor = self._spelling(m["person"]), m["code"]
                elif m["kind"] in ("state", "organisation") or (m["kind"] == "title" and m["code"]):
                    q.speaker, q.actor = _government(m["code"]), m["code"]
                q.how = "framing"
                return
        # modifiers right before the mark: "the Russia-China “…”", "Chinese “…”"
        end = q.open
        j = k
        while j >= 0 and (doc[j].text in ("-", "–") or doc[j].is_space):
            j -= 1
        if j >= 0:
            ms = [m for m in self._mentions_in(doc[j].idx - 40, end) if m["kind"] in ("state", "organisation")]
            chain: list[dict[str, Any]] = []
            pos = doc[j].idx + len(doc[j].text)
            for m in reversed(ms):
                between = self.text[m["end"]:pos]
                if between.strip(" -–") or m["end"] > pos:
                    break
                chain.insert(0, m)
                pos = m["start"]
            codes = list(dict.fromkeys(m["code"] for m in chain))
            if len(codes) == 1 and doc[j].lower_ not in self.w.articles:
                q.speaker, q.actor, q.how = _government(codes[0]), codes[0], "framing"
                return
            if len(codes) == 2:
                from dyadwatch.dictionaries import actor_name

                suffix = "joint statement" if self._mentions_joint_statement() else "both governments"
                q.speaker = f"{actor_name(codes[0])} and {actor_name(codes[1])} ({suffix})"
                q.actor, q.how = None, "framing"
                return
        # "Xi will give a “peace speech”": the object of an initiative verb of a state actor
        if not self.has_dep:
            return
        roots = [t for t in doc[q.t0:q.t1] if not (q.t0 <= t.head.i < q.t1)]
        if not roots:
            return
        t = roots[0]
        if t.dep_ in ("compound", "amod") and not self.in_quote[t.head.i]:
            t = t.head  # the “no-limits” friendship
        if t.dep_ != "dobj" or t.head.lemma_.lower() not in self.w.initiative:
            return
        subj = self._subject(t.head)
        if subj is None:
            return
        lo, hi = self._np_span(subj)
        ms = self._mentions_in(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
        codes = list(dict.fromkeys(m["code"] for m in ms if m["code"]))
        if len(codes) == 1:
            q.speaker, q.actor, q.how = _government(codes[0]), codes[0], "framing"

    def _mentions_joint_statement(self) -> bool:
        low = self.text.lower()
        return any(f"joint {w}" in low for w in self.w.joint_nouns)

    # ------------------------------------------------------------------ speakers

    def _subject(self, v: Token, depth: int = 0) -> Token | None:
        """The subject of a speech verb, following participles, infinitives and conjuncts up."""
        if not self.has_dep:
            return self._adjacent_name(v)
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not self.in_quote[c.i]:
                if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return v.head
                if c.dep_ == "nsubjpass":
                    break
                return c
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        if depth >= 3 or v.head.i == v.i:
            return self._adjacent_name(v) if depth == 0 else None
        h = v.head
        if v.dep_ == "xcomp":
            for c in h.children:
                if c.dep_ == "dobj" and c.i < v.i:  # "led officials to predict"
                    return c
            return self._subject(h, depth + 1)
        if v.dep_ in ("advcl", "conj", "pcomp", "ccomp", "prep"):
            found = self._subject(h, depth + 1)
            if found is not None and v.dep_ == "conj" and h.dep_ in ("ccomp", "xcomp", "conj") \
                    and not self._speakerish(found) and h.head.i != h.i:
                # "X said the patrols “…” and urged …": the conjunct belongs to X's verb
                return self._subject(h.head, depth + 1) or found
            return found
        if v.dep_ == "acl":
            if h.lemma_.lower() in self.w.doc_nouns:  # "a statement proclaiming …", "Xi's speech noting …"
                for c in h.children:
                    if c.dep_ == "poss":
                        return c
                if h.head.i != h.i and h.head.pos_ in ("VERB", "AUX"):
                    return self._subject(h.head, depth + 1)
                return None
            if h.pos_ in ("NOUN", "PROPN", "PRON"):
                return h  # "a spokesman saying …"
        if depth == 0:
            return self._adjacent_name(v)
        return None

    def _speakerish(self, t: Token) -> bool:
        """Could this token name someone who speaks: a name, pronoun, actor or speaking noun."""
        return t.pos_ in ("PROPN", "PRON") or t.ent_type_ == "PERSON" or t.lower_ in self.w.speaker_nouns \
            or bool(self._mentions_in(t.idx, t.idx + len(t.text)))

    def _adjacent_name(self, v: Token) -> Token | None:
        """Parse fallback: a proper name right after ('said Kevin Rudd') or right before the verb."""
        for k in (v.i + 1, v.i - 1):
            if 0 <= k < self.n and self.doc[k].pos_ in ("PROPN", "PRON") and not self.in_quote[k]:
                return self.doc[k]
        return None

    def _according_object(self, t: Token) -> Token | None:
        if t.i + 1 >= self.n:
            return None
        to = self.doc[t.i + 1]
        for c in to.children:
            if c.dep_ == "pobj":
                return c
        k = to.i + 1
        return self.doc[k] if k < self.n and not self.doc[k].is_punct else None

    def _np_span(self, h: Token) -> tuple[int, int]:
        """Token range of the noun phrase headed by ``h``: modifiers and conjuncts, no appositions."""
        keep = {h.i}
        stack = [h]
        while stack:
            t = stack.pop()
            keep.add(t.i)
            for c in t.children:
                d = c.dep_
                if d in ("compound", "amod", "det", "poss", "nummod", "nmod", "flat", "case", "quantmod",
                         "predet", "advmod") and c.i < t.i:
                    keep.update(x.i for x in c.subtree)
                elif d == "conj":
                    stack.append(c)
                elif d == "cc":
                    keep.add(c.i)
                elif d == "prep" and c.lower_ == "of" and c.i > t.i and (
                        t.pos_ != "PROPN" or t.lower_ in self.w.named_bodies):  # "Department of Foreign Affairs"
                    keep.update(x.i for x in c.subtree)
        lo, hi = min(keep), max(keep) + 1
        while lo < hi and (self.doc[lo].is_punct or self.doc[lo].is_space):
            lo += 1
        while hi > lo and (self.doc[hi - 1].is_punct or self.doc[hi - 1].is_space):
            hi -= 1
        return lo, max(hi, lo + 1)

    def _speaker(self, subj: Token | None, v: Token) -> tuple[str, str | None] | None:
        """(speaker, speaker_actor) for a speaker noun phrase, or None when it names nobody."""
        if subj is None:
            return None
        doc = self.doc
        if subj.lower_ in self.w.not_speakers and subj.tag_ in ("PRP", "DT", "WP", "WDT", "EX"):
            return None
        if subj.lemma_.lower() in self.w.doc_nouns:  # "a statement from the foreign ministry", "Xi's speech"
            author = self._author_of(subj)
            if author is None and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
                author = self._earlier_author(subj)
            if author is None:
                return None
            subj = author
        lo, hi = self._np_span(subj)
        a, b = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        phrase = self.text[a:b]
        ms = self._mentions_in(a, b)
        names: list[str] = []
        codes: list[str | None] = []
        head_a, head_b = subj.idx, subj.idx + len(subj.text)
        for m in ms:
            if m["kind"] in _PERSON_KINDS and m.get("person"):
                if not (m["start"] < head_b and m["end"] > head_a) and self._possessive_at(m["end"]):
                    continue  # "Blinken's aide" is not Blinken
                name = self._spelling(m["person"])
                if name not in names:
                    names.append(name)
                    codes.append(None if self._is_analyst(name) else m["code"])
        for e_start, e_end, e_text in self.person_ents:
            if e_end <= a or e_start >= b or self._mentions_in(e_start, e_end):
                continue
            if not (e_start < head_b and e_end > head_a) and self._possessive_at(e_end):
                continue
            name = self._full_name(e_text)
            if name and name not in names:
                names.append(name)
                codes.append(self._code_of_name(name))
        if not names:  # "the spokeswoman, Mao Ning, said"
            for c in subj.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN":
                    alo, ahi = self._np_span(c)
                    a2, b2 = doc[alo].idx, doc[ahi - 1].idx + len(doc[ahi - 1].text)
                    for m in self._mentions_in(a2, b2):
                        if m["kind"] in _PERSON_KINDS and m.get("person"):
                            names.append(self._spelling(m["person"]))
                            codes.append(None if self._is_analyst(names[-1]) else m["code"])
                            break
                    else:
                        if c.ent_type_ == "PERSON":
                            names.append(self._full_name(doc[alo:ahi].text))
                            codes.append(self._code_of_name(names[-1]))
                    break
        if not names and subj.lower_ in self.w.speaker_nouns and v.i > subj.i + 1:
            # "DP spokesperson An Ho-young said": a name the recogniser missed between the title
            # and the verb, written as a name (capitalised words, a hyphenated given name)
            between = doc[subj.i + 1:v.i]
            if len(between) <= 5 and between[0].text[:1].isupper() and all(
                    t.text[:1].isupper() or t.text == "-" or (doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_)
                    for t in between) and \
                    sum(t.is_alpha for t in between) >= 2 and not self._mentions_in(between[0].idx, v.idx):
                name = "".join(t.text_with_ws for t in between).strip()
                return name, self._code_of_name(name)
        head_low = subj.lower_
        # pronouns: he/she -> the most recent person; they/both -> the two actors named last
        if not names and subj.tag_ == "PRP" and head_low in self.w.person_pronouns:
            found = self._last_person(subj.idx)
            if found is None:
                return None
            return found
        plural = head_low in self.w.pair_pronouns or (
            subj.lower_ in self.w.pair_people | self.w.pair_states
            and any(t.lower_ in self.w.pair_counts for t in doc[lo:hi]))
        if plural and len(names) < 2:
            pair = self._last_pair(subj.idx, people=subj.lower_ in self.w.pair_people or head_low == "they")
            if pair is None:
                return None
            joint = self._joint_noun(v)
            label = f"joint {joint}" if joint else phrase.strip()
            if head_low == "they" and not joint:
                label = ""
            speaker = " and ".join(pair[0]) + (f" ({label})" if label else "")
            return speaker, pair[1]
        if names:
            if len(names) >= 2 and self._joint_noun(v):
                return " and ".join(names) + f" (joint {self._joint_noun(v)})", None
            code_set = set(codes)
            actor = codes[0] if len(code_set) == 1 else None
            return " and ".join(names), actor
        actors = [m for m in ms if m["code"]]
        if actors:
            code_set = {m["code"] for m in actors}
            if len(code_set) > 1:
                joint = self._joint_noun(v)
                return _clean_phrase(phrase) + (f" (joint {joint})" if joint else ""), None
            return _clean_phrase(phrase), actors[0]["code"]
        if subj.lower_ in self.w.vague_heads or any(t.lower_ in self.w.vague_dets for t in doc[lo:hi]):
            return None
        words = [t for t in doc[lo:hi] if not t.is_punct]
        if len(words) > 1 and words[0].lower_ == "the":
            titles = self.w.title_holders.get(" ".join(t.lower_ for t in words[1:]))
            held = self._titled_person(titles, subj.idx) if titles else None
            if held is not None:
                return held  # "the president said": the president last named
            if len(words) == 2 and words[1].lower_ in self.w.named_bodies:
                body = self._named_body(words[1].lower_, subj.idx)
                if body is not None:
                    return body  # "the ministry said": the ministry last named in full
        if subj.tag_ in ("NNS",) and not any(t.dep_ == "det" for t in doc[lo:hi]):
            return None  # bare plural: "officials say"
        if any(t.pos_ == "PROPN" for t in doc[lo:hi]):
            if subj.pos_ == "PROPN" and hi - lo == 1 and subj.ent_type_ in ("", "PERSON"):
                return self._full_name(subj.text), self._code_of_name(self._full_name(subj.text))
            return _clean_phrase(phrase), None  # an outlet or organisation
        if subj.lower_ in self.w.speaker_nouns and any(t.lower_ in self.w.indefinite_speakers for t in doc[lo:hi]):
            return _clean_phrase(phrase), None  # "a Western diplomat", "the ministry"
        return None

    def _author_of(self, noun: Token) -> Token | None:
        """The author a noun for words names: 'Xi's speech', 'a statement from the ministry'."""
        author = next((c for c in noun.children if c.dep_ == "poss"), None)
        if author is None:
            # "by"/"from" name the author before "of", which may hold the words themselves
            # ("the rhetoric of “Mitsotakis yok” by Erdogan")
            preps = sorted((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")),
                           key=lambda c: c.lower_ == "of")
            for c in preps:
                author = next((g for g in c.children if g.dep_ == "pobj" and not self.in_quote[g.i]), None)
                if author is not None:
                    break
        return author

    def _earlier_author(self, noun: Token) -> Token | None:
        """'The statement said …' with no author: the statement last mentioned, within five
        sentences, and whoever it named as its author or put it out ('The two countries released
        a joint communiqué … The joint statement calls for …'; the joint kinds count as one)."""
        lemma = noun.lemma_.lower()
        joint = lemma in self.w.joint_nouns
        lo = self.sent_bounds[max(0, self.sent_of[noun.i] - 5)][0]
        for j in range(noun.i - 1, lo - 1, -1):
            t = self.doc[j]
            other = t.lemma_.lower()
            if self.in_quote[j] or t.pos_ != "NOUN" or not (other == lemma or (joint and other in self.w.joint_nouns)):
                continue
            author = self._author_of(t)
            if author is None and t.dep_ == "dobj" and t.head.lemma_.lower() not in self.w.speech:
                author = self._subject(t.head)  # "X released / issued / signed a statement"
            if author is None and t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.i != t.head.i:
                author = self._subject(t.head.head)  # "in a statement, X said"
            return author
        return None

    def _possessive_at(self, char: int) -> bool:
        return self.text[char:char + 2] in ("’s", "'s") or self.text[char:char + 1] in ("’", "'")

    def _joint_noun(self, v: Token) -> str | None:
        """'statement' when the cue sits in a sentence about a (joint) statement or declaration."""
        lo, hi = self.sent_bounds[self.sent_of[v.i]]
        for t in self.doc[lo:hi]:
            if not self.in_quote[t.i] and t.lower_ in self.w.joint_nouns:
                return self.w.joint_nouns[t.lower_]
        return None

    def _mentions_in(self, a: int, b: int) -> list[dict[str, Any]]:
        """Actor mentions overlapping the characters [a, b)."""
        i = bisect_left(self.m_starts, a - 120)
        out = []
        while i < len(self.mentions) and self.mentions[i]["start"] < b:
            if self.mentions[i]["end"] > a:
                out.append(self.mentions[i])
            i += 1
        return out

    # -- people

    def _people_list(self) -> list[tuple[int, int, str, str | None]]:
        if self._people is None:
            people: list[tuple[int, int, str, str | None]] = []
            for m in self.mentions:
                if m["kind"] in _PERSON_KINDS and m.get("person"):
                    people.append((m["start"], m["end"], self._spelling(m["person"]), m["code"]))
                    if m["kind"] != "pronoun":
                        self._codes_of.setdefault(m["person"], m["code"])
                        self._codes_of.setdefault(self._spelling(m["person"]), m["code"])
            for e_start, e_end, e_text in self.person_ents:
                if not self._mentions_in(e_start, e_end):
                    people.append((e_start, e_end, self._full_name(e_text), None))
            # a family name alone ("Ano said"), of someone named in full before, names that person
            # again even where the recogniser saw no one: "he added" after it is that person
            surnames = self._surname_table()
            taken = sorted((s, e) for s, e, _n, _c in people)
            first_at: dict[str, int] = {}
            for e_start, _e_end, e_text in self.person_ents:
                first_at[e_text] = min(e_start, first_at.get(e_text, e_start))
            for t in self.doc:
                full = surnames.get(t.text) if t.text[:1].isupper() else None
                if full is None or self.in_quote[t.i]:
                    continue
                i = bisect_left(taken, (t.idx + 1,)) - 1
                if i >= 0 and taken[i][1] > t.idx:
                    continue
                first = first_at.get(full)
                if first is not None and first < t.idx:
                    people.append((t.idx, t.idx + len(t.text), full, self._codes_of.get(full)))
            people.sort()
            self._people = people
        return self._people

    def _spelling(self, person: str) -> str:
        """A dictionary person's name as this document spells it ('Sergei Lavrov' for 'Sergey Lavrov')."""
        if self._spellings is None:
            table: dict[str, str] = {}
            for m in self.mentions:
                if m["kind"] != "person" or not m.get("person"):
                    continue
                parts = _strip_name(m["text"]).split()
                while parts and parts[0] in self.w.honorifics | self.w.title_words:
                    parts.pop(0)
                # "Erdogan" in the text is the dictionary's "Erdoğan": compared without accents
                if len(parts) >= 2 and _fold(parts[-1]) == _fold(m["person"].split()[-1]):
                    table.setdefault(m["person"], " ".join(parts))
            for m in self.mentions:
                # only the surname in the text: the dictionary's name with the text's spelling of it
                if m["kind"] != "person" or not m.get("person") or m["person"] in table:
                    continue
                parts = _strip_name(m["text"]).split()
                full = m["person"].split()
                if len(parts) == 1 and len(full) >= 2 and _fold(parts[0]) == _fold(full[-1]) and parts[0] != full[-1]:
                    table[m["person"]] = " ".join(full[:-1] + parts)
            self._spellings = table
        return self._spellings.get(person, person)

    def _surname_table(self) -> dict[str, str]:
        if self._surnames is None:
            table: dict[str, str] = {}
            first: dict[str, set[str]] = {}
            names = [self._spelling(m["person"]) for m in self.mentions
                     if m["kind"] in _PERSON_KINDS and m.get("person")]
            names += [e_text for _s, _e, e_text in self.person_ents]
            for name in names:
                parts = [p for p in _strip_name(name).split() if p not in self.w.honorifics]
                if len(parts) >= 2:
                    table.setdefault(parts[-1], " ".join(parts))
                    first.setdefault(parts[0], set()).add(" ".join(parts))
            # family name first ("Xue Jian" ... "Xue said"): the first word names the person
            # when it stands for one full name only and is no one's last word
            for word, full in first.items():
                if len(full) == 1 and word not in table:
                    table[word] = next(iter(full))
            self._surnames = table
        return self._surnames

    def _full_name(self, name: str) -> str:
        parts = [p for p in _strip_name(name).split() if p not in self.w.honorifics]
        if not parts:
            return name
        if len(parts) >= 2:
            return " ".join(parts)
        return self._surname_table().get(parts[0], parts[0])

    def _code_of_name(self, name: str) -> str | None:
        self._people_list()
        if self._is_analyst(name):
            return None
        return self._codes_of.get(name)

    def _is_analyst(self, name: str) -> bool:
        """'Jane Roe, a senior fellow at …' / 'analyst Jane Roe'."""
        if name in self._analysts:
            return self._analysts[name]
        result = False
        surname = name.split()[-1]
        for m in re.finditer(re.escape(surname) + r"\b", self.text):
            after = self.text[m.end():m.end() + 90]
            before = self.text[max(0, m.start() - len(name) - 40):m.start()]
            if re.match(r"\s*(?:’s|'s)?\s*,\s+(?:a|an|the)?\s*", after) and self.w.analyst.search(after.split(".")[0][:90]):
                result = True
                break
            if re.search(r"\b(analyst|fellow|professor|scholar|expert|researcher|journalist|correspondent)\s+"
                         r"(?:\w+\s+){0,2}$", before):
                result = True
                break
            if re.match(r"\s+is\s+(?:a|an|the)\b", after) and self.w.analyst.search(after):
                result = True
                break
        self._analysts[name] = result
        return result

    def _it_speaker(self, v: Token) -> tuple[str, str | None] | None:
        """The speaker "it" stands for at the cue ``v``: the nearest earlier speaker, in this sentence
        or the two before, that is not a person ("the Department of Foreign Affairs said it had never
        agreed … “…,” it said"); None when there is none."""
        people = {p[2] for p in self._people_list()}
        first = max(0, self.sent_of[v.i] - 2)
        lo = self.sent_bounds[first][0]
        for j in range(v.i - 1, lo - 1, -1):
            t = self.doc[j]
            if not self._is_cue(t) or t.lower_ == "according":
                continue
            subj = self._subject(t)
            if subj is None or subj.lower_ in self.w.not_speakers or subj.tag_ == "PRP":
                continue
            who = self._speaker(subj, t)
            if who is not None and who[0] not in people:
                return who
        return None

    def _named_body(self, head: str, char: int) -> tuple[str, str | None] | None:
        """(name, code) of the body of kind ``head`` named last in full before ``char`` ("the
        Ministry of Fisheries and Ocean Affairs", "China's Foreign Ministry" -> "Foreign
        Ministry"), at most 3,000 characters back; None when none is."""
        word = head.capitalize()
        found = None
        lo = max(0, char - 3000)
        for m in re.finditer(rf"(?:\b[A-Z][\w’'-]*\s+){{0,4}}{word}\b(?:\s+(?:of|for|and|the|[A-Z][\w’'-]*))*",
                             self.text[lo:char]):
            name = re.sub(r"(?:\s+(?:of|for|and|the))+$", "", m.group(0)).strip()
            name = re.sub(r"^(?:The|A|An)\s+", "", name)
            if len(name.split()) >= 2:
                found = (name, lo + m.start())
        if found is None:
            return None
        name, start = found
        codes = {m["code"] for m in self._mentions_in(start, start + len(name)) if m["code"]}
        return name, codes.pop() if len(codes) == 1 else None

    def _titled_person(self, titles: frozenset[str], char: int) -> tuple[str, str | None] | None:
        """(name, code) of the person named last before ``char`` with one of ``titles`` right
        before the name ("President Ilham Aliyev" for "the head of state"), else None."""
        people = self._people_list()
        alternatives = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
        before = re.compile(rf"\b(?:{alternatives})\.?\s+$")
        found: tuple[int, str, str | None] | None = None
        i = bisect_left(people, (char,)) - 1
        while i >= 0:
            s, e, name, code = people[i]
            if before.search(self.text[max(0, s - 40):s]) or any(self.text[s:e].startswith(t + " ") for t in titles):
                found = (s, name, code or self._code_of_name(name))
                break
            i -= 1
        # a name the recogniser missed, written after the title ("DP spokesperson An Ho-young")
        lo = max(0, char - 3000)
        for m in re.finditer(rf"\b(?:{alternatives})\s+{_NAME_AFTER_TITLE}\b",
                             self.text[lo:char]):
            if found is None or lo + m.start(1) > found[0]:
                name = m.group(1)
                found = (lo + m.start(1), name, self._code_of_name(name))
        return (found[1], found[2]) if found else None

    def _last_person(self, char: int) -> tuple[str, str | None] | None:
        """The most recent person named before ``char`` within a few sentences."""
        people = self._people_list()
        i = bisect_left(people, (char,)) - 1
        here = self.sent_of[self._tok_at(char)]
        while i >= 0:
            s, _e, name, code = people[i]
            if here - self.sent_of[self._tok_at(s)] > self.c.pronoun_sentences:
                return None
            if s < char:
                return name, (None if self._is_analyst(name) else code)
            i -= 1
        return None

    def _last_pair(self, char: int, people: bool) -> tuple[list[str], str | None] | None:
        """The two distinct actors named last before ``char``: people, or states."""
        found: list[str] = []
        codes: list[str] = []
        i = bisect_left(self.m_starts, char) - 1
        here = self.sent_of[self._tok_at(char)]
        while i >= 0 and len(found) < 2:
            m = self.mentions[i]
            i -= 1
            if here - self.sent_of[self._tok_at(m["start"])] > 3:
                break
            if people:
                if m["kind"] in _PERSON_KINDS and m.get("person") \
                        and self._spelling(m["person"]) not in found:
                    found.append(self._spelling(m["person"]))
                    codes.append(m["code"])
            elif m["code"] and m["code"] not in codes and m["kind"] in ("state", "person", "title"):
                from dyadwatch.dictionaries import actor_name

                found.append(actor_name(m["code"]))
                codes.append(m["code"])
        if len(found) < 2:
            return None
        found.reverse()
        codes.reverse()
        return found, (codes[0] if len(set(codes)) == 1 else None)

    def _cue_text(self, v: Token) -> str:
        if v.lower_ == "according":
            return "according to"
        lemma = v.lemma_.lower()
        if lemma == "tell":  # "told AFP", "told reporters"
            for c in v.children:
                if c.dep_ in ("dobj", "dative", "iobj") and c.i > v.i:
                    lo, hi = self._np_span(c)
                    if hi - lo <= 4:
                        return f"{v.text} {self.doc[lo:hi].text}"
        if lemma == "refer" and v.i + 1 < self.n and self.doc[v.i + 1].lower_ == "to":
            return f"{v.text} to"
        return v.text

    # ------------------------------------------------------------------ reported speech

    def _reported(self, quotes: list[_Q]) -> list[dict[str, Any]]:
        doc, text = self.doc, self.text
        self._quotes = quotes
        direct = sorted((q.start, q.end) for q in quotes)
        d_starts = [s for s, _ in direct]

        def overlaps_direct(a: int, b: int) -> bool:
            i = bisect_left(d_starts, b)
            return any(direct[j][1] > a for j in range(max(0, i - 3), i))

        out: list[dict[str, Any]] = []
        for t in doc:
            if self.in_quote[t.i]:
                continue
            lemma = t.lemma_.lower()
            clause: tuple[int, int] | None = None
            if t.lower_ == "according" and t.i + 1 < self.n and doc[t.i + 1].lower_ == "to":
                subj = self._according_object(t)
                clause = self._according_clause(t)
            elif lemma in self.w.report and t.pos_ in ("VERB", "AUX"):
                comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
                if comp is None and lemma == "deny":
                    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
                    if obj is None:
                        continue
                    clause = self._denied(obj)
                elif comp is None:
                    continue
                else:
                    clause = self._clause_span(comp)
                subj = self._subject(t)
            else:
                continue
            if clause is None or subj is None:
                continue
            a, b = clause
            if b <= a or overlaps_direct(a, b) and lemma != "deny":
                continue
            who = self._speaker(subj, t)
            if who is None:
                continue
            speaker, actor = who
            if actor is None and not self._names_person(subj):
                continue  # outlets, analysts' institutions, unnamed groups
            out.append({"start": a, "end": b, "text": text[a:b], "speaker": speaker, "speaker_actor": actor,
                        "direct": False, "cue": self._cue_text(t)})
        return out

    def _names_person(self, subj: Token) -> bool:
        lo, hi = self._np_span(subj)
        return any(t.ent_type_ == "PERSON" for t in self.doc[lo:hi]) or any(
            m["kind"] in _PERSON_KINDS and m.get("person")
            for m in self._mentions_in(self.doc[lo].idx, self.doc[hi - 1].idx + 1))

    def _clause_span(self, comp: Token) -> tuple[int, int] | None:
        toks = [t for t in comp.subtree]
        lo, hi = toks[0].i, toks[-1].i + 1
        while lo < hi and (self.doc[lo].dep_ == "mark" or self.doc[lo].is_punct or self.doc[lo].is_space):
            lo += 1
        while hi > lo and (self.doc[hi - 1].is_punct or self.doc[hi - 1].is_space):
            hi -= 1
        if hi - lo < 2:
            return None
        return self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1].text)

    def _according_clause(self, t: Token) -> tuple[int, int] | None:
        """The main clause that 'according to X' qualifies, without the phrase itself."""
        head = t.head if t.head.i != t.i else t
        toks = [x.i for x in head.subtree]
        phrase = {x.i for x in t.subtree}
        lo_s, hi_s = self.sent_bounds[self.sent_of[t.i]]
        if len(toks) < 3:
            toks = list(range(lo_s, hi_s))
        rest = [i for i in toks if i not in phrase]
        if not rest:
            return None
        before = [i for i in rest if i < t.i]
        after = [i for i in rest if i > max(phrase)]
        part = after if len(after) >= len(before) else before
        if not part:
            return None
        lo, hi = part[0], part[-1] + 1
        while lo < hi and (self.doc[lo].is_punct or self.doc[lo].is_space):
            lo += 1
        while hi > lo and (self.doc[hi - 1].is_punct or self.doc[hi - 1].is_space):
            hi -= 1
        if hi - lo < 2:
            return None
        return self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1].text)

    def _denied(self, obj: Token) -> tuple[int, int] | None:
        """What was denied: the object, or for 'denied this/it/the reports' the quote or sentence before."""
        lo, hi = self._np_span(obj)
        if obj.lower_ in self.w.denied_anaphors or obj.lemma_.lower() in self.w.denied_reports:
            s_idx = self.sent_of[obj.i]
            if s_idx > 0:
                plo, phi = self.sent_bounds[s_idx - 1]
                a0, b0 = self.doc[plo].idx, self.doc[phi - 1].idx + len(self.doc[phi - 1].text)
                inside = [q for q in self._quotes if q.speaker is not None and a0 <= q.start < b0]
                if inside:  # the attributed quote in that sentence
                    return inside[-1].start, inside[-1].end
                while plo < phi and self.doc[plo].is_space:
                    plo += 1
                while phi > plo and (self.doc[phi - 1].is_punct or self.doc[phi - 1].is_space):
                    phi -= 1
                if phi > plo:
                    return self.doc[plo].idx, self.doc[phi - 1].idx + len(self.doc[phi - 1].text)
            return None
        return self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1].text)


def _fold(word: str) -> str:
    """A word without accents, lower case ("Erdoğan" -> "erdogan")."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _strip_name(name: str) -> str:
    name = name.strip()
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.strip(" ,.;:")


def _clean_phrase(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    for det in ("the ", "The "):
        if phrase.startswith(det) and len(phrase) > len(det):
            phrase = phrase[len(det):]
            break
    return phrase

"""``dyadwatch_figures``: quantities about states' relations, normalised.

Finds, in one left-to-right pass of compiled regular expressions over the text, every
numeric expression — money, percentages, distances, durations, other physical quantities,
plain and ordinal numbers — then uses the parse to keep those that are figures about
relations between states (trade, aid, sanctions, troops, casualties, meetings counted,
prices, percentages) and to describe them:

- **money** in its ISO 4217 currency as a plain number: symbols and codes before the number
  (``$``, ``US$``, ``US $``, ``€``, ``£``, ``E£``, ``¥``, ``₹``, ``₽``, ``₱``, ``Rs``, ``RMB``,
  ``USD``, ``AED`` …) or words after it (dollars, euros, yuan, renminbi, rupees, roubles/rubles,
  pounds, Egyptian pounds, yen, birr, bolivars, manats, drams …; a bare "pesos" is the peso of
  the country its sentence names), with scale words and abbreviations (thousand, million,
  billion, trillion, crore, lakh, ``bn``, ``mn``, ``m``, ``k``, ``tn``, ``cr``): "€1.5bn" →
  1500000000 EUR, "240 billion yuan" → 240000000000 CNY. A conversion in brackets after a
  figure ("$30m (£17.6m)") is the same figure and is dropped;
- **percent** ("29 percent", "29%", "29 per cent", "29pc" → 29);
- **km** (miles and nautical miles are converted), and **other** for durations that matter
  ("20 days before the invasion") and physical quantities (tonnes, barrels, bcm …);
- **count**: numbers of something relevant ("50,000 troops", "50 000 troops", "1.5m people",
  "a 5,000-strong force", "five firms") and ordinal meeting counts ("their 39th meeting" → 39,
  "the sixth session of the joint commission" → 6). Years, dates, ages, times, page chrome,
  lengths, definite small numbers that refer to the parties ("the two leaders", "one of"),
  ordinals of congresses or of one body's sessions, and hypothetical ordinals are skipped;
- **ranges** ("between 50,000 and 60,000", "$2–3 billion", "three to five years") keep both
  ends (``value`` and ``value_high``); **qualifiers** ("about", "nearly", "more than" …) are kept.

``measure`` is a short phrase built from the syntax around the number (the noun it counts or
modifies, the "in/of/worth" phrase, or the subject of its verb); ``period`` is the date
expression nearest to it in its clause, resolved against ``doc._.dw_ref_date`` by
``dyadwatch.analyze.dates.resolve_date`` (``YYYY`` or ``YYYY-MM``).

Sets ``doc._.dw_figures``: plain dicts with the keys of ``FIGURE_KEYS``. Values are always
finite floats; absurd magnitudes (above ``MAX_VALUE``) are dropped. ``figure_records``
turns them into the analysis-record shape, one record per range end as the gold does.

Usage::

    import spacy
    import dyadwatch.analyze.figures  # registers the factory

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("dyadwatch_figures")
    doc = nlp.make_doc("Bilateral trade rose 12 percent to $190 billion last year.")
    doc._.dw_ref_date = "2024-01-15"
    doc = nlp(doc)
    doc._.dw_figures[1]["value"], doc._.dw_figures[1]["unit"], doc._.dw_figures[1]["period"]
    # (190000000000.0, 'USD', '2023')
"""

from __future__ import annotations

import bisect
import math
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyadwatch.analyze.dates import resolve_date
from dyadwatch.analyze.docview import doc_sents, doc_text
from dyadwatch.dictionaries.errors import DictionaryErrors, DictionaryFormatError
from dyadwatch.dictionaries.words import WordLists, word_lists
from dyadwatch.dictionaries.words import alternation as _alternation

__all__ = ["FIGURE_KEYS", "MAX_VALUE", "FigureFinder", "FigurePatterns", "Money", "figure_records", "find_quantities",
           "money_of", "parse_quantity", "patterns_of"]

#: Keys of each dict in ``doc._.dw_figures``.
FIGURE_KEYS = ("start", "end", "sentence_start", "sentence_end", "raw", "value", "value_high", "unit", "qualifier",
               "measure", "period")
#: larger magnitudes are not figures (nor floats one can trust): dropped
MAX_VALUE = 1e18

for _ext in ("dw_figures", "dw_ref_date", "dw_url"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

# ------------------------------------------------------------------------------ patterns

# The words of the patterns below are data (``FigureWords``, read from
# ``dictionaries/data/<lang>/figures.v<N>.json``); what stays here is the shape of a number
# (digits, separators, signs) and punctuation.
#: a year in digits, as the date phrases of ``year_prepositions`` and ``year_to_date`` take it
_YEAR = r"(?:1[89]\d\d|20\d\d)"


def _values(words: dict[str, str], path: str, key: str) -> dict[str, float]:
    """A map of word -> number written as a string ("1e9"), with the numbers read."""
    out = {}
    for word, value in words.items():
        try:
            out[word] = float(value)
        except ValueError:
            raise DictionaryFormatError(DictionaryErrors.DW259.format(
                path=path, reason=f"'{key}.{word}' is {value!r}; expected a number written as a string ('1e9')")) \
                from None
    return out


class FigurePatterns:
    """The regular expressions of one language's figure finder, built from its word lists.

    Numbers written in words ("twenty-five", "half a billion"), ordinals, scale words, the
    qualifiers, range, date, anchor and distance words are ``FigureWords`` read from
    ``dictionaries/data/<lang>/figures.v<N>.json``, so that a second language (or a user's word
    missing from the English lists) goes into a word-list file, not into this module. Built once
    per word-list file (``patterns_of``).
    """

    def __init__(self, w: FigureWords, path: str = "<figure words>") -> None:
        self.number_words = _values(w.number_words, path, "number_words")
        self.tens_words = _values(w.tens_words, path, "tens_words")
        self.number_phrases = _values(w.number_phrases, path, "number_phrases")
        self.ordinal_words = {k: int(v) for k, v in _values(w.ordinal_words, path, "ordinal_words").items()}
        self.ordinal_tens = {k: int(v) for k, v in _values(w.ordinal_tens, path, "ordinal_tens").items()}
        self.hundred_words = w.hundred_words
        self.number_joiners = w.number_joiners
        #: scale word or abbreviation (lower case) -> its factor
        self.scales = {k.lower(): v for k, v in _values(w.scale_abbreviations, path, "scale_abbreviations").items()}
        self.scales.update((k.lower(), v) for k, v in _values(w.scale_words, path, "scale_words").items())
        #: scale abbreviations only trusted next to a currency ("$5m", "500k euros")
        self.letter_scales = w.letter_scales
        self.skipped_before_number = w.skipped_before_number
        self.qualifier_synonyms = w.qualifier_synonyms
        self.qualifiers_dropped = w.qualifiers_dropped
        self.joiner_needs = w.range_joiners_after_opener
        self.change_range = w.change_range
        self.distance_prepositions = w.distance_prepositions
        #: a unit as written (lower case, single spaces) -> (kind, factor to the stored unit, unit word)
        self.unit_kinds: dict[str, tuple[str, float, str | None]] = {}
        for form in w.percent_units:
            self.unit_kinds[form] = ("percent", 1.0, "percent")
        for form, factor in _values(w.area_units, path, "area_units").items():
            self.unit_kinds[form] = ("area", factor, "square km")
        for form, factor in _values(w.distance_units, path, "distance_units").items():
            self.unit_kinds[form] = ("km", factor, "km")
        for form in w.physical_units:
            self.unit_kinds[form] = ("physical", 1.0, None)  # the unit word is the unit as written
        for form, unit in w.duration_units.items():
            self.unit_kinds[form] = ("duration", 1.0, unit)
        for form, kind in w.cased_units.items():
            if kind not in ("percent", "physical"):
                raise DictionaryFormatError(DictionaryErrors.DW259.format(
                    path=path, reason=f"'cased_units.{form}' is {kind!r}; expected 'percent' or 'physical'"))
            self.unit_kinds[form.lower()] = (kind, 1.0, "percent" if kind == "percent" else None)
        cased = _alternation(w.cased_units)
        #: every unit written after a number, for the number pattern of ``Money``
        self.units = _alternation(self.unit_kinds.keys() - {f.lower() for f in w.cased_units}, space=r"\s+") + \
            (f"|(?-i:{cased})" if cased else "")
        #: (stem, noun) in the file's order: the first stem a relation word starts with names it
        self.relation_nominals = [(stem.rstrip("*"), noun) for stem, noun in w.relation_nominals.items()]

        units = _alternation(self.number_words)
        tens = _alternation(self.tens_words)
        written = rf"(?:(?:{tens})(?:[-\s](?:{units})\b)?|(?:{units}))\b"
        hundred = _alternation(w.hundred_words)
        joiners = _alternation(w.number_joiners)
        word_number = rf"{written}(?:\s+(?:{hundred})\b(?:\s+(?:(?:{joiners})\s+)?{written})?)?"
        #: thousands grouped by spaces ("50 000", the SI and much of the non-US press), not after a
        #: month name ("March 10 200 people" is a date and a count)
        months = "".join(rf"(?<!{re.escape(m)} )(?<!{re.escape(m)}\. )" for m in sorted(w.month_names))
        spaced = rf"(?=\d{{1,3}}[ \u00a0\u202f]\d{{3}}){months}\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,]|\.\d)"
        digits = rf"(?:\d{{1,3}}(?:,\d{{2}})*(?:,\d{{3}})+|{spaced}|\d+)(?:\.\d+)?(?:[eE][+-]?\d{{1,5}}(?!\d))?"
        #: scale words written out ("billion", "crores"), for the number pattern of ``Money``
        self.scale_words = _alternation(w.scale_words)
        #: scale abbreviations in the case they must have, right after the number or one space apart
        self.abbreviations = _alternation(w.scale_abbreviations)
        self.spaced_abbreviations = _alternation(w.spaced_scale_abbreviations)
        phrases = _alternation(self.number_phrases, space=r"\s+")
        #: a number in digits or words, or "a"/"half a" before a scale word ("a million")
        self.number = rf"(?:{digits}|{word_number}|(?:{phrases})(?=[\s-]+(?:{self.scale_words})\b))"

        suffixes = _alternation(w.ordinal_suffixes)
        self.ordinal_digits = re.compile(rf"(\d+)(?:{suffixes})")
        ordinals = _alternation(k for k, v in self.ordinal_words.items() if v)
        self.ordinal = re.compile(rf"(?<![\w.,])(?P<ord>\d{{1,4}}(?:{suffixes})|(?:(?:(?:{tens})-)?(?:{ordinals})|"
                                  rf"{_alternation(self.ordinal_tens)}))\b", re.I)

        self.qualifier_before = re.compile(rf"(?<![\w])({_alternation(w.qualifiers)})\s+$", re.I)
        self.qualifier_after = re.compile(
            rf"\s*({_alternation(w.qualifier_after_joiners)})\s+({_alternation(w.qualifier_after_words)})\b", re.I)
        self.range_gap = re.compile(rf"^\s*(?:(-|–|—|{_alternation(w.range_joiners)})\s*)$", re.I)
        openers = _alternation(w.range_openers)
        self.range_open = re.compile(rf"(?<![\w])({openers})\s+$", re.I)
        #: a year or a span of years ("2023", "from 2019 to 2021"): no count
        self.year_span = re.compile(rf"(?:(?:{openers})\s+)?\d{{4}}(?:\W+\w+\W+\d{{2,4}})?", re.I)
        self.change_before_from = re.compile(
            rf"\b({_alternation(w.change_words_before_from)})(?:\s+\w+){{0,2}}\s+$", re.I)
        #: words whose presence makes a duration a figure about relations
        self.relation_words = re.compile(rf"\b({_alternation(w.relation_words)})\b", re.I)
        #: what makes a DATE entity a date: a month, weekday, season, calendar unit, year or day ordinal
        self.date_words = re.compile(
            rf"(?<![\w])({_alternation(w.date_word_beginnings)}|\d{{4}}|\d{{2}}s\b|'\d\d|\d+(?:{suffixes})\b)", re.I)
        self.dateish_after = re.compile(rf"[\s-]*({_alternation(w.not_duration_after)})\b", re.I)
        before = _alternation(w.not_duration_before, space=r"\s+")
        anchors = _alternation(w.duration_anchors, space=r"\s+")
        conversion = _alternation(w.conversion_qualifiers, space=r"\s+")
        self.dateish_before = re.compile(
            rf"(?<![\w])({before})\s+"
            rf"(?:(?:{_alternation(w.not_duration_between)})\s+)?$", re.I)
        self.anchor = re.compile(
            rf"[\s,]*({anchors})\b([^.;:!?—–()]{{0,90}})", re.I)
        self.distance_from = re.compile(
            rf"\s*(?:(?:{_alternation(w.distance_away)})\s+)?((?:(?:{_alternation(w.compass_words)})\s+)?"
            rf"(?:{_alternation(self.distance_prepositions)}))\s+(?:(?:{_alternation(w.distance_articles)})\s+)?"
            r"([\w’'-]+(?:\s+[A-Z][\w-]+)*)", re.I)
        self.restatement = re.compile(
            rf"\s*[,–—(-]+\s*((?:{_alternation(w.restatement_determiners)})\s[^,;:.–—()]{{0,80}})")
        self.so_far = re.compile(rf"(?<![\w])({_alternation(w.so_far)})\b", re.I)
        year_to_date = "|".join(
            r"\s+".join(r"\w+" if part == "{n}" else _YEAR if part == "{year}" else re.escape(part)
                        for part in phrase.split())
            for phrase in sorted(w.year_to_date, key=lambda p: (-len(p), p)))
        self.fallback_dates = re.compile(
            rf"(?<![\w])((?:{_alternation(w.year_prepositions)})\s+{_YEAR}\b|"
            rf"(?:{_alternation(w.relative_dates)})\s+(?:{_alternation(w.relative_date_units)})|{year_to_date})", re.I)
        #: what stands between a figure and its conversion: an opening bracket, perhaps a qualifier
        self.conversion_gap = re.compile(
            rf"\s*\(\s*(?:(?:{conversion})\s+)?", re.I)
        #: between two conversions in one bracket
        self.conversion_next = re.compile(
            rf"\s*(?:,|;|/|{_alternation(w.conversion_joiners)})\s*"
            rf"(?:(?:{_alternation(w.conversion_next_qualifiers)})\s+)?", re.I)
        #: times, fractions, ratios, version numbers right after a number
        self.time_after = re.compile(rf"\s*(?:[:/]\d|\.\d|{_alternation(w.time_words, bounded=True)})", re.I)
        self.strength = re.compile(rf"-(?:{_alternation(w.strength_words)})\b", re.I)

    def qualifier(self, word: str) -> str | None:
        """The qualifier a qualifier word is stored as ("circa" -> "about"; "another" -> None)."""
        if word in self.qualifiers_dropped:
            return None
        return self.qualifier_synonyms.get(word, word)

    def nominal(self, word: str) -> str:
        """The noun a relation word is named by in a duration's measure ("invading" -> "invasion")."""
        return next((noun for stem, noun in self.relation_nominals if word.startswith(stem)), word)


def patterns_of(lang: str = "en") -> FigurePatterns:
    """The figure finder's patterns for ``lang`` (``dictionaries/data/<lang>/figures.v<N>.json``), built once.

    RAISES: DictionaryNotFound (DW257) when no such file exists; DictionaryFormatError (DW258,
        DW259) when it lacks a list or is malformed.
    """
    lists = word_lists("figures", lang)
    key = (lists.path, lists.version)
    patterns = _PATTERNS.get(key)
    if patterns is None:
        patterns = _PATTERNS[key] = FigurePatterns(FigureWords.of(lists), lists.path)
    return patterns


#: built patterns by the word-list file they come from (``word_lists`` reads each file once)
_PATTERNS: dict[tuple[str, int], FigurePatterns] = {}


# ------------------------------------------------------------------------------ money

class Money:
    """The currencies of one language, and the number pattern built from them.

    Read from ``dictionaries/data/<lang>/money.v<N>.json`` (``dyadwatch.dictionaries.words``;
    its ``_doc`` says what each list is for), so that a user adds a currency ("Kenyan shilling",
    "KSh") in a word-list directory of their own instead of in this module's regular expressions.
    The numbers and scale words around the currencies are the language's ``FigurePatterns``.
    Built once per language and word-list setting (``money_of``).
    """

    def __init__(self, lists: WordLists, patterns: FigurePatterns | None = None) -> None:
        self.patterns = patterns = patterns or patterns_of(lists.lang)
        self.prefixes = {self.key(form): code for form, code in lists.mapping("prefixes").items()}
        self.names = dict(lists.mapping("names"))
        codes_after = lists.mapping("codes_after")
        for code, iso in codes_after.items():
            self.names.setdefault(code.lower(), iso)
        invariant = lists.words("invariant")
        #: a mark or word -> its (ISO code, pattern of its context words) in the file's order
        self.by_context: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for group, stems in lists.sequences("by_context").items():
            mark, _, code = group.rpartition(" ")
            if not mark or not code:
                raise DictionaryFormatError(DictionaryErrors.DW259.format(
                    path=lists.path, reason=f"'by_context.{group}' must be named '<mark or word> <ISO code>'"))
            rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in stems) + ")", re.I)
            self.by_context.setdefault(self.key(mark), []).append((code, rx))
        not_before = lists.groups("not_money_before")

        marks = []
        for form in sorted(lists.mapping("prefixes"), key=len, reverse=True):
            letters = form[:len(form) - len(form.lstrip(string.ascii_letters + "."))]
            symbol = form[len(letters):]
            if letters and symbol:  # "US$", "E£": the letters in their case, apart when two or more
                marks.append(rf"(?-i:{re.escape(letters)})" + (r"[ \u00a0]?" if len(letters) > 1 else "")
                             + re.escape(symbol))
            elif symbol:
                marks.append(re.escape(symbol))
            else:  # "USD", "Rs": only right before a digit
                marks.append(rf"(?-i:{re.escape(letters)})[ \u00a0]?(?=\d)")
        words = []
        for name in sorted(self.names.keys() - {c.lower() for c in codes_after}
                           | {m for m in self.by_context if m.isalpha()}, key=len, reverse=True):
            *first, last = name.split()
            rx = "".join(re.escape(w) + r"\s+" for w in first) + re.escape(last)
            if last not in invariant:
                rx += "s?"
            if name in not_before:
                rx += r"(?!\s+(?:" + "|".join(re.escape(w) for w in sorted(not_before[name])) + r")\b)"
            words.append(rx)
        codes = [rf"(?-i:{re.escape(c)})" for c in sorted(codes_after, key=len, reverse=True)]
        suffix = "|".join(words + codes + [patterns.units])
        self.atom = re.compile(
            rf"(?<![\w$€£¥₹₽.,])(?:(?P<pre>{'|'.join(marks)})[ \u00a0]?|(?<![A-Za-z]-))"
            rf"(?P<num>{patterns.number})"
            rf"(?:(?P<abbr>(?-i:{patterns.abbreviations}))(?![A-Za-z0-9])"
            rf"|\s(?P<abbr2>(?-i:{patterns.spaced_abbreviations}))\b"
            rf"|[\s-]+(?P<scale>(?:{patterns.scale_words})(?:[\s-]+(?:{patterns.scale_words}))?)\b)?"
            rf"(?:[\s-]*(?P<suf>{suffix})(?![A-Za-z0-9]))?"
            r"(?![0-9])(?!\.\d)(?![A-Za-z])",
            re.I,
        )

    @staticmethod
    def key(mark: str) -> str:
        """A mark or word as the lists are looked up by: lower case, without spaces ("US $" -> "us$")."""
        return re.sub(r"\s+", "", mark.lower())

    def of_mark(self, mark: str, context: str, home_dollar: str | None = None) -> str | None:
        """The currency of a mark written before a number; "$" is ``home_dollar`` when given."""
        key = self.key(mark)
        if key == "$" and home_dollar:
            return home_dollar
        return self.in_context(key, context) or self.prefixes.get(key)

    def in_context(self, key: str, context: str) -> str | None:
        """The code an ambiguous mark or word takes in this sentence, or None."""
        return next((code for code, rx in self.by_context.get(key, ()) if rx.search(context)), None)


def money_of(lang: str = "en") -> Money:
    """The currencies of ``lang`` (``dictionaries/data/<lang>/money.v<N>.json``), built once.

    RAISES: DictionaryNotFound (DW257) when no such file exists; DictionaryFormatError (DW258,
        DW259) when it lacks a list or is malformed.
    """
    lists = word_lists("money", lang)
    patterns = patterns_of(lang)
    key = (lists.path, lists.version, id(patterns))
    money = _MONEY.get(key)
    if money is None:
        money = _MONEY[key] = Money(lists, patterns)
    return money


#: built grammars by the word-list files they come from (``word_lists`` reads each file once)
_MONEY: dict[tuple[str, int, int], Money] = {}


# ------------------------------------------------------------------------------ normaliser


def _number_value(text: str, p: FigurePatterns) -> float | None:
    """The value of a number written in digits or words ("146.87", "5,00,000", "twenty-five")."""
    s = text.strip().lower()
    if not s:
        return None
    if s[0].isdigit():
        try:
            value = float(re.sub(r"[,\s]", "", s))  # "50,000", "50 000"
        except ValueError:
            return None
        return value if math.isfinite(value) else None
    words = [w for w in re.split(r"[\s-]+", s) if w and w not in p.number_joiners]
    phrase = p.number_phrases.get(" ".join(words))
    if phrase is not None:
        return phrase  # "a million", "half a billion"
    total = 0.0
    for w in words:
        if w in p.number_words:
            total += p.number_words[w]
        elif w in p.tens_words:
            total += p.tens_words[w]
        elif w in p.hundred_words:
            total = (total or 1.0) * 100
        else:
            return None
    return total


def _ordinal_value(text: str, p: FigurePatterns) -> int | None:
    s = text.lower()
    m = p.ordinal_digits.fullmatch(s)
    if m:
        return int(m.group(1))
    if s in p.ordinal_words:
        return p.ordinal_words[s]
    if s in p.ordinal_tens:
        return p.ordinal_tens[s]
    if "-" in s:
        tens, _, unit = s.partition("-")
        if tens in p.tens_words and unit in p.ordinal_words:
            return int(p.tens_words[tens]) + p.ordinal_words[unit]
    return None


def _norm_space(s: str) -> str:
    return " ".join(s.lower().split())


@dataclass
class _Atom:
    """One number with its currency, scale and unit, as found by ``Money.atom``."""

    start: int
    end: int
    number: float
    scale: float
    kind: str | None  # money | percent | km | area | physical | duration | None
    currency: str | None = None
    factor: float = 1.0  # unit conversion (miles → km)
    unit_word: str | None = None
    wordy: bool = False
    has_scale: bool = False
    letter: bool = False  # its scale is a lone "m" or "k" with no currency: a count only of what matters

    @property
    def value(self) -> float:
        return self.number * self.scale * self.factor


def _classify_suffix(suffix: str, money: Money) -> tuple[str, str | None, float, str, str | None]:
    """(kind, currency, factor, unit word, ambiguous currency word) of a unit written after the
    number; the ambiguous word ("pesos") is for the sentence to tell apart (``_atoms``)."""
    s = _norm_space(suffix)
    unit = money.patterns.unit_kinds.get(s)
    if unit is not None:
        kind, factor, word = unit
        return kind, None, factor, word or s, None
    words = s.split()
    if len(words[-1]) > 3 and words[-1].endswith("s"):
        words[-1] = words[-1][:-1]  # "roubles" → "rouble"; codes (RUB, USD) stay
    key = " ".join(words)
    if key not in money.names and words[-1] in money.by_context:
        return "money", None, 1.0, s, words[-1]  # which peso: the sentence tells (``_atoms``)
    currency = money.names.get(key) or money.names.get(words[-1]) or "USD"
    return "money", currency, 1.0, s, None


def _atoms(text: str, money: Money, context_of: Any = None, home_dollar: str | None = None) -> Iterator[_Atom]:
    """Every number of the text with the currency, scale and unit written next to it; a bare
    "$" is ``home_dollar`` when the site's country writes its own dollar so."""
    p = money.patterns
    for m in money.atom.finditer(text):
        number = _number_value(m.group("num"), p)
        if number is None:
            continue
        start, end = m.start(), m.end()
        currency = None
        if m.group("pre"):
            # only an ambiguous mark ("¥": yuan or yen) needs its context: the sentence, at most
            # 300 characters either side
            context = (context_of(start) if context_of else text[max(0, start - 300):end + 300]) \
                if money.key(m.group("pre")) in money.by_context else ""
            currency = money.of_mark(m.group("pre"), context, home_dollar)
        scale, has_scale, letter = 1.0, False, False
        abbr = m.group("abbr") or m.group("abbr2")
        suffix = m.group("suf")
        suffix_kind = _classify_suffix(suffix, money) if suffix else None
        if suffix_kind is not None and suffix_kind[4] is not None:
            context = context_of(start) if context_of else text[max(0, start - 300):end + 300]
            suffix_kind = ("money", money.in_context(suffix_kind[4], context), 1.0, suffix_kind[3], None)
        if abbr:
            a = abbr.lower()
            money_next = currency is not None or (suffix_kind is not None and suffix_kind[0] == "money")
            letter = False
            if a in p.letter_scales and not money_next:
                # "5m" with no currency may be metres, "5k" a race: a figure only before a physical
                # unit ("1.2m tonnes") or a word the component then checks ("1.5m people")
                measured = suffix_kind is not None and suffix_kind[0] == "physical"
                if not measured and (a == "cr" or not re.match(r"\s+[A-Za-z]", text[m.end():m.end() + 2])):
                    continue
                letter = not measured
            scale, has_scale = p.scales[a], True
        elif m.group("scale"):
            scale = 1.0
            for w in re.split(r"[\s-]+", m.group("scale").lower()):
                scale *= p.scales[w]
            has_scale = True
        kind, factor, unit_word = None, 1.0, None
        if currency:
            kind = "money"
            if suffix_kind and suffix_kind[0] != "money":
                # the currency decides; a unit word after it ("$5 billion years") belongs to something else
                end = m.end("scale") if m.group("scale") else (m.end("abbr") if m.group("abbr") else m.end("num"))
                if m.group("abbr2"):
                    end = m.end("abbr2")
        elif suffix_kind:
            kind, currency, factor, unit_word, _ = suffix_kind
            if kind != "money":
                currency = None
        wordy = not m.group("num")[0].isdigit()
        yield _Atom(start, end, number, scale, kind, currency, factor, unit_word, wordy, has_scale, letter)


@dataclass
class _Candidate:
    start: int
    end: int
    value: float
    value_high: float | None
    kind: str | None
    currency: str | None
    unit_word: str | None
    qualifier: str | None
    wordy: bool
    has_scale: bool
    ordinal: bool = False
    number_start: int = 0  # where the number itself starts (after "between"/currency)
    letter: bool = False  # see ``_Atom.letter``

    @property
    def unit(self) -> str:
        if self.kind == "money":
            return self.currency or "USD"
        if self.kind in ("percent", "km"):
            return self.kind
        if self.kind is None or self.ordinal:
            return "count"
        return "other"


def _qualifier(text: str, start: int, end: int, p: FigurePatterns) -> tuple[str | None, int]:
    """The approximation word before the expression (and where it starts), or "or more" after it."""
    m = p.qualifier_before.search(text, max(0, start - 30), start)
    if m and m.end() == start:
        return p.qualifier(m.group(1).lower()), m.start()
    m = p.qualifier_after.match(text, end, min(len(text), end + 20))
    if m:
        return "at least", start
    return None, start


def _candidates(text: str, money: Money, context_of: Any = None, home_dollar: str | None = None) -> list[_Candidate]:
    """Numbers merged into ranges, plus ordinals, in text order; context-free."""
    atoms = list(_atoms(text, money, context_of, home_dollar))
    p = money.patterns
    out: list[_Candidate] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        start = a.start
        merged = False
        if b is not None:
            gap = p.range_gap.match(text[a.end:b.start])
            opener = p.range_open.search(text, max(0, a.start - 12), a.start)
            opener = opener if opener and opener.end() == a.start else None
            if gap and _compatible(a, b):
                a, b = replace(a), replace(b)  # inherit on copies: the originals stand if this is no range
                sep = gap.group(1).lower()
                ok = True
                needs = p.joiner_needs.get(sep)
                if needs is not None:  # "and" only after "between"
                    ok = opener is not None and opener.group(1).lower() == needs
                if opener is not None and p.change_range.get(opener.group(1).lower()) == sep:
                    # "rose from $100bn to $150bn" is a change, not a range
                    ok = not p.change_before_from.search(text, max(0, opener.start() - 40), opener.start())
                if ok:
                    _inherit(a, b)
                    if 0 <= a.value < b.value and math.isfinite(b.value) and \
                            (a.value == 0 or b.value / a.value <= 1000):
                        merged = True
                        if opener is not None:
                            start = opener.start()
        if merged:
            assert b is not None
            q, _ = _qualifier(text, start, b.end, p)
            out.append(_Candidate(start, b.end, a.value, b.value, b.kind, b.currency or a.currency,
                                  b.unit_word or a.unit_word, q, a.wordy and b.wordy, a.has_scale or b.has_scale,
                                  number_start=a.start, letter=a.letter or b.letter))
            i += 2
            continue
        a = atoms[i]
        q, _ = _qualifier(text, a.start, a.end, p)
        out.append(_Candidate(a.start, a.end, a.value, None, a.kind, a.currency, a.unit_word, q, a.wordy,
                              a.has_scale, number_start=a.start, letter=a.letter))
        i += 1
    taken_starts = [c.start for c in out]  # sorted, non-overlapping
    for m in p.ordinal.finditer(text):
        value = _ordinal_value(m.group("ord"), p)
        k = bisect.bisect_right(taken_starts, m.start()) - 1
        overlaps = (k >= 0 and out[k].end > m.start()) or \
            (k + 1 < len(taken_starts) and taken_starts[k + 1] < m.end())
        if value is None or overlaps:
            continue
        q, _ = _qualifier(text, m.start(), m.end(), p)
        out.append(_Candidate(m.start(), m.end(), float(value), None, None, None, None, q,
                              not m.group("ord")[0].isdigit(), False, ordinal=True, number_start=m.start()))
    out.sort(key=lambda c: c.start)
    return out


def _compatible(a: _Atom, b: _Atom) -> bool:
    """Whether two numbers can be the ends of one range.

    Same unit on both ends, or the unit written once: after the second ("20-30%", "three to five
    years") or, for money, as a symbol before the first ("$2–3 billion"). "29 percent to 146
    billion" is two figures.
    """
    if a.kind and b.kind:
        return a.kind == b.kind and not (a.currency and b.currency and a.currency != b.currency)
    if a.kind and not b.kind:
        return a.kind == "money" and not b.wordy
    return True


def _inherit(a: _Atom, b: _Atom) -> None:
    """Share currency, scale and unit across the two ends of a range ("$2–3 billion", "20-30%")."""
    if a.kind is None and b.kind is not None:
        a.kind, a.factor, a.unit_word = b.kind, b.factor, b.unit_word
        a.currency = a.currency or b.currency
    elif b.kind is not None and a.kind is not None and a.currency is None:
        a.currency = b.currency
    if b.kind is None and a.kind is not None:
        b.kind, b.currency, b.factor, b.unit_word = a.kind, a.currency, a.factor, a.unit_word
    elif b.currency is None and a.currency is not None:
        b.currency = a.currency
    if not a.has_scale and b.has_scale and a.number < 1000:
        a.scale, a.has_scale = b.scale, True
    if a.factor != b.factor:
        a.factor = b.factor


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value) and abs(value) <= MAX_VALUE


def find_quantities(text: str, lang: str = "en") -> list[dict[str, Any]]:
    """Every quantity written in ``text``, normalised, without any filtering for relevance.

    Each dict has ``start, end, raw, value, value_high, unit, qualifier``; bare numbers and
    ordinals get the unit ``count``, durations and physical quantities ``other``. Currencies are
    those of ``lang``'s money word list (``money_of``).
    """
    out = []
    for c in _candidates(text, money_of(lang)):
        if not _finite(c.value) or (c.value_high is not None and not _finite(c.value_high)):
            continue
        if c.letter:
            continue  # "5m" before a word: millions or metres, which only the parse can tell
        out.append({"start": c.start, "end": c.end, "raw": text[c.start:c.end], "value": float(c.value),
                    "value_high": None if c.value_high is None else float(c.value_high), "unit": c.unit,
                    "qualifier": c.qualifier})
    return out


def parse_quantity(text: str, lang: str = "en") -> dict[str, Any] | None:
    """The first quantity in ``text`` ("US $200bn" → value 2e11, unit USD), or None."""
    found = find_quantities(text, lang)
    return found[0] if found else None


# ------------------------------------------------------------------------------ component


@dataclass(frozen=True)
class FigureWords:
    """The words of one language the finder reads the parse around a number by.

    Read from ``dictionaries/data/<lang>/figures.v<N>.json`` (``dyadwatch.dictionaries.words``),
    whose ``_doc`` says what each list is for; a file that lacks one fails when the component is
    made. The words and units of the regular expressions (``FigurePatterns``) are here too;
    currencies are the ``money`` word list's (``Money``).
    """

    party_nouns: frozenset[str]
    pair_party_nouns: frozenset[str]
    relevant_count: frozenset[str]
    uncountable_plurals: frozenset[str]
    count_blacklist: frozenset[str]
    meeting_nouns: frozenset[str]
    session_nouns: frozenset[str]
    joint_body_words: frozenset[str]
    not_relation_durations: frozenset[str]
    meet_verbs: frozenset[str]
    definite: frozenset[str]
    hypothetical: frozenset[str]
    generic_heads: frozenset[str]
    keep_generic: frozenset[str]
    nominals: dict[str, str]
    home_dollars: dict[str, str]
    change_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    qualifier_words: frozenset[str]
    # the words the patterns are built from (FigurePatterns)
    number_words: dict[str, str]
    tens_words: dict[str, str]
    hundred_words: frozenset[str]
    number_joiners: frozenset[str]
    number_phrases: dict[str, str]
    ordinal_words: dict[str, str]
    ordinal_suffixes: frozenset[str]
    ordinal_tens: dict[str, str]
    scale_words: dict[str, str]
    scale_abbreviations: dict[str, str]
    spaced_scale_abbreviations: frozenset[str]
    letter_scales: frozenset[str]
    month_names: frozenset[str]
    skipped_before_number: frozenset[str]
    qualifiers: frozenset[str]
    qualifier_synonyms: dict[str, str]
    qualifiers_dropped: frozenset[str]
    qualifier_after_joiners: frozenset[str]
    qualifier_after_words: frozenset[str]
    range_joiners: frozenset[str]
    range_joiners_after_opener: dict[str, str]
    range_openers: frozenset[str]
    change_range: dict[str, str]
    change_words_before_from: frozenset[str]
    relation_words: frozenset[str]
    relation_nominals: dict[str, str]
    date_word_beginnings: frozenset[str]
    not_duration_after: frozenset[str]
    not_duration_before: frozenset[str]
    not_duration_between: frozenset[str]
    duration_anchors: frozenset[str]
    distance_away: frozenset[str]
    compass_words: frozenset[str]
    distance_prepositions: dict[str, str]
    distance_articles: frozenset[str]
    restatement_determiners: frozenset[str]
    so_far: frozenset[str]
    year_prepositions: frozenset[str]
    relative_dates: frozenset[str]
    relative_date_units: frozenset[str]
    year_to_date: frozenset[str]
    conversion_qualifiers: frozenset[str]
    conversion_joiners: frozenset[str]
    conversion_next_qualifiers: frozenset[str]
    time_words: frozenset[str]
    strength_words: frozenset[str]
    percent_units: frozenset[str]
    area_units: dict[str, str]
    distance_units: dict[str, str]
    physical_units: frozenset[str]
    duration_units: dict[str, str]
    cased_units: dict[str, str]
    # the words a figure's measure is read by around it
    times_nouns: frozenset[str]
    counted_rounds: dict[str, frozenset[str]]
    noun_synonyms: dict[str, str]
    phrase_prepositions: frozenset[str]
    of_prepositions: frozenset[str]
    of_words: frozenset[str]
    measure_cues_before: frozenset[str]
    measure_cue_particles: dict[str, frozenset[str]]
    no_measure_nouns: frozenset[str]
    stop_after_number: frozenset[str]
    measure_prepositions: frozenset[str]
    not_measure_nouns: frozenset[str]

    @classmethod
    def of(cls, lists: WordLists) -> FigureWords:
        """RAISES: DictionaryFormatError (DW258) naming the file and the list it lacks."""
        return lists.fill(cls)


class FigureFinder:
    """Finds and normalises figures; see the module docstring."""

    def __init__(self, nlp: Language | None = None, name: str = "dyadwatch_figures", *,
                 keep_durations: bool = True, lang: str = "en") -> None:
        self.name = name
        self.keep_durations = keep_durations
        # the words the parse is read by (dictionaries/data/<lang>/figures.v<N>.json)
        self.lang = lang
        self.words = FigureWords.of(word_lists("figures", lang))
        self.money = money_of(lang)
        self.patterns = self.money.patterns

    def __call__(self, doc: Doc) -> Doc:
        doc._.dw_figures = _DocFigures(self, doc).run()
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        return None


@Language.factory(
    "dyadwatch_figures",
    assigns=["doc._.dw_figures"],
    default_config={"keep_durations": True, "lang": "en"},
)
def make_figure_finder(nlp: Language, name: str, keep_durations: bool, lang: str) -> FigureFinder:
    """Factory for ``nlp.add_pipe("dyadwatch_figures")``; see ``FigureFinder``."""
    return FigureFinder(nlp, name, keep_durations=keep_durations, lang=lang)


class _DocFigures:
    """Per-document work: one regex pass, then constant work per candidate within its sentence."""

    def __init__(self, finder: FigureFinder, doc: Doc) -> None:
        self.finder = finder
        self.w = finder.words
        self.p = finder.patterns
        self.doc = doc
        self.text = doc_text(doc)
        self.ref = doc._.dw_ref_date
        self.parsed = doc.has_annotation("DEP")
        self.tagged = doc.has_annotation("POS") or doc.has_annotation("TAG")
        if doc.has_annotation("SENT_START"):
            self.sents = [(s.start_char, s.end_char, s) for s in doc_sents(doc)]
        else:
            self.sents = [(0, len(self.text), doc[:])]
        self.sent_starts = [s[0] for s in self.sents]
        self.dates = self._dates()
        self.date_starts = [d[0] for d in self.dates]

    # --- helpers

    def _home_dollar(self) -> str | None:
        """The dollar a bare "$" means on this site: its country's (``home_dollars``, by the last
        label of the page address's host), else None (US dollars)."""
        url = self.doc._.dw_url
        if not url:
            return None
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        return self.w.home_dollars.get(host.rsplit(".", 1)[-1].lower())

    def _sentence(self, char: int) -> tuple[int, int, Span]:
        i = max(0, bisect.bisect_right(self.sent_starts, char) - 1)
        return self.sents[i]

    def _context(self, char: int, radius: int = 300) -> str:
        """The sentence around a character, at most ``radius`` characters either side (bounded work)."""
        s, e, _ = self._sentence(char)
        return self.text[max(s, char - radius):min(e, char + radius)]

    def _dates(self) -> list[tuple[int, int, str, int]]:
        """(start, end, resolved period, root token index) of date expressions, in text order."""
        found: list[tuple[int, int, str, int]] = []
        raw = [(ent.start_char, ent.end_char) for ent in self.doc.ents if ent.label_ == "DATE"]
        for rx in (self.p.fallback_dates, self.p.so_far):
            raw.extend((m.start(), m.end()) for m in rx.finditer(self.text))
        # overlapping expressions: the longer wins (NER often gives "year" for "this year's")
        spans: list[tuple[int, int]] = []
        for s, e in sorted(raw, key=lambda x: (x[0], x[0] - x[1])):
            if spans and s < spans[-1][1]:
                if e - s > spans[-1][1] - spans[-1][0]:
                    spans[-1] = (s, e)
                continue
            spans.append((s, e))
        for s, e in spans:
            expr = self.text[s:e]
            if self.p.so_far.fullmatch(expr.strip()):
                resolved = resolve_date("this year", self.ref)
            else:
                # "the first nine months of the year" → "of the year"; drop durations like "20 days"
                resolved = resolve_date(expr, self.ref)
            if not resolved:
                continue
            span = self.doc.char_span(s, e, alignment_mode="expand")
            root = span.root.i if span is not None and len(span) else -1
            found.append((s, e, resolved[:7], root))
        return found

    def _span(self, start: int, end: int) -> Span | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None and len(span) else None

    # --- main

    def run(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for c in _candidates(self.text, self.finder.money, self._context, self._home_dollar()):
            if not _finite(c.value) or (c.value_high is not None and not _finite(c.value_high)):
                continue
            figure = self._figure(c)
            if figure is not None:
                out.append(figure)
        return self._without_conversions(out)

    def _without_conversions(self, figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Drop the conversions a text puts in brackets after a figure: "$30m (£17.6m)",
        "100 million rupiah ($4,000)", "740 km (460 miles)", "$1.2bn (€1.1bn, £0.9bn)" are one
        figure each, told in the writer's unit and restated in the reader's."""
        out: list[dict[str, Any]] = []
        for f in figures:
            prev = out[-1] if out else None
            if prev is not None and _same_family(prev["unit"], f["unit"]):
                gap = self.text[prev["end"]:f["start"]]
                if self.p.conversion_gap.fullmatch(gap) and "(" in gap:
                    f = {**f, "_conversion_of": prev}  # marks a figure inside the bracket
                elif prev.get("_conversion_of") is not None and self.p.conversion_next.fullmatch(gap):
                    f = {**f, "_conversion_of": prev["_conversion_of"]}
            out.append(f)
        return [f for f in out if f.get("_conversion_of") is None]

    def _figure(self, c: _Candidate) -> dict[str, Any] | None:
        span = self._span(c.start, c.end)
        if span is None:
            return None
        s_start, s_end, sent = self._sentence(c.start)
        measure: str | None = None
        start, end = c.start, c.end
        if c.ordinal:
            got = self._ordinal(c, span, sent)
            if got is None:
                return None
            measure, end = got
        elif c.kind is None:
            got = self._count(c, span, sent)
            if got is None:
                return None
            measure, end = got
        elif c.kind == "duration":
            if not self.finder.keep_durations:
                return None
            measure = self._duration(c, span, sent)
            if measure is None:
                return None
        else:
            if c.kind == "money" and c.currency is None:
                return None
            measure = self._distance(c, sent) if c.kind == "km" else None
            measure = measure or self._measure(span, sent)
            if c.kind in ("area", "physical") and c.unit_word:
                measure = f"{measure} ({c.unit_word})" if measure else c.unit_word
        while s_start < s_end and self.text[s_start].isspace():
            s_start += 1
        while s_end > s_start and self.text[s_end - 1].isspace():
            s_end -= 1
        return {
            "start": start, "end": end, "sentence_start": s_start, "sentence_end": s_end,
            "raw": self.text[start:end], "value": float(c.value),
            "value_high": None if c.value_high is None else float(c.value_high), "unit": c.unit,
            "qualifier": c.qualifier, "measure": measure, "period": self._period(span, sent),
        }

    # --- kinds

    def _skip_as_date(self, span: Span) -> bool:
        """In a date or time the recogniser found; a "date" of bare numbers is its mistake
        ("Between 10 and 15 vessels" tagged DATE), not a date."""
        for t in span:
            if t.ent_type_ == "TIME":
                return True
            if t.ent_type_ == "DATE":
                doc, j, k = self.doc, t.i, t.i + 1  # the entity's bounds, by its IOB tags
                while j > 0 and doc[j].ent_iob_ == "I":
                    j -= 1
                while k < len(doc) and doc[k].ent_iob_ == "I":
                    k += 1
                if self.p.date_words.search(doc[j:k].text):
                    return True
        return False

    def _noun_after(self, span: Span, sent: Span) -> Token | None:
        """The noun a number counts: the head of the noun phrase right after it ("five Chinese firms")."""
        doc = self.doc
        j = span.end
        limit = min(sent.end, span.end + 6)
        last_noun: Token | None = None
        while j < limit:
            t = doc[j]
            if t.text == "-" and j + 1 < limit and not t.whitespace_:
                j += 1
                continue
            if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "" and t.is_alpha and not self.tagged):
                last_noun = t
                j += 1
                continue
            if last_noun is None and (t.pos_ in ("ADJ", "NUM") or t.tag_ in ("VBN", "VBG", "JJ")):
                j += 1
                continue
            break
        if last_noun is not None:
            return last_noun
        root = span.root
        if self.parsed and root.dep_ in ("nummod", "amod") and root.head.i >= span.end and \
                root.head.pos_ in ("NOUN", "PROPN") and \
                not any(t.pos_ in ("NUM", "CCONJ", "PUNCT", "VERB", "ADP") for t in doc[span.end:root.head.i]):
            return root.head
        return None

    def _count(self, c: _Candidate, span: Span, sent: Span) -> tuple[str, int] | None:
        if not self.tagged:
            return None
        if self._skip_as_date(span):
            return None
        if not c.wordy and not c.has_scale and self.p.year_span.fullmatch(self.text[c.start:c.end]) \
                and 1000 <= c.value <= 2100:
            return None  # a year or a span of years
        if self.p.time_after.match(self.text[c.end:c.end + 5]):
            return None  # times, fractions, ratios, version numbers
        if c.start > 0 and self.text[c.start - 1] in ":/#":
            return None
        before = span.start - 1
        if before >= sent.start and self.doc[before].pos_ == "PROPN" and not c.wordy and \
                self.doc[before].whitespace_ and self.doc[before].text[:1].isupper() and c.qualifier is None:
            return None  # "Article 5", "Resolution 2231", "Nord Stream 2"
        noun = self._noun_after(span, sent)
        if noun is None:
            return None
        lemma = noun.lemma_.lower()
        # "met 39 times" counts meetings
        if lemma in self.w.times_nouns and c.value >= 2:
            verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None) if self.parsed else None
            if verb is not None and verb.lemma_.lower() in self.w.meet_verbs:
                return "meetings", noun.idx + len(noun.text)
            return None
        if lemma in self.w.count_blacklist or noun.ent_type_ in ("DATE", "TIME"):
            return None
        if c.value < 2 and c.value_high is None:
            return None  # "one of", "one country"
        # "a 5,000-strong force" counts the members of the force
        strong = self.p.strength.match(self.text[c.end:c.end + 8]) is not None
        plural = noun.tag_ in ("NNS", "NNPS") or noun.text.lower() in self.w.uncountable_plurals or \
            noun.text.lower() != noun.lemma_.lower() or strong
        if not plural:
            return None
        prev = self._determiner_before(span)
        # people of a nationality ("six Americans", "12 Chinese nationals") are counted like detainees
        nationals = noun.ent_type_ == "NORP" or noun.lemma_.lower() in _demonym_words()
        if prev in self.w.definite and c.value < 10 and not c.has_scale and (
                c.value <= 2 or not (lemma in self.w.relevant_count or nationals)):
            return None  # "the two sides", "these three things"; not "the six hostages"
        if lemma in self.w.party_nouns and c.value <= 2:
            return None
        if lemma in self.w.party_nouns and lemma not in self.w.pair_party_nouns and prev in self.w.definite:
            return None  # "the 27 member states": a referring expression
        if c.letter and lemma not in self.w.relevant_count and not nationals and \
                noun.text.lower() not in self.w.uncountable_plurals:
            return None  # "the 400m hurdles": metres, not millions
        if lemma not in self.w.relevant_count and not nationals and not (c.value >= 10 or c.has_scale):
            return None
        measure = self._noun_phrase(noun, lower=span.end + (2 if strong else 0))
        return measure, noun.idx + len(noun.text)

    def _determiner_before(self, span: Span) -> str:
        """The determiner or possessive before a number and its qualifiers ("the nearly 40", "their
        three"), lower-cased, else "": a conjunction there ("reported that at least nine
        Americans") does not make the count a referring expression."""
        i = span.start - 1
        while i >= 0 and self.doc[i].lower_ in self.p.skipped_before_number:
            i -= 1
        if i < 0:
            return ""
        t = self.doc[i]
        if t.pos_ in ("DET", "PRON") or t.tag_ in ("DT", "PDT", "PRP$", "WP$") or not self.tagged:
            return t.lower_
        return ""

    def _ordinal(self, c: _Candidate, span: Span, sent: Span) -> tuple[str, int] | None:
        if c.value < 2 or self._skip_as_date(span) or not self.tagged:
            return None
        noun = self._noun_after(span, sent)
        if noun is None:
            return None
        lemma = noun.lemma_.lower()
        followers = self.w.counted_rounds.get(lemma)
        if followers is not None:
            # "the fifth round of talks/sanctions"
            nxt = self.doc[noun.i + 1:min(noun.i + 5, sent.end)]
            if not any(t.lemma_.lower() in followers for t in nxt):
                return None
        lemma = self.w.noun_synonyms.get(lemma, lemma)  # "phone" call
        if lemma in self.w.session_nouns:
            if not self._of_joint_body(noun, sent):
                return None  # "the 78th session of the General Assembly": one body's own sittings
        elif lemma not in self.w.meeting_nouns:
            return None
        if self._hypothetical(span, sent):
            return None
        measure = self._noun_phrase(noun, lower=span.end, of=True)
        if measure.lower() == noun.text.lower():
            measure = _plural(noun.lemma_.lower())
        return measure, noun.idx + len(noun.text)

    def _of_joint_body(self, noun: Token, sent: Span) -> bool:
        """Whether the "of" phrase after a session noun names a body two states hold together
        ("the sixth session of the Greece-Turkey High-Level Cooperation Council")."""
        doc = self.doc
        if noun.i + 1 >= sent.end or doc[noun.i + 1].lower_ not in self.w.of_words:
            return False
        words = doc[noun.i + 2:min(sent.end, noun.i + 14)]
        for t in words:
            if t.is_punct and t.text not in "-–":
                break
            if t.lower_ in self.w.joint_body_words or t.lemma_.lower() in self.w.joint_body_words:
                return True
        return False

    def _hypothetical(self, span: Span, sent: Span) -> bool:
        """Under would/could/might/may/if in its clause ("so that a fifth round could be held")."""
        if not self.parsed:
            return False
        head = span.root
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
                break
            head = head.head
        return any(t.lower_ in self.w.hypothetical for t in head.children if t.dep_ in ("aux", "mark", "advmod"))

    def _duration(self, c: _Candidate, span: Span, sent: Span) -> str | None:
        unit = (c.unit_word or "period").rstrip("s")
        if self.p.dateish_after.match(self.text, c.end, min(len(self.text), c.end + 15)):
            return None  # "a year ago", "70 years old", "three days later"
        if "-" in self.text[c.start:c.end] and span.end < sent.end:
            noun = self._noun_after(span, sent)
            if noun is not None and noun.lemma_.lower() in self.w.not_relation_durations:
                return None  # "a third five-year term", "a 10-year prison sentence"
        before = self.text[max(sent.start_char, c.start - 40):c.start]
        if c.qualifier is None and self.p.dateish_before.search(before):
            return None  # "the first seven months", "the past three years", "aged 70"
        if c.qualifier is not None:
            q_start = _qualifier(self.text, c.start, c.end, self.p)[1]
            if self.p.dateish_before.search(self.text[max(sent.start_char, q_start - 40):q_start]):
                return None
        if c.value > 500:
            return None
        if c.wordy and c.value == 1 and "-" not in self.text[c.start:c.end]:
            return None  # "one day", "one year" (idioms, or "a year")
        anchor = self.p.anchor.match(self.text, c.end, min(sent.end_char, c.end + 120))
        if anchor:
            found = self.p.relation_words.search(anchor.group(2))
            if not found:
                return None  # "25 years after the fall of the Berlin Wall"
            noun = self.p.nominal(found.group(1).lower())
            at = self._span(anchor.start(2) + found.start(1), anchor.start(2) + found.end(1))
            if at is not None and at[0].pos_ == "NOUN":
                # the head of the noun phrase it is in: "the border clash" → "clash"
                j = at[0].i
                while j + 1 < sent.end and self.doc[j + 1].pos_ == "NOUN":
                    j += 1
                noun = self.doc[j].text.lower()
            return f"{_plural(unit)} {anchor.group(1).lower()} {noun}"
        # a duration that is not measured from an event: keep it when the sentence is about relations
        if not self.p.relation_words.search(self._context(c.start, 400)):
            return None
        if "-" in self.text[c.start:c.end] and span.end < sent.end and self.doc[span.end].pos_ in ("NOUN", "ADJ"):
            noun = self._noun_after(span, sent)  # "a 25-year lease"
            if noun is not None:
                return f"{self._noun_phrase(noun, lower=span.end, with_prep=False)} ({_plural(unit)})"
        what = self._noun_phrase_before(span, sent)
        return f"{what} ({_plural(unit)})" if what else _plural(unit)

    # --- measure

    def _distance(self, c: _Candidate, sent: Span) -> str | None:
        """"120 km from the capital" → "distance from capital"."""
        m = self.p.distance_from.match(self.text, c.end, min(sent.end_char, c.end + 80))
        if not m:
            return None
        span = self._span(m.start(2), m.end(2))
        if span is None:
            return None
        head = next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None)
        written = m.group(1).lower()
        prep = self.p.distance_prepositions.get(written, written)  # "of" -> "from"
        return f"distance {prep} {head.text if head is not None else span.text}"

    def _noun_phrase(self, head: Token, *, lower: int = 0, with_prep: bool = True, of: bool = False) -> str:
        """A compact phrase for a noun: its adjective/compound modifiers, the noun, an on/to/for phrase."""
        doc = self.doc
        i = head.i
        if doc.has_annotation("SENT_START"):
            lower = max(lower, head.sent.start)
        while i - 1 >= lower:
            t = doc[i - 1]
            if t.dep_ == "case" and i - 2 >= lower and doc[i - 2].dep_ == "poss" and \
                    doc[i - 2].pos_ in ("NOUN", "PROPN") and doc[i - 2].ent_type_ not in ("DATE", "TIME"):
                i -= 1  # a possessor: "Pakistan's arms imports"
                continue
            if t.ent_type_ in ("DATE", "TIME"):
                break
            if t.is_space and i - 2 >= lower:
                i -= 1  # the line break of a hard-wrapped text: "6 American\ncitizens"
                continue
            if t.pos_ in ("ADJ", "NOUN", "PROPN") or t.dep_ in ("compound", "amod", "nmod") or \
                    (t.text == "-" and not t.whitespace_) or (t.dep_ == "poss" and t.pos_ == "PROPN"):
                if t.like_num or t.pos_ == "NUM" or t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
                    break
                i -= 1
                continue
            break
        while i < head.i and (doc[i].text in "-–—" or doc[i].is_punct or doc[i].is_space):
            i += 1
        words = " ".join(doc[i:head.i + 1].text.split())
        if with_prep and self.parsed:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in self.w.phrase_prepositions and prep.i == head.i + 1:
                    objs = [t for t in prep.children if t.dep_ == "pobj"]
                    if objs and objs[0].ent_type_ not in ("DATE", "TIME"):
                        obj = self._noun_phrase(objs[0], lower=prep.i + 1, with_prep=False)
                        if prep.lower_ in self.w.of_prepositions and not of and \
                                head.lemma_.lower() not in self.w.generic_heads:
                            continue
                        return f"{words} {prep.lower_} {obj}"
        return words

    def _noun_phrase_before(self, span: Span, sent: Span) -> str | None:
        """The noun a figure is attached to on its left ("goods worth $5bn", "a window — perhaps three years")."""
        doc = self.doc
        j = span.start - 1
        while j >= sent.start and (doc[j].is_punct or doc[j].lower_ in self.w.qualifier_words):
            j -= 1
        cued = any(doc[k].is_punct and doc[k].text not in ("'", "’") for k in range(j + 1, span.start))
        if j >= sent.start and (doc[j].lower_ in self.w.measure_cues_before
                                or doc[j].lower_ in self.w.measure_cue_particles):
            after = self.w.measure_cue_particles.get(doc[j].lower_)
            if after is not None:  # "valued at", "amounting to"; a bare "at" or "by" attaches nothing
                if j - 1 >= sent.start and doc[j - 1].lower_ in after:
                    j -= 1
                else:
                    return None
            cued = True
            j -= 1
        if not cued:
            return None
        if j >= sent.start and doc[j].pos_ == "NOUN" and doc[j].ent_type_ not in ("DATE", "TIME") \
                and doc[j].lemma_.lower() not in self.w.generic_heads | self.w.no_measure_nouns:
            return self._noun_phrase(doc[j], lower=sent.start, with_prep=False)
        if j >= sent.start and doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() in self.w.generic_heads:
            return self._generic(doc[j])
        return None

    def _generic(self, head: Token) -> str:
        """"volume of bilateral trade" → "bilateral trade volume"; "number of troops" → "troops"."""
        if self.parsed:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in self.w.of_words:
                    objs = [t for t in prep.children if t.dep_ == "pobj"]
                    if objs:
                        inner = self._noun_phrase(objs[0], lower=prep.i + 1, with_prep=False)
                        lemma = head.lemma_.lower()
                        return f"{inner} {lemma}" if lemma in self.w.keep_generic else inner
        return head.text.lower()

    def _measure(self, span: Span, sent: Span) -> str | None:
        doc = self.doc
        # 1. a noun right after it: "a 25% tariff on Chinese goods", "a $5 billion loan"
        j = span.end
        if j < sent.end and doc[j].text == "-" and not doc[j - 1].whitespace_:
            j += 1
        k = j
        while k < sent.end and k < j + 3 and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and \
                doc[k].ent_type_ not in ("DATE", "TIME", "GPE") and doc[k].lower_ not in self.w.stop_after_number:
            if doc[k].pos_ == "NOUN" and (k + 1 >= sent.end or doc[k + 1].pos_ not in ("NOUN", "PROPN")):
                if doc[k].lemma_.lower() in self.w.generic_heads:
                    return self._generic(doc[k])
                return self._noun_phrase(doc[k], lower=j)
            k += 1
        # 2. "in/of/for/worth of" + noun: "€1.5bn in aid", "$3bn of loans"
        if j < sent.end and doc[j].lower_ in self.w.measure_prepositions and j + 1 < sent.end:
            k = j + 1
            while k < sent.end and k < j + 7 and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "PART") and \
                    doc[k].ent_type_ not in ("DATE", "TIME"):
                if doc[k].pos_ == "NOUN" and (k + 1 >= sent.end or doc[k + 1].pos_ not in ("NOUN", "PART")):
                    if doc[k].lemma_.lower() not in self.w.not_measure_nouns:
                        return self._noun_phrase(doc[k], lower=j + 1)
                    break
                k += 1
        # 3. "X worth $5bn", "tariffs of 25%", "a window — perhaps three years"
        before = self._noun_phrase_before(span, sent)
        if before:
            return before
        # 4. the subject of its verb: "trade increased by 29 percent", "the volume would surpass $146.87bn"
        if not self.parsed:
            return None
        head = span.root
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        verb = head
        lemma = verb.lemma_.lower()
        subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subject is None and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "relcl") and verb.head is not None:
            subject = next((t for t in verb.head.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None and verb.dep_ == "relcl":
                subject = verb.head
        nominal = self.w.nominals.get(lemma)
        if subject is not None and subject.pos_ in ("NOUN",) and subject.ent_type_ not in ("GPE", "ORG", "NORP",
                                                                                           "PERSON"):
            if subject.lemma_.lower() in self.w.generic_heads:
                phrase = self._generic(subject)
            else:
                phrase = self._noun_phrase(subject, lower=subject.left_edge.i, of=True)
            if lemma in self.w.change_verbs and nominal:
                return f"{phrase} {nominal}"
            return phrase
        obj = next((t for t in verb.children if t.dep_ == "dobj" and not (span.start <= t.i < span.end)
                    and t.pos_ == "NOUN"), None)
        if obj is not None:
            return self._noun_phrase(obj, lower=obj.left_edge.i)
        return nominal

    # --- period

    def _reported(self, token: Token) -> bool:
        """The date belongs to a reporting verb ("she said on Tuesday")."""
        head = token.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            head = head.head
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in self.w.reporting_verbs

    def _period(self, span: Span, sent: Span) -> str | None:
        if not self.dates:
            return None
        lo = bisect.bisect_left(self.date_starts, sent.start_char)
        hi = bisect.bisect_left(self.date_starts, sent.end_char)
        options = [d for d in self.dates[lo:hi] if not (d[0] < span.end_char and span.start_char < d[1])]
        if not options:
            return None

        def distance(d: tuple[int, int, str, int]) -> int:
            return d[0] - span.end_char if d[0] >= span.end_char else span.start_char - d[1]

        # 1. in a restatement of the figure right after it ("$146bn – the high reached last year")
        m = self.p.restatement.match(self.text, span.end_char, sent.end_char)
        if m:
            own = [d for d in options if m.start(1) <= d[0] and d[1] <= m.end()]
            if own:
                return min(own, key=distance)[2]
        if self.parsed:
            root = span.root
            own = [d for d in options if d[3] >= 0 and any(
                c.dep_ in ("appos", "acl", "relcl") and c.left_edge.i <= d[3] <= c.right_edge.i
                for c in root.children)]
            if own:
                return min(own, key=distance)[2]
            # 2. inside its clause
            head = root
            for _ in range(5):
                if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
                    break
                head = head.head
            clause = [d for d in options if d[3] >= 0 and head.left_edge.i <= d[3] <= head.right_edge.i]
            if clause:
                return min(clause, key=distance)[2]
            # 3. elsewhere in the sentence, but not the date of a report about it ("…, she said on Tuesday")
            options = [d for d in options if d[3] < 0 or not self._reported(self.doc[d[3]])]
            if not options:
                return None
        return min(options, key=distance)[2]


_NON_MONEY_UNITS = frozenset(("percent", "count", "km", "other"))


def _same_family(a: str, b: str) -> bool:
    """Money in two currencies, or one unit twice (km after a conversion from miles)."""
    return a == b or (a not in _NON_MONEY_UNITS and b not in _NON_MONEY_UNITS)


def _plural(word: str) -> str:
    if word.endswith("s"):
        return word
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    return word + "s"


# ------------------------------------------------------------------------------ records


def figure_records(doc_or_figures: Doc | list[dict[str, Any]], text: str | None = None) -> list[dict[str, Any]]:
    """Figures in the analysis-record shape (``start, end, sentence, value, unit, measure, period``).

    A range gives two records, its low and its high end (the gold lists "three to five years" as
    3 and 5), each with the range's offsets.
    """
    if isinstance(doc_or_figures, Doc):
        figures, text = doc_or_figures._.dw_figures or [], doc_or_figures.text
    else:
        figures = doc_or_figures
    if text is None:
        raise ValueError("text is required with a list of figures")
    out = []
    for f in figures:
        values = [f["value"]] + ([f["value_high"]] if f.get("value_high") is not None else [])
        for v in values:
            out.append({"start": f["start"], "end": f["end"],
                        "sentence": text[f["sentence_start"]:f["sentence_end"]], "value": v, "unit": f["unit"],
                        "measure": f["measure"], "period": f["period"]})
    return out


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    """Lower-case single-word demonyms of the actor dictionaries ("american", "chinese")."""
    from dyadwatch.dictionaries import load_actor_dictionaries

    return frozenset(e["pattern"].lower() for d in load_actor_dictionaries() for e in d.entries
                     if e["label"] == "ACTOR" and e.get("form") == "demonym" and isinstance(e.get("pattern"), str)
                     and " " not in e["pattern"])

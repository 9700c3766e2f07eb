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

__all__ = ["FIGURE_KEYS", "MAX_VALUE", "FigureFinder", "Money", "figure_records", "find_quantities", "money_of",
           "parse_quantity"]

#: Keys of each dict in ``doc._.dw_figures``.
FIGURE_KEYS = ("start", "end", "sentence_start", "sentence_end", "raw", "value", "value_high", "unit", "qualifier",
               "measure", "period")
#: larger magnitudes are not figures (nor floats one can trust): dropped
MAX_VALUE = 1e18

for _ext in ("dw_figures", "dw_ref_date", "dw_url"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

# ------------------------------------------------------------------------------ lexicon

_UNIT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS_WORDS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
_ORDINAL_TENS = {w: 10 * i for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), 2)}
_SCALES = {"hundred": 1e2, "dozen": 12.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
           "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
           "cr": 1e7}
#: single-letter scale abbreviations, and "cr" (crore: "Rs 500 cr"), are only trusted next to a
#: currency ("$5m", "500k euros")
_LETTER_SCALES = {"k", "m", "b", "cr"}

#: qualifiers and range words between a number and its determiner ("the nearly 40 ...")
_SKIPPED_BEFORE = frozenset(("nearly", "about", "some", "around", "roughly", "almost", "over", "more", "than", "at",
                             "least", "up", "to", "just", "only"))

# ------------------------------------------------------------------------------ patterns

_U = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_T = "|".join(_TENS_WORDS)
_W = rf"(?:(?:{_T})(?:[-\s](?:{_U})\b)?|(?:{_U}))\b"
_WORDNUM = rf"{_W}(?:\s+hundred\b(?:\s+(?:and\s+)?{_W})?)?"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
#: thousands grouped by spaces ("50 000", the SI and much of the non-US press), not after a
#: month name ("March 10 200 people" is a date and a count)
_SPACED = (r"(?=\d{1,3}[ \u00a0\u202f]\d{3})" + "".join(rf"(?<!{m} )(?<!{m}\. )" for m in _MONTHS)
           + r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,]|\.\d)")
_DIGITS = rf"(?:\d{{1,3}}(?:,\d{{2}})*(?:,\d{{3}})+|{_SPACED}|\d+)(?:\.\d+)?(?:[eE][+-]?\d{{1,5}}(?!\d))?"
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion|crores?|lakhs?|lacs?|dozen"
_NUM = rf"(?:{_DIGITS}|{_WORDNUM}|(?:an?|half\s+an?)(?=[\s-]+(?:{_SCALE_WORDS})\b))"
_PERCENT = r"(?:%|per\s?cent(?:age\s+points?)?|percentage\s+points?|pct\b|(?-i:pc)\b)"
_AREA = r"(?:sq(?:uare)?\.?\s+(?:km|kilomet(?:re|er)s?|miles?)|km2|km²)"
_DISTANCE = r"(?:nautical\s+miles?|km|kilomet(?:re|er)s?|miles?)"
_PHYSICAL = (r"(?:barrels?\s+(?:a|per)\s+day|bpd|b/d|barrels?|(?:metric\s+)?tonnes?|(?:metric\s+)?tons?|bcm|"
             r"cubic\s+(?:met(?:re|er)s|km|kilomet(?:re|er)s)|megawatts?|gigawatts?|(?-i:MW|GW))")
_DURATION = r"(?:days?|weeks?|months?|years?|decades?|hours?)"
_UNITS = rf"{_PERCENT}|{_AREA}|{_DISTANCE}|{_PHYSICAL}|{_DURATION}"

_ORD_WORDS = (rf"(?:(?:{_T})-)?(?:{'|'.join(w for w in _ORDINAL_WORDS if w != 'zeroth')})|"
              rf"{'|'.join(_ORDINAL_TENS)}")
_ORDINAL = re.compile(rf"(?<![\w.,])(?P<ord>\d{{1,4}}(?:st|nd|rd|th)|(?:{_ORD_WORDS}))\b", re.I)

_QUALIFIERS = [
    "approximately", "approx.", "about", "around", "roughly", "nearly", "almost", "close to", "more than",
    "over", "at least", "up to", "less than", "fewer than", "under", "some", "an estimated", "as many as",
    "as much as", "as few as", "upwards of", "in excess of", "just over", "just under", "well over",
    "well above", "just above", "above", "below", "perhaps", "maybe", "circa", "an additional", "another",
    "a further", "only", "just", "at most", "no more than", "no fewer than", "no less than", "exactly",
]
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+$", re.I)
_QUALIFIER_MAP = {"approx.": "approximately", "an estimated": "about", "circa": "about", "maybe": "perhaps",
                  "an additional": None, "another": None, "a further": None, "only": None, "just": None,
                  "exactly": None, "some": "about"}
_QUALIFIER_AFTER = re.compile(r"\s*(or|and)\s+(more|above|over)\b", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:(-|–|—|to|through|and|or)\s*)$", re.I)
_RANGE_OPEN = re.compile(r"(?<![\w])(between|from)\s+$", re.I)
_CHANGE_BEFORE_FROM = re.compile(
    r"\b(ris\w*|rose|increas\w*|grow\w*|grew|fall\w*|fell|drop\w*|climb\w*|declin\w*|jump\w*|surg\w*|rais\w*|"
    r"cut\w*|reduc\w*|lower\w*|boost\w*|expand\w*|shr[iu]nk\w*|went|go(?:es|ne)?|soar\w*|slump\w*|plung\w*)"
    r"(?:\s+\w+){0,2}\s+$", re.I)

#: words whose presence makes a duration a figure about relations
_RELATION_WORDS = re.compile(
    r"\b(invad\w*|invasion|war|wars|attack\w*|strikes?|offensive|assault|bombard\w*|shell\w*|summit\w*|"
    r"meeting\w*|met|meet\w*|talks|visit\w*|statement|declaration|signed|sign\w*|agreement|deal\w*|"
    r"treat(?:y|ies)|accords?|pact|sanction\w*|clash\w*|skirmish\w*|ceasefire|truce|armistice|annex\w*|"
    r"mobili[sz]\w*|deploy\w*|troops|trade|"
    r"tariffs?|embargo\w*|alliance|partnership|cooperat\w*|negotiat\w*|aid|loans?|withdraw\w*|occupation|"
    r"blockade|exercises?|drills?|relations|ties|tensions|conflict|crisis|border|diplomat\w*|embass\w*|"
    r"nuclear|missiles?|weapons?|military|energy|gas|oil|pipeline|investment\w*|exports?|imports?|"
    r"debt|recogni[sz]\w*|normali[sz]\w*|restor\w*|sever\w*|expel\w*|election interference)\b", re.I)
#: what makes a DATE entity a date: a month, weekday, season, calendar unit, year or day ordinal
_DATE_WORDS = re.compile(
    r"(?<![\w])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|year|month|week|day|"
    r"decade|centur|quarter|ago|today|yesterday|tomorrow|now|spring|summer|autumn|fall|winter|night|morning|"
    r"evening|season|period|time|era|age|\d{4}|\d{2}s\b|'\d\d|\d+(?:st|nd|rd|th)\b)", re.I)
_DATEISH_AFTER = re.compile(r"[\s-]*(ago|old|later|earlier|of age|after that|before that|hence)\b", re.I)
_DATEISH_BEFORE = re.compile(
    r"(?<![\w])(the\s+(?:first|last|past|next|previous|coming|recent|following|initial|final|same|preceding|"
    r"latest|early|earliest)|first|last|past|next|previous|coming|recent|following|these|those|aged|age|every|"
    r"each|per)\s+(?:(?:full|whole|entire|few)\s+)?$", re.I)
_ANCHOR = re.compile(r"[\s,]*(before|after|since|until|ahead\s+of|prior\s+to|following|into)\b([^.;:!?—–()]{0,90})",
                     re.I)

# (the counted nouns and the other words the parse is read by are data: FigureWords, below)
_DISTANCE_FROM = re.compile(
    r"\s*(?:away\s+)?((?:(?:north|south|east|west)\w*\s+)?(?:from|of|off|inside|into|beyond|within))\s+"
    r"(?:the\s+)?([\w’'-]+(?:\s+[A-Z][\w-]+)*)", re.I)
_RESTATEMENT = re.compile(r"\s*[,–—(-]+\s*((?:a|an|the|its|their)\s[^,;:.–—()]{0,80})")
_SO_FAR = re.compile(r"(?<![\w])(so far|thus far|to date|as of now|up to now|until now|hitherto)\b", re.I)
_FALLBACK_DATES = re.compile(
    r"(?<![\w])((?:in|during|by|since)\s+(?:1[89]\d\d|20\d\d)\b|(?:last|this|next|past|previous)\s+(?:year|month)|"
    r"the\s+first\s+\w+\s+months\s+of\s+(?:the\s+year|(?:1[89]\d\d|20\d\d)))", re.I)


# ------------------------------------------------------------------------------ money

class Money:
    """The currencies of one language, and the number pattern built from them.

    Read from ``dictionaries/data/<lang>/money.v<N>.json`` (``dyadwatch.dictionaries.words``;
    its ``_doc`` says what each list is for), so that a user adds a currency ("Kenyan shilling",
    "KSh") in a word-list directory of their own instead of in this module's regular expressions.
    Built once per language and word-list setting (``money_of``).
    """

    def __init__(self, lists: WordLists) -> None:
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
        suffix = "|".join(words + codes + [_UNITS])
        self.atom = re.compile(
            rf"(?<![\w$€£¥₹₽.,])(?:(?P<pre>{'|'.join(marks)})[ \u00a0]?|(?<![A-Za-z]-))(?P<num>{_NUM})"
            rf"(?:(?P<abbr>(?-i:bn|Bn|BN|bln|mn|mln|tn|trn|cr|m|M|k|K|b|B))(?![A-Za-z0-9])"
            rf"|\s(?P<abbr2>(?-i:bn|mn|mln|tn|trn|cr))\b"
            rf"|[\s-]+(?P<scale>(?:{_SCALE_WORDS})(?:[\s-]+(?:{_SCALE_WORDS}))?)\b)?"
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
    key = (lists.path, lists.version)
    money = _MONEY.get(key)
    if money is None:
        money = _MONEY[key] = Money(lists)
    return money


#: built grammars by the word-list file they come from (``word_lists`` reads each file once)
_MONEY: dict[tuple[str, int], Money] = {}


# ------------------------------------------------------------------------------ normaliser


def _number_value(text: str) -> float | None:
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
    words = [w for w in re.split(r"[\s-]+", s) if w and w != "and"]
    if words[:2] == ["half", "a"] or words[:2] == ["half", "an"]:
        return 0.5
    if words in (["a"], ["an"]):
        return 1.0
    total = 0.0
    for w in words:
        if w in _UNIT_WORDS:
            total += _UNIT_WORDS[w]
        elif w in _TENS_WORDS:
            total += _TENS_WORDS[w]
        elif w == "hundred":
            total = (total or 1.0) * 100
        else:
            return None
    return total


def _ordinal_value(text: str) -> int | None:
    s = text.lower()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", s)
    if m:
        return int(m.group(1))
    if s in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[s]
    if s in _ORDINAL_TENS:
        return _ORDINAL_TENS[s]
    if "-" in s:
        tens, _, unit = s.partition("-")
        if tens in _TENS_WORDS and unit in _ORDINAL_WORDS:
            return _TENS_WORDS[tens] + _ORDINAL_WORDS[unit]
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
    if s == "%" or s == "pc" or s.startswith(("per", "percent", "pct")):
        return "percent", None, 1.0, "percent", None
    if re.match(r"(sq|square|km2|km²)", s):
        return "area", None, (2.589988 if "mile" in s else 1.0), "square km", None
    if s.startswith("nautical"):
        return "km", None, 1.852, "km", None
    if s.startswith("mile"):
        return "km", None, 1.609344, "km", None
    if s == "km" or s.startswith("kilomet"):
        return "km", None, 1.0, "km", None
    if re.match(r"(barrel|bpd|b/d|tonne|ton|metric|bcm|cubic|megawatt|gigawatt|mw|gw)", s):
        return "physical", None, 1.0, s, None
    if re.fullmatch(r"(day|week|month|year|decade|hour)s?", s):
        return "duration", None, 1.0, s.rstrip("s"), None
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
    for m in money.atom.finditer(text):
        number = _number_value(m.group("num"))
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
            if a in _LETTER_SCALES and not money_next:
                # "5m" with no currency may be metres, "5k" a race: a figure only before a physical
                # unit ("1.2m tonnes") or a word the component then checks ("1.5m people")
                measured = suffix_kind is not None and suffix_kind[0] == "physical"
                if not measured and (a == "cr" or not re.match(r"\s+[A-Za-z]", text[m.end():m.end() + 2])):
                    continue
                letter = not measured
            scale, has_scale = _SCALES[a], True
        elif m.group("scale"):
            scale = 1.0
            for w in re.split(r"[\s-]+", m.group("scale").lower()):
                scale *= _SCALES[w]
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


def _qualifier(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The approximation word before the expression (and where it starts), or "or more" after it."""
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
    if m and m.end() == start:
        q = m.group(1).lower()
        return _QUALIFIER_MAP.get(q, q), m.start()
    m = _QUALIFIER_AFTER.match(text, end, min(len(text), end + 20))
    if m:
        return "at least", start
    return None, start


def _candidates(text: str, money: Money, context_of: Any = None, home_dollar: str | None = None) -> list[_Candidate]:
    """Numbers merged into ranges, plus ordinals, in text order; context-free."""
    atoms = list(_atoms(text, money, context_of, home_dollar))
    out: list[_Candidate] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        start = a.start
        merged = False
        if b is not None:
            gap = _RANGE_GAP.match(text[a.end:b.start])
            opener = _RANGE_OPEN.search(text, max(0, a.start - 12), a.start)
            opener = opener if opener and opener.end() == a.start else None
            if gap and _compatible(a, b):
                a, b = replace(a), replace(b)  # inherit on copies: the originals stand if this is no range
                sep = gap.group(1).lower()
                ok = True
                if sep == "and":
                    ok = opener is not None and opener.group(1).lower() == "between"
                if opener is not None and opener.group(1).lower() == "from" and sep == "to":
                    # "rose from $100bn to $150bn" is a change, not a range
                    ok = not _CHANGE_BEFORE_FROM.search(text, max(0, opener.start() - 40), opener.start())
                if ok:
                    _inherit(a, b)
                    if 0 <= a.value < b.value and math.isfinite(b.value) and \
                            (a.value == 0 or b.value / a.value <= 1000):
                        merged = True
                        if opener is not None:
                            start = opener.start()
        if merged:
            assert b is not None
            q, _ = _qualifier(text, start, b.end)
            out.append(_Candidate(start, b.end, a.value, b.value, b.kind, b.currency or a.currency,
                                  b.unit_word or a.unit_word, q, a.wordy and b.wordy, a.has_scale or b.has_scale,
                                  number_start=a.start, letter=a.letter or b.letter))
            i += 2
            continue
        a = atoms[i]
        q, _ = _qualifier(text, a.start, a.end)
        out.append(_Candidate(a.start, a.end, a.value, None, a.kind, a.currency, a.unit_word, q, a.wordy,
                              a.has_scale, number_start=a.start, letter=a.letter))
        i += 1
    taken_starts = [c.start for c in out]  # sorted, non-overlapping
    for m in _ORDINAL.finditer(text):
        value = _ordinal_value(m.group("ord"))
        k = bisect.bisect_right(taken_starts, m.start()) - 1
        overlaps = (k >= 0 and out[k].end > m.start()) or \
            (k + 1 < len(taken_starts) and taken_starts[k + 1] < m.end())
        if value is None or overlaps:
            continue
        q, _ = _qualifier(text, m.start(), m.end())
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
    made. (Currencies are the ``money`` word list's, ``Money``; the number words and units of the
    regular expressions above are English still.)
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
        for rx in (_FALLBACK_DATES, _SO_FAR):
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
            if _SO_FAR.fullmatch(expr.strip()):
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
                if _CONVERSION_GAP.fullmatch(gap) and "(" in gap:
                    f = {**f, "_conversion_of": prev}  # marks a figure inside the bracket
                elif prev.get("_conversion_of") is not None and _CONVERSION_NEXT.fullmatch(gap):
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
                if _DATE_WORDS.search(doc[j:k].text):
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
        if not c.wordy and not c.has_scale and re.fullmatch(r"(?:from\s+|between\s+)?\d{4}(?:\W+\w+\W+\d{2,4})?",
                                                               self.text[c.start:c.end], re.I) \
                and 1000 <= c.value <= 2100:
            return None  # a year or a span of years
        if re.match(r"\s*(?:[:/]\d|\.\d|a\.?m\b|p\.?m\b|gmt|utc)", self.text[c.end:c.end + 5], re.I):
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
        if lemma == "time" and c.value >= 2:
            verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None) if self.parsed else None
            if verb is not None and verb.lemma_.lower() in self.w.meet_verbs:
                return "meetings", noun.idx + len(noun.text)
            return None
        if lemma in self.w.count_blacklist or noun.ent_type_ in ("DATE", "TIME"):
            return None
        if c.value < 2 and c.value_high is None:
            return None  # "one of", "one country"
        # "a 5,000-strong force" counts the members of the force
        strong = re.match(r"-strong\b", self.text[c.end:c.end + 8], re.I) is not None
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
        while i >= 0 and self.doc[i].lower_ in _SKIPPED_BEFORE:
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
        if lemma == "round":
            # "the fifth round of talks/sanctions"
            nxt = self.doc[noun.i + 1:min(noun.i + 5, sent.end)]
            if not any(t.lemma_.lower() in ("talk", "sanction", "negotiation", "consultation", "dialogue", "tariff",
                                            "meeting") for t in nxt):
                return None
        if lemma == "phone":
            lemma = "call"
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
        if noun.i + 1 >= sent.end or doc[noun.i + 1].lower_ != "of":
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
        if _DATEISH_AFTER.match(self.text, c.end, min(len(self.text), c.end + 15)):
            return None  # "a year ago", "70 years old", "three days later"
        if "-" in self.text[c.start:c.end] and span.end < sent.end:
            noun = self._noun_after(span, sent)
            if noun is not None and noun.lemma_.lower() in self.w.not_relation_durations:
                return None  # "a third five-year term", "a 10-year prison sentence"
        before = self.text[max(sent.start_char, c.start - 40):c.start]
        if c.qualifier is None and _DATEISH_BEFORE.search(before):
            return None  # "the first seven months", "the past three years", "aged 70"
        if c.qualifier is not None:
            q_start = _qualifier(self.text, c.start, c.end)[1]
            if _DATEISH_BEFORE.search(self.text[max(sent.start_char, q_start - 40):q_start]):
                return None
        if c.value > 500:
            return None
        if c.wordy and c.value == 1 and "-" not in self.text[c.start:c.end]:
            return None  # "one day", "one year" (idioms, or "a year")
        anchor = _ANCHOR.match(self.text, c.end, min(sent.end_char, c.end + 120))
        if anchor:
            found = _RELATION_WORDS.search(anchor.group(2))
            if not found:
                return None  # "25 years after the fall of the Berlin Wall"
            noun = self._nominal(found.group(1).lower())
            at = self._span(anchor.start(2) + found.start(1), anchor.start(2) + found.end(1))
            if at is not None and at[0].pos_ == "NOUN":
                # the head of the noun phrase it is in: "the border clash" → "clash"
                j = at[0].i
                while j + 1 < sent.end and self.doc[j + 1].pos_ == "NOUN":
                    j += 1
                noun = self.doc[j].text.lower()
            return f"{_plural(unit)} {anchor.group(1).lower()} {noun}"
        # a duration that is not measured from an event: keep it when the sentence is about relations
        if not _RELATION_WORDS.search(self._context(c.start, 400)):
            return None
        if "-" in self.text[c.start:c.end] and span.end < sent.end and self.doc[span.end].pos_ in ("NOUN", "ADJ"):
            noun = self._noun_after(span, sent)  # "a 25-year lease"
            if noun is not None:
                return f"{self._noun_phrase(noun, lower=span.end, with_prep=False)} ({_plural(unit)})"
        what = self._noun_phrase_before(span, sent)
        return f"{what} ({_plural(unit)})" if what else _plural(unit)

    def _nominal(self, word: str) -> str:
        for stem, noun in (("invad", "invasion"), ("attack", "attack"), ("meet", "meeting"), ("met", "meeting"),
                           ("sign", "signing"), ("visit", "visit"), ("annex", "annexation"),
                           ("withdr", "withdrawal"), ("deploy", "deployment"), ("mobili", "mobilisation")):
            if word.startswith(stem):
                return noun
        return word

    # --- measure

    def _distance(self, c: _Candidate, sent: Span) -> str | None:
        """"120 km from the capital" → "distance from capital"."""
        m = _DISTANCE_FROM.match(self.text, c.end, min(sent.end_char, c.end + 80))
        if not m:
            return None
        span = self._span(m.start(2), m.end(2))
        if span is None:
            return None
        head = next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None)
        prep = "from" if m.group(1).lower() == "of" else m.group(1).lower()
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
                if prep.dep_ == "prep" and prep.lower_ in ("on", "to", "for", "against", "from", "with", "between",
                                                           "of", "in") and prep.i == head.i + 1:
                    objs = [t for t in prep.children if t.dep_ == "pobj"]
                    if objs and objs[0].ent_type_ not in ("DATE", "TIME"):
                        obj = self._noun_phrase(objs[0], lower=prep.i + 1, with_prep=False)
                        if prep.lower_ in ("of", "in") and not of and head.lemma_.lower() not in self.w.generic_heads:
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
        if j >= sent.start and doc[j].lower_ in ("worth", "of", "at", "totalling", "totaling", "valued",
                                                 "amounting", "to", "by"):
            cue = doc[j].lower_
            if cue in ("at", "to") and j - 1 >= sent.start and doc[j - 1].lower_ in ("valued", "amounting"):
                j -= 1
            elif cue in ("at", "to", "by"):
                return None
            cued = True
            j -= 1
        if not cued:
            return None
        if j >= sent.start and doc[j].pos_ == "NOUN" and doc[j].ent_type_ not in ("DATE", "TIME") \
                and doc[j].lemma_.lower() not in self.w.generic_heads | {"percent", "%"}:
            return self._noun_phrase(doc[j], lower=sent.start, with_prep=False)
        if j >= sent.start and doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() in self.w.generic_heads:
            return self._generic(doc[j])
        return None

    def _generic(self, head: Token) -> str:
        """"volume of bilateral trade" → "bilateral trade volume"; "number of troops" → "troops"."""
        if self.parsed:
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
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
                doc[k].ent_type_ not in ("DATE", "TIME", "GPE") and doc[k].lower_ not in ("year", "on"):
            if doc[k].pos_ == "NOUN" and (k + 1 >= sent.end or doc[k + 1].pos_ not in ("NOUN", "PROPN")):
                if doc[k].lemma_.lower() in self.w.generic_heads:
                    return self._generic(doc[k])
                return self._noun_phrase(doc[k], lower=j)
            k += 1
        # 2. "in/of/for/worth of" + noun: "€1.5bn in aid", "$3bn of loans"
        if j < sent.end and doc[j].lower_ in ("in", "of", "for") and j + 1 < sent.end:
            k = j + 1
            while k < sent.end and k < j + 7 and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "PART") and \
                    doc[k].ent_type_ not in ("DATE", "TIME"):
                if doc[k].pos_ == "NOUN" and (k + 1 >= sent.end or doc[k + 1].pos_ not in ("NOUN", "PART")):
                    if doc[k].lemma_.lower() not in ("year", "month", "week", "day", "term", "total", "value"):
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
        m = _RESTATEMENT.match(self.text, span.end_char, sent.end_char)
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


#: what stands between a figure and its conversion: an opening bracket, perhaps a qualifier
_CONVERSION_GAP = re.compile(r"\s*\(\s*(?:(?:about|around|roughly|some|approximately|nearly|almost|over|"
                             r"more\s+than|or|equivalent\s+to|equal\s+to|c\.|ca\.)\s+)?", re.I)
#: between two conversions in one bracket
_CONVERSION_NEXT = re.compile(r"\s*(?:,|;|/|or|and)\s*(?:(?:about|around|roughly|some)\s+)?", re.I)
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

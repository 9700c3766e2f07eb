"""Language identification with lingua (models ship in the wheel; works offline).

A restricted set of languages in low-accuracy mode keeps memory near 30 MB instead of ~1 GB
(see ../shared/LIBRARIES.md). Only English is analysed; other languages are stored and flagged.

Short texts (a headline, one sentence) carry little evidence, and names weigh heavily in them:
"Iran, Saudi Arabia restore ties" looks Italian to the detector. A short text is called another
language only when the detector is sure of it (confidence at least ``SURE``) and finds almost
nothing English in it; otherwise it is analysed as English and the doubt is recorded
(``detect_language_with_doubt``).

A long text whose words are mostly English function words ("the", "of", "that", …: at least
``ENGLISH_SHARE`` of its words, and ``ENGLISH_KINDS`` different ones) is English without asking
the detector, which would say so too (it did on every such text tried: 4,468 synthetic stories,
the gold sets and the examples) and costs about 1.5 ms an article (0.6 to 0.8 CPU s of the 400
articles of ``bench/throughput.py --cli``); the count costs a tenth of that. The word list is
data (``dictionaries/data/en/language.v1.json``), chosen so that other languages' prose scores
0 to 2%. Anything short or less clearly English goes to the detector as before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: languages news about international relations commonly comes in
_LANGUAGES = (
    "ENGLISH", "CHINESE", "RUSSIAN", "UKRAINIAN", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE",
    "ITALIAN", "DUTCH", "POLISH", "ARABIC", "PERSIAN", "URDU", "HINDI", "BENGALI", "JAPANESE",
    "KOREAN", "TURKISH", "VIETNAMESE", "INDONESIAN", "HEBREW",
)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
#: characters sampled: enough to be sure, cheap on long articles
SAMPLE_CHARS = 4000
#: texts with fewer letters than this are short: a wrong call is likely
SHORT_LETTERS = 300
#: how sure the detector must be to call a short text another language than English
SURE = 0.9
#: English confidence at or above which a short text is not called another language
ENGLISH_FLOOR = 0.05
#: share of a long text's words that are English function words for it to be English unasked
ENGLISH_SHARE = 0.15
#: and how many different ones of them it must use
ENGLISH_KINDS = 6
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in _LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en"), or None when there is too little text."""
    return detect_language_with_doubt(text)[0]


def detect_language_with_doubt(text: str) -> tuple[str | None, str | None]:
    """(ISO 639-1 code or None, the doubt about it or None).

    A short text the detector is unsure of is called English, with the doubt saying what it
    looked like: ``("en", "looks most like Italian (0.49; English 0.00)")``.
    """
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTERS.findall(sample))
    if letters < 20:
        return None, None
    if letters >= SHORT_LETTERS and _plainly_english(sample):
        return "en", None
    detector = _detector()
    lang = detector.detect_language_of(sample)
    if lang is None:
        return None, None
    code = str(lang.iso_code_639_1.name).lower()
    if code == "en" or letters >= SHORT_LETTERS:
        return code, None
    values = {v.language.name: v.value for v in detector.compute_language_confidence_values(sample)}
    top = max(values.values(), default=0.0)
    english = values.get("ENGLISH", 0.0)
    if top >= SURE and english < ENGLISH_FLOOR:
        return code, None
    name = lang.name.capitalize()
    return "en", f"looks most like {name} ({top:.2f}; English {english:.2f})"


def _plainly_english(sample: str) -> bool:
    """At least ``ENGLISH_SHARE`` of the words, and ``ENGLISH_KINDS`` different words, are
    English function words."""
    words = _WORDS.findall(sample.lower())
    if not words:
        return False
    common = _function_words()
    found = [w for w in words if w in common]
    return len(found) >= ENGLISH_SHARE * len(words) and len(set(found)) >= ENGLISH_KINDS


def _function_words() -> frozenset[str]:
    from dyadwatch.dictionaries.words import word_lists

    return word_lists("language", "en").words("function_words")

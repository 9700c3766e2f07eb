"""Language identification with lingua (models ship in the wheel; works offline).

A restricted set of languages in low-accuracy mode keeps memory near 30 MB instead of ~1 GB
(see ../shared/LIBRARIES.md). Only English is analysed; other languages are stored and flagged.
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


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in _LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en"), or None when there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTERS.findall(sample)) < 20:
        return None
    lang = _detector().detect_language_of(sample)
    if lang is None:
        return None
    return str(lang.iso_code_639_1.name).lower()

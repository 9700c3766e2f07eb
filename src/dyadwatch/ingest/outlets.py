"""The outlet of a page from its address, when the text does not name it.

In order:

1. the outlet dictionaries (``OUTLET`` lines, ``dyadwatch.outlets.v2`` and any a user adds;
   ``dyadwatch.dictionaries.load_outlets``): the host, then each parent domain
   (``edition.cnn.com`` -> ``cnn.com``);
2. the site's own spelling of its name in the text (a masthead, a copyright or reuse line such
   as "© 2025 Harbour Ledger" or "... only with a hyperlink to Caliber.az"): a capitalised run
   of words that spells the domain's name, with or without spaces, dots or the suffix
   ("Caliber.az", "Korea News Digest", "MENAFN"); a brand word the domain lacks is kept ("Sun
   Online" on sun.mv) and one the domain adds may be missing ("Kaieteur News" on
   kaieteurnewsonline.com); for a short or acronym domain, the name its letters abbreviate: the
   one the text pairs with the acronym in brackets ("Korea Institute for International Economic
   Policy (KIEP)", a word may be left out of the acronym), else a run of capitalised words whose
   initials spell it ("jiia.or.jp" -> "The Japan Institute of International Affairs");
3. a readable name made from the domain: split into known words (outlet words and place names
   from the actor dictionaries) and capitalised ("kyivindependent.com" -> "Kyiv Independent");
   a domain that does not split is capitalised as it is ("aravot.am" -> "Aravot"), a short one
   without vowels is upper-cased ("rfi.fr" -> "RFI").

    >>> outlet_from_url("https://www.reuters.com/world/asia/x-2024-03-12/")[0]
    'Reuters'
    >>> outlet_from_url("https://kyivindependent.com/some-story/")[0]
    'Kyiv Independent'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from dyadwatch.dictionaries.words import read_word_file

__all__ = ["domain_name_label", "host_of", "outlet_from_url", "name_key", "readable_name", "site_names"]

_WORDS_FILE = Path(__file__).resolve().parents[1] / "dictionaries" / "data" / "en" / "outlet_words.txt"
#: second-level labels under a country code that belong to the suffix (bbc.co.uk, mb.com.ph)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gob", "gv", "nic",
                           "info", "biz", "news", "mil", "int", "in", "gen", "ltd", "plc", "press"})
#: subdomains that say nothing about the outlet
_NOISE_LABELS = frozenset({"www", "www1", "www2", "m", "mobile", "amp", "en", "english", "edition", "eng",
                           "news", "web", "beta", "home", "international", "intl", "global", "world"})
_MAX_LABEL = 40
_VOWELS = frozenset("aeiouy")


def host_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` without a port or trailing dot, or None."""
    if not url or not isinstance(url, str) or len(url) > 4000:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host or host.replace(".", "").isdigit():
        return None
    return host.rstrip(".").lower()


def _suffix_length(labels: list[str]) -> int:
    """How many of the last labels are the public suffix (1, or 2 for co.uk-style domains)."""
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return 2
    return 1


def domain_name_label(host: str) -> tuple[str, str] | None:
    """The label that names the site and its suffix: ``en.aravot.am`` -> ("aravot", "am")."""
    labels = [part for part in host.split(".") if part]
    if len(labels) < 2:
        return None
    n = _suffix_length(labels)
    if len(labels) <= n:
        return None
    return labels[-n - 1], ".".join(labels[-n:])


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    words: set[str] = set()
    try:
        words |= read_word_file(_WORDS_FILE)
    except OSError:
        pass
    words |= _place_words()
    return frozenset(w for w in words if w.isalpha())


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(_place_words())


def _place_words() -> set[str]:
    """Single-word place names and demonyms of the actor dictionaries ("kyiv", "korea", "korean")."""
    from dyadwatch.dictionaries import load_actor_dictionaries

    out: set[str] = set()
    try:
        dictionaries = load_actor_dictionaries()
    except Exception:  # a broken user dictionary must not stop ingest; analysis reports it
        return out
    for d in dictionaries:
        if not d.name.startswith("dyadwatch.countries"):
            continue
        for e in d.entries:
            texts = [e.get("name")] if e["label"] == "CODE" else [e.get("pattern")] if e["label"] == "ACTOR" else []
            for text in texts:
                if isinstance(text, str):
                    for word in text.lower().split():
                        if word.isalpha() and len(word) >= 3:
                            out.add(word)
    return out


def _segment(label: str) -> list[str] | None:
    """``label`` split into known words, at most one unknown piece of 2-5 letters among them
    (a call sign or an acronym: "nwaonline" -> "nwa", "online"); the split with the lowest cost
    (a known word 1, the unknown piece 3); None when it does not split into two or more."""
    words = _known_words()
    n = len(label)
    if n == 0 or n > _MAX_LABEL:
        return None
    # best[(i, unknown_used)] = (cost, pieces) for label[:i]
    best: dict[tuple[int, int], tuple[int, list[str]]] = {(0, 0): (0, [])}
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            piece = label[start:end]
            known = piece in words and not (len(piece) == 1 and (start == 0 or end == n))
            unknown = not known and 2 <= len(piece) <= 5
            if not (known or unknown):
                continue
            for used in (0, 1):
                prev = best.get((start, used))
                if prev is None or (unknown and used):
                    continue
                key = (end, used + (1 if unknown else 0))
                cand = (prev[0] + (1 if known else 3), prev[1] + [piece])
                if key not in best or cand[0] < best[key][0]:
                    best[key] = cand
    options = [best[k] for k in ((n, 0), (n, 1)) if k in best]
    if not options:
        return None
    cost, pieces = min(options, key=lambda o: o[0])
    if len(pieces) < 2 or not any(len(p) >= 4 and p in words for p in pieces):
        return None
    return pieces


#: one spoken syllable of at most three letters: "tom", "ek", "ba"
_SYLLABLE = re.compile(r"[^aeiouy0-9]?[aeiouy][^aeiouy0-9]?")


def readable_name(label: str) -> str:
    """A readable outlet name from a domain's name label (see the module docstring)."""
    label = label.lower()
    # "abc7chicago" -> "abc7", "chicago": a number closes the word before it
    parts = [p for p in re.split(r"[-_]+|(?<=\d)(?=[a-z])", label) if p]
    words: list[str] = []
    for part in parts:
        split = _segment(part) if part.isalpha() else None
        words.extend(split or [part])
    known = _known_words()
    if len(words) > 1 and any(w not in known and _SYLLABLE.fullmatch(w) is not None
                              and w not in ("of", "and", "the", "a") for w in words):
        # a split that leaves a short piece which is a syllable but no word ("finance" + "tom") is
        # no reading of the name: the label is one word ("Financetom"); a consonant cluster is an
        # acronym ("nwa" + "online": "NWA Online")
        words = ["".join(parts)] if len(parts) == 1 else parts
    if len(words) == 1:
        word = words[0]
        if word not in known and len(word) <= 4 and (len(word) <= 3 or not set(word) & _VOWELS):
            return word.upper()
        return word.capitalize()
    out = []
    for i, w in enumerate(words):
        if i > 0 and w in ("of", "and", "the", "a"):
            out.append(w)
        elif w not in known and len(w) <= 5 and (len(w) <= 3 or not set(w.rstrip("0123456789")) & _VOWELS
                                                 or any(c.isdigit() for c in w)):
            out.append(w.upper())  # a call sign or an acronym: "ABC7", "WFIN"
        else:
            out.append(w.capitalize())
    return " ".join(out)


_CAPITALISED_RUN = re.compile(
    r"(?:\b[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:(?:of|and|for|on|the|de|du|des|la|le)\s+){0,2}[A-Z][\w&'’.-]*){0,6}")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_TEXT_WINDOW = 200_000
_ACRONYM_WINDOW = 20_000


#: words a site's brand adds to, or its domain adds to, the name ("Sun Online" on sun.mv,
#: "Kaieteur News" on kaieteurnewsonline.com)
_BRAND_WORDS = ("online", "news", "newsonline", "live", "today", "daily", "digital", "media", "tv", "web",
                "network", "info", "24")
_MIN_STEM = 5


def _name_keys(label: str, suffix: str) -> dict[str, int]:
    """The letter keys a site's own spelling of its name may have, ranked (lower is better):
    0 the name with its domain suffix ("caliberaz"); 1 the name with a brand word the domain
    lacks ("sunonline" for sun.mv; not for a place name: "Korea Today" on korea.example is a
    phrase); 2 the name as the domain writes it; 3 the name without a brand word the domain adds
    ("kaieteurnews" for kaieteurnewsonline; taken only as two or more words, so "chinadaily"
    never reads "China" as its name)."""
    keys = {label + _NON_ALNUM.sub("", suffix): 0}
    if label not in _places():
        for word in _BRAND_WORDS:
            keys.setdefault(label + word, 1)
    keys.setdefault(label, 2)
    for word in _BRAND_WORDS:
        if label.endswith(word) and len(label) - len(word) >= _MIN_STEM:
            keys.setdefault(label[: -len(word)], 3)
    return keys


def _spelled_in_text(label: str, suffix: str, text: str) -> str | None:
    """The site's own spelling of its name in ``text`` ("Caliber.az", "Korea News Digest", "Sun
    Online"); a name its label abbreviates when none spells it (``_acronym_name``)."""
    if not text or len(label) < 3:
        return None
    want = _name_keys(label, suffix)
    window = text[:_TEXT_WINDOW]
    best: tuple[int, int, str] | None = None  # (rank, -length, name)
    # cheap test first: when the letters never occur in a row, no run spells them
    stems = {label} | {k for k, rank in want.items() if rank == 3}
    letters = _NON_ALNUM.sub("", window.lower())
    spelled_somewhere = any(stem in letters for stem in stems)
    for match in _CAPITALISED_RUN.finditer(window if spelled_somewhere else ""):
        words = match.group(0).split()
        # every sub-run of words, longest first, may spell the domain ("Read the Korea News Digest")
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                candidate = " ".join(words[i:j]).strip(".,;:'’")
                key = _NON_ALNUM.sub("", candidate.lower())
                if key.startswith("the") and key[3:] in want:
                    key = key[3:]
                if key in want and candidate[:1].isupper() and (want[key] < 3 or j - i >= 2):
                    # the form with the suffix ("Caliber.az") first, then the ranks of _name_keys, then the longest
                    ranked = (want[key], -len(candidate), candidate)
                    if best is None or ranked < best:
                        best = ranked
                    break
    if best is None and 3 <= len(label) <= 12:
        return _acronym_name(label, window)
    return best[2] if best else None


_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "&"})


def _abbreviates(label: str, words: list[str]) -> bool:
    """Whether ``label`` is ``words`` written short: each word whole or by its initial, connecting
    words ("of", "the") kept or left out ("lapost" <- "Los Angeles Post", "jiia" <- "Japan
    Institute of International Affairs", "nwaonline" <- "Northwest Arkansas Online")."""
    keys = [_NON_ALNUM.sub("", w.lower()) for w in words]
    if not all(keys):
        return False
    if keys[0] not in _CONNECTORS and keys[0][0] != label[:1]:
        return False  # the first word, whole or by its initial, starts the label (most runs fail here)

    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if j == len(label):
            return i == len(keys) or all(k in _CONNECTORS for k in keys[i:])
        if i == len(keys):
            return False
        key = keys[i]
        return ((key in _CONNECTORS and go(i + 1, j))
                or (label.startswith(key, j) and go(i + 1, j + len(key)))
                or (label[j] == key[0] and go(i + 1, j + 1)))

    return go(0, 0)


def _expanded_acronym(label: str, text: str) -> str | None:
    """The longest run of capitalised words that ``label`` abbreviates (``_abbreviates``), of
    at least two words that are not connectors."""
    best: str | None = None
    # a site names itself near the top (masthead) or the bottom (copyright) of its page
    window = text[:_ACRONYM_WINDOW] + "\n" + text[-_ACRONYM_WINDOW // 4:] if len(text) > _ACRONYM_WINDOW else text
    for match in _CAPITALISED_RUN.finditer(window):
        words = [w.strip(".,;:'’") for w in match.group(0).split()][:8]
        for i in range(len(words)):
            first = _NON_ALNUM.sub("", words[i].lower())
            if first and first not in _CONNECTORS and first[0] != label[:1]:
                continue  # no run from this word abbreviates the label (``_abbreviates``' first test)
            for j in range(len(words), i + 1, -1):
                run = words[i:j]
                if (sum(1 for w in run if w.lower() not in _CONNECTORS) < 2 or not run[0][:1].isupper()
                        or run[-1].lower() in _CONNECTORS):
                    continue
                if _abbreviates(label, run):
                    name = " ".join(run)
                    if best is None or len(name) > len(best):
                        best = name
                    break
    return best


#: "... Economic Policy (KIEP)": the words before an acronym in brackets; commas may join them
_BEFORE_ACRONYM = re.compile(
    r"((?:[A-Z][\w&'’.-]*|of|and|for|on|the|de|du|des|la|le|&)"
    r"(?:,?[ \t]+(?:[A-Z][\w&'’.-]*|of|and|for|on|the|de|du|des|la|le|&)){1,11})[ \t]*\(([A-Za-z]{3,12})\)")
_PAIR_WINDOW = 200


def _named_before_acronym(label: str, text: str) -> str | None:
    """The name a text pairs with the label written as an acronym in brackets ("Korea Institute
    for International Economic Policy (KIEP)", "Research Institute of Economy, Trade and Industry
    (RIETI)"). The pairing is the text's own statement, so an acronym may leave a word out: its
    letters are the initials of the name's words in order, the first and the last word always
    counted, connecting words ("of", "and") counted or not, and at most one other word in three
    left out."""
    want = label.lower()
    if not want.isalpha():
        return None
    for found in re.finditer(rf"\(\s*{re.escape(want)}\s*\)", text, flags=re.IGNORECASE):
        acronym = found.group(0).strip("() \t")
        if sum(1 for c in acronym if c.isupper()) < 2:
            continue
        before = text[max(0, found.start() - _PAIR_WINDOW): found.end()]
        match = None
        for match in _BEFORE_ACRONYM.finditer(before):
            pass
        if match is None or match.end() != len(before):
            continue
        name = _initials_name(want, match.group(1).split())
        if name:
            return name
    return None


def _initials_name(acronym: str, written: list[str]) -> str | None:
    """The shortest tail of the ``written`` words whose initials spell ``acronym`` (see
    ``_named_before_acronym``), as written ("Economy, Trade and Industry")."""
    words = [w.strip(",") for w in written]
    budget = max(1, len(acronym) // 3)
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        if not run[0][:1].isupper() or run[0].lower() in _CONNECTORS or run[0][0].lower() != acronym[0]:
            continue
        if run[-1].lower() in _CONNECTORS or run[-1][0].lower() != acronym[-1]:
            continue
        if _spells_by_initials(acronym, [w.lower() for w in run], budget):
            if start > 0 and words[start - 1] == "The":
                start -= 1
            return " ".join(written[start:]).rstrip(",")
    return None


def _spells_by_initials(acronym: str, words: list[str], budget: int) -> bool:
    """Whether the initials of ``words`` spell ``acronym``, the first and last word counted,
    connecting words optional and at most ``budget`` other words left out."""

    @lru_cache(maxsize=None)
    def go(i: int, j: int, left: int) -> bool:
        if j == len(acronym):
            return i == len(words)
        if i == len(words):
            return False
        word = words[i]
        last = i == len(words) - 1
        if word[0] == acronym[j] and go(i + 1, j + 1, left):
            return True
        if i == 0 or last:
            return False
        if word in _CONNECTORS:
            return go(i + 1, j, left)
        return left > 0 and go(i + 1, j, left - 1)

    return go(0, 0, budget)


def _acronym_name(label: str, text: str) -> str | None:
    """A name the domain's label abbreviates: the one the text pairs with the acronym in brackets,
    else a run of capitalised words whose initials (or whole words) spell it."""
    return _named_before_acronym(label, text[:_TEXT_WINDOW]) or _expanded_acronym(label, text)


def name_key(name: str) -> str:
    """A name as letters and digits, without a leading "the": for comparing outlet names."""
    key = _NON_ALNUM.sub("", name.lower())
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def site_names(url: str | None, outlet: str | None = None) -> set[str]:
    """Keys (``name_key``) of the names the page's own site goes by: its outlet name (as
    ``outlet_from_url`` found it) and its domain's name; for telling a masthead line or a
    "| Site" suffix from a headline."""
    host = host_of(url)
    if host is None:
        return set()
    keys: set[str] = set()
    if outlet:
        keys.add(name_key(outlet))
        if outlet.endswith(")") and " (" in outlet:  # "Japan Institute … (JIIA)"
            keys.add(name_key(outlet[:outlet.rindex(" (")]))
    named = domain_name_label(host)
    if named:
        keys.add(named[0])
        keys.add(named[0] + _NON_ALNUM.sub("", named[1]))
    return {name_key(k) for k in keys if k}


def outlet_from_url(url: str | None, text: str = "", *,
                    outlets: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(outlet name, how it was found) for the page at ``url``, or None without a usable host.

    outlets: domain -> name; the registered outlet dictionaries by default.
    """
    host = host_of(url)
    if host is None:
        return None
    if outlets is None:
        from dyadwatch.dictionaries import outlet_map

        outlets = outlet_map()
    labels = host.split(".")
    for i in range(len(labels) - 1):
        domain = ".".join(labels[i:])
        name = outlets.get(domain)
        if name:
            return name, f"outlet dictionary: '{domain}' in the page address"
    named = domain_name_label(host)
    if named is None:
        return None
    label, suffix = named
    if label in _NOISE_LABELS:
        return None
    spelled = _spelled_in_text(label, suffix, text)
    if spelled and spelled == label.upper() and 3 <= len(label) <= 12:
        # "JIIA" -> "The Japan Institute of International Affairs": the name the acronym stands for
        spelled = _acronym_name(label, text) or spelled
    if spelled:
        return spelled, f"the site's name as the text writes it, matching '{host}'"
    return readable_name(label), f"name made from the page address '{host}'"

"""Find page chrome: lines of a retrieved page that are not article content.

Plain-text articles copied from web pages keep the page furniture around the story:
browser warnings, "Read more" links, cookie banners, share buttons, photo credits,
copyright footers. :func:`find_chrome` returns the character spans of such lines so the
caller can blank them (with spaces, keeping offsets) before analysis; the stored text
keeps them.

Rules (all applied to one whole line at a time, case-insensitively, after dropping
zero-width/bidi characters and collapsing whitespace):

* A line is chrome only when the **whole line** is boilerplate: every pattern is anchored
  at the start and the end of the line (``fullmatch``), and lines longer than
  ``MAX_CHROME_LINE`` characters are never chrome. A sentence of the article that merely
  contains "cookies" or "read more" is therefore never marked.
* Families: browser / JavaScript warnings ("IE 11 is not supported…"); read-more and
  related-link lines ("Read more", "Read more: <headline>", "Related: …"); continue
  reading / advertisement / skip-to-content lines; newsletter sign-ups; share and
  follow lines, and lines made only of social-network words ("Facebook | X | Email");
  cookie and consent lines ("We use cookies…", "Accept all cookies", "Cookie settings");
  subscribe / log-in / register lines; photo and image credits ("Photo: …",
  "Image credit: …", lines naming a picture agency such as Getty Images); copyright
  footers ("© 2024 …", "Copyright 2024 …", "… All rights reserved."); footer navigation
  ("Privacy policy | Terms of use"); the project's own sample marker line.
* Metadata lines (bylines, "Published: …", datelines, republication notes) are **not**
  chrome: :mod:`dyadwatch.ingest.metadata` reads them.

A span covers the line's visible content (leading and trailing whitespace and the line
break excluded). Spans are sorted and never overlap. Time is linear in the text length:
only lines up to ``MAX_CHROME_LINE`` characters are matched, and every pattern has bounded
repetition.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from dyadwatch.dictionaries.words import WORDS_ENV_VAR, word_lists

__all__ = ["MAX_CHROME_LINE", "find_chrome", "is_chrome_line"]

#: lines longer than this (characters, after trimming) are article content, never chrome
MAX_CHROME_LINE = 400

#: zero-width, bidi-control and NUL characters, dropped before matching
_INVISIBLE = re.compile("[\x00\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")
#: one line: a run of characters up to a line break (\n, \r\n or a lone \r)
_LINE = re.compile(r"[^\r\n]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})

# Each entry is matched with fullmatch against the normalised line, so it must describe
# the whole line. Repetition is always bounded ({m,n}); lines are at most MAX_CHROME_LINE.
_END = r"\s*[.!…>»›→]*"
_PATTERNS: tuple[str, ...] = (
    # browser and JavaScript warnings
    r"(?:internet explorer|ie ?\d{1,2}) (?:is|are) (?:not|no longer) supported\b.{0,250}",
    r"(?:your|this) (?:web )?browser(?: version)? (?:is )?"
    r"(?:not supported|no longer supported|out of date|outdated|unsupported)\b.{0,250}",
    r"for an? (?:optimal|better|the best|improved) (?:viewing )?experience\b.{0,120}\bbrowser\b.{0,80}",
    r"(?:please )?(?:upgrade|update|switch) (?:your browser|to a (?:newer|modern|different|supported) browser)"
    r"\b.{0,200}",
    r"(?:please )?(?:enable|turn on) javascript\b.{0,200}",
    r"(?:you need to enable |this (?:site|page) requires )?javascript(?: is)? "
    r"(?:disabled|required|must be enabled|is not enabled)\b.{0,200}",
    # read more, related links, continue reading
    r"read (?:more|the full (?:story|article)|full (?:story|article))" + _END,
    r"read (?:more|the full (?:story|article)|full (?:story|article))"
    r"\s*(?::|\||-|–|—|»|›|→|\.\.\.|…)\s*.{0,250}",
    r"(?:related|see also|also read|read also|recommended|further reading|more on this(?: story| topic)?"
    r"|more coverage|more from [\w .&'-]{1,40})\s*:\s*.{0,250}",
    r"(?:related(?: articles?| stories| content| coverage| reading| topics)?"
    r"|recommended(?: for you| stories| reading| articles)?|you (?:may|might) also like|more from [\w .&'-]{1,40}"
    r"|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|latest (?:news|stories)"
    r"|more stories|editor's picks|what to read next)\s*:?",
    r"continue reading(?: (?:the |this )?(?:main )?(?:story|article))?(?: below)?" + _END,
    r"(?:the )?(?:story|article) continues (?:below|after (?:the |this )?(?:advertisement|ad))" + _END,
    # advertisements
    r"(?:advertisement|advertising|ad|sponsored(?: content| post)?|paid (?:content|post|partner content))"
    r"(?:\s*(?:-|–|—|·|\||:)\s*(?:scroll|continue|story continues)[\w ]{0,40})?" + _END,
    r"(?:the )?(?:story|article|content) continues below (?:the |this )?advertisement" + _END,
    # navigation
    r"(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|search|footer|article|menu|main)" + _END,
    r"(?:back to top|top of page|loading\.{0,3}|menu|search|close|home|print|email|e-mail|comments?|save|bookmark"
    r"|listen|listen to (?:this|the) (?:article|story|episode)(?: \(?\d{1,3} min(?:utes?)?\)?)?"
    r"|\d{1,3} ?min(?:ute)?s? read|gift (?:this )?article)" + _END,
    r"click here\b.{0,120}",
    # newsletters
    r"(?:sign up|subscribe|register)(?: now| today| here| free)? (?:for|to)\b.{0,80}?\bnewsletters?\b.{0,150}",
    r"(?:get|join|try) (?:our|the)\b.{0,60}?\bnewsletters?\b.{0,120}",
    r"(?:our |the )?newsletters?(?: sign[- ]?up)?" + _END,
    # sharing and following
    r"share (?:this|the) (?:article|story|page|post|video)\b.{0,80}",
    r"follow (?:us|@\w{1,30}|[\w .&'-]{1,40}) on "
    r"(?:twitter|x|facebook|instagram|linkedin|youtube|telegram|threads|bluesky|google news|whatsapp)\b.{0,80}",
    # cookies and consent: "We use cookies" only with the words of a consent banner after it
    r"(?:we|this (?:web)?site|our (?:web)?site|this page)"
    r"(?: and (?:our|selected|third[- ]party) (?:partners|vendors|third parties))?"
    r" (?:uses?|may use|is using|use third-party) cookies(?:" + _END + r"|\b.{0,150}?"
    r"\b(?:experience|personali[sz]\w*|analy[sz]\w*|traffic|improve|brows\w*|consent|agree|privacy|advertis\w*|ads"
    r"|functionality|(?:web)?site|services?|preferences|learn more|cookie policy)\b.{0,300})",
    r"(?:accept|allow|reject|decline|refuse|deny)(?: all| necessary| essential| optional| only essential)?"
    r"(?: cookies)?(?: (?:and|&) (?:close|continue))?" + _END,
    r"(?:cookie|privacy) (?:policy|settings|preferences|notice|consent|choices|statement)" + _END,
    r"(?:manage|customi[sz]e|change|update) (?:your )?(?:cookie |privacy )?(?:settings|preferences|consent|choices)"
    + _END,
    r"by (?:continuing to (?:use|browse)|using|clicking|browsing)\b.{0,200}?"
    r"\b(?:cookies|privacy policy|terms of (?:use|service))\b.{0,200}",
    r"(?:i agree|i accept|got it|ok, got it|do not sell(?: or share)? my personal information)" + _END,
    # subscribe, log in
    r"subscribe(?: now| today| here)?(?: (?:to|for) [^.!?]{1,60})?" + _END,
    r"(?:already (?:a subscriber|have an account|registered)\?? ?)?"
    r"(?:log ?in|sign ?in|login|log out|sign out|register|sign up|create (?:an|a free) account|my account)"
    r"(?: ?(?:/|\||or|and) ?(?:log ?in|sign ?in|login|register|sign up|subscribe|create (?:an|a free) account)){0,3}"
    r"(?: (?:here|now|to (?:continue|read|comment|save)\b.{0,60}))?" + _END,
    # photo and image credits
    r"(?:(?:top|header|cover|featured|lead|main|file|feature) )?"
    r"(?:photo|photograph|image|picture|illustration|photo illustration|graphic|video|credit|photo credit"
    r"|image credit|image source|picture credit|photo source)s?\s*(?::|\||by\b)\s*.{1,250}",
    r"[(\[](?:photo|image|picture|credit|photograph|illustration)s?\b.{0,250}[)\]]\.?",
    r".{0,150}\b(?:getty images|shutterstock|alamy(?: stock photo)?|imago images)\b.{0,60}",
    # copyright footers
    r"(?:©|ⓒ|\(c\)|copyright ?(?:©|\(c\)|\d{4}))\s*.{0,300}",
    r"\d{4}(?: ?[-–] ?\d{4})? ?©.{0,300}",
    r".{0,250}\ball rights reserved" + _END,
    r"[\w .&'-]{1,60} ?(?:©|ⓒ|\(c\)) ?\d{4}.{0,250}",
    # reuse terms: "Reproduction of materials is permitted only with a hyperlink to …"
    r"(?:any |the )?(?:use|reproduction|copying|republication|reprinting) of (?:the |our |this )?"
    r"(?:materials?|content|articles?|texts?)\b.{0,120}\b(?:prohibited|forbidden|not allowed|allowed only"
    r"|permitted only|only with|only if|without (?:the )?(?:written )?permission)\b.{0,200}",
    # footer navigation
    r"(?:(?:privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us|cookie policy"
    r"|accessibility|sitemap|careers|advertise(?: with us)?|help|faq|rss)(?: ?[|·•/] ?|$)){1,12}",
    # the project's own sample marker
    r"illustrative sample written for the dyadwatch project; not real reporting" + _END,
)
_CHROME = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)

def social_words(lang: str = "en") -> frozenset[str]:
    """The words a share/follow button bar is made of (``dictionaries/data/<lang>/chrome.v<N>.json``),
    read once per setting of DYADWATCH_WORD_LISTS."""
    return _social_words(lang, os.environ.get(WORDS_ENV_VAR) or "")


@lru_cache(maxsize=8)
def _social_words(lang: str, env_value: str) -> frozenset[str]:
    return word_lists("chrome", lang).words("social_words")


_SOCIAL_PREFIX = re.compile(
    r"^(?:share|follow us|share this(?: article| story| page| post)?)(?: (?:on|via|to|with))?\s*:?\s*", re.IGNORECASE
)
_SOCIAL_SPLIT = re.compile(r"[\s|·•,/]+")


def _normalise(line: str) -> str:
    """Line as matched: invisible characters dropped, quotes straightened, spaces collapsed."""
    line = _INVISIBLE.sub("", line).translate(_QUOTES)
    return _SPACES.sub(" ", line).strip()


def _is_social_bar(norm: str) -> bool:
    """True for a line made only of share/social words ("Share on Facebook", "Facebook | X | Email")."""
    rest = _SOCIAL_PREFIX.sub("", norm.lower()).replace("copy link", "copylink")
    words = [w for w in _SOCIAL_SPLIT.split(rest) if w]
    if not words:
        # "Share", "Share:" or "Share on" alone
        return bool(_SOCIAL_PREFIX.match(norm))
    social = social_words()
    return len(words) <= 12 and all(w in social for w in words)


def is_chrome_line(line: str) -> bool:
    """True when the whole line is page chrome (see the module docstring)."""
    if len(line) > MAX_CHROME_LINE * 2:
        return False
    norm = _normalise(line)
    if not norm or len(norm) > MAX_CHROME_LINE:
        return False
    return _CHROME.fullmatch(norm) is not None or _is_social_bar(norm)


def find_chrome(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text`` that are page chrome.

    text (str): the article text as retrieved.
    RETURNS (list[tuple[int, int]]): (start, end) character offsets, end exclusive, sorted and
        non-overlapping; each covers one line's content without its line break.

    >>> find_chrome("Advertisement\\nChina and Russia met.\\n")
    [(0, 13)]
    """
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        if end - start > MAX_CHROME_LINE * 2:
            continue
        line = match.group()
        stripped = line.strip()
        if stripped and is_chrome_line(stripped):
            start += len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
    return spans

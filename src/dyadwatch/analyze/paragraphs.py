"""``dyadwatch_paragraphs``: a line break always ends a sentence.

Headlines, section headings and bylines have no final full stop; without this the parser
often glues them to the next paragraph's first sentence. Runs before the parser, which keeps
sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


#: a line of at most this many tokens with no sentence end inside is one sentence (a headline)
HEADLINE_TOKENS = 24
_ENDS = frozenset({".", "!", "?", ";", ":"})


@Language.component("dyadwatch_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    after_break = False
    line_start = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            _keep_together(doc, line_start, token.i)
            after_break = True
            line_start = token.i + 1
            continue
        if after_break and token.i > 0:
            _keep_together(doc, line_start, token.i)
            token.is_sent_start = True
            line_start = token.i
        after_break = "\n" in token.whitespace_
    _keep_together(doc, line_start, len(doc))
    return doc


def _keep_together(doc: Doc, start: int, end: int) -> None:
    """A short line with no sentence end before its last token is one sentence: the parser
    otherwise splits a title-case headline ("Türkiye, Greece Target USD10B | Trade Deal")."""
    if end - start < 2 or end - start > HEADLINE_TOKENS:
        return
    if any(doc[i].text in _ENDS for i in range(start, end - 1)):
        return
    for i in range(start + 1, end):
        if not doc[i].is_space:
            doc[i].is_sent_start = False


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inwards past white space: a sentence's span as evidence shows it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

"""``dyadwatch_paragraphs``: a line break ends a sentence, unless the text is hard-wrapped.

Headlines, section headings and bylines have no final full stop; without this the parser
often glues them to the next paragraph's first sentence. Runs before the parser, which keeps
sentence starts that are already set.

Some texts arrive hard-wrapped: wire copy, plain-text newsletters and pages saved as text break
every line at a fixed width, in the middle of sentences. There a line break that merely fills the
line is no sentence end: a line of such a text that runs to (nearly) the width the text is
wrapped at continues on the next line; a shorter line ends its paragraph, as it does in any text.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyadwatch.analyze.docview import doc_text, doc_tokens


#: a line of at most this many tokens with no sentence end inside is one sentence (a headline)
HEADLINE_TOKENS = 24
_ENDS = frozenset({".", "!", "?", ";", ":"})

#: hard wrapping: a text wraps at most this wide (characters; paragraphs typed as one line run longer)
WRAP_WIDTH_MAX = 100
#: ... and has at least this many lines followed by another line of the same paragraph
WRAP_MIN_LINES = 6
#: ... most of which (this share) fill the width to within WRAP_FILL of it
WRAP_SHARE = 0.6
WRAP_FILL = 0.75


@Language.component("dyadwatch_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    wraps = wrapped_line_breaks(doc_text(doc))
    after_break = False
    line_start = 0
    for token in doc_tokens(doc):
        if token.is_space and "\n" in token.text:
            if token.idx in wraps:
                after_break = False
                continue
            _keep_together(doc, line_start, token.i)
            after_break = True
            line_start = token.i + 1
            continue
        if after_break and token.i > 0:
            _keep_together(doc, line_start, token.i)
            token.is_sent_start = True
            line_start = token.i
        after_break = "\n" in token.whitespace_ and token.idx + len(token.text) not in wraps
    _keep_together(doc, line_start, len(doc))
    return doc


def wrapped_line_breaks(text: str) -> frozenset[int]:
    """The offsets of the line breaks of ``text`` that only wrap a line: none unless the text is
    hard-wrapped (most lines inside its paragraphs end near one width of at most
    ``WRAP_WIDTH_MAX``), and then each single line break after a line that reaches that width.

    >>> sorted(wrapped_line_breaks("Title\\n\\n" + "a" * 58 + "\\n" + ("b" * 60 + "\\n") * 6 + "end."))
    [65, 126, 187, 248, 309, 370, 431]
    >>> wrapped_line_breaks("One paragraph.\\nAnother paragraph.\\n")
    frozenset()
    """
    inner: list[tuple[int, int]] = []  # (length, offset of its line break) of lines a line follows
    lines = text.split("\n")
    start = 0
    for line, following in zip(lines, lines[1:]):
        end = start + len(line)
        if line.strip() and following.strip():
            inner.append((len(line.rstrip()), end))
        start = end + 1
    if len(inner) < WRAP_MIN_LINES:
        return frozenset()
    lengths = sorted(n for n, _ in inner)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > WRAP_WIDTH_MAX or lengths[-1] > WRAP_WIDTH_MAX + 10:
        return frozenset()
    filled = [end for n, end in inner if n >= WRAP_FILL * width]
    if len(filled) < WRAP_SHARE * len(inner):
        return frozenset()
    return frozenset(filled)


def _keep_together(doc: Doc, start: int, end: int) -> None:
    """A short line with no sentence end before its last token is one sentence: the parser
    otherwise splits a title-case headline ("Hungary, Serbia Target USD10B | Trade Deal")."""
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

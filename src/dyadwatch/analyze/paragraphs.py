"""``dyadwatch_paragraphs``: a line break always ends a sentence.

Headlines, section headings and bylines have no final full stop; without this the parser
often glues them to the next paragraph's first sentence. Runs before the parser, which keeps
sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dyadwatch_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc

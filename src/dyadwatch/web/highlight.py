"""A document's text as HTML, with what was found in it marked in place.

The text is untrusted: every character of it goes through ``markupsafe.escape``; only the
tags built here are markup. Marks may overlap in any way (a quote running over two
sentences, a mention inside a trigger), so they are nested by splitting: when a mark ends
while marks opened after it are still open, those are closed and reopened around it. Only
the first piece of a mark carries its ``id``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass
class Mark:
    """A span of the text to wrap in a tag.

    start/end: offsets into the text (end exclusive). tag/classes/attrs: the element.
    anchor: id of the first piece. layer: smaller layers open first when two marks start at
    the same offset (sentence before quote before mention).
    """

    start: int
    end: int
    tag: str = "span"
    classes: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    anchor: str | None = None
    layer: int = 5

    def open(self, first: bool) -> str:
        parts = [self.tag]
        if first and self.anchor:
            parts.append(f'id="{escape(self.anchor)}"')
        if self.classes:
            parts.append(f'class="{escape(self.classes)}"')
        for key, value in self.attrs.items():
            parts.append(f'{key}="{escape(value)}"')
        return "<" + " ".join(parts) + ">"

    def close(self) -> str:
        return f"</{self.tag}>"


@dataclass
class Point:
    """Markup inserted at one offset, after the marks that end there (e.g. a numbered link)."""

    offset: int
    html: Markup
    order: int = 0


def render(text: str, marks: list[Mark], points: list[Point] | None = None) -> Markup:
    """``text`` with ``marks`` and ``points`` inserted, all text escaped."""
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    points = [p for p in (points or []) if 0 <= p.offset <= n]
    opens: dict[int, list[Mark]] = {}
    closes: dict[int, list[Mark]] = {}
    for m in marks:
        opens.setdefault(m.start, []).append(m)
        closes.setdefault(m.end, []).append(m)
    at: dict[int, list[Point]] = {}
    for p in points:
        at.setdefault(p.offset, []).append(p)
    cuts = sorted(set(opens) | set(closes) | set(at) | {n})

    out: list[str] = []
    stack: list[Mark] = []
    last = 0
    for pos in cuts:
        out.append(str(escape(text[last:pos])))
        last = pos
        ending = closes.get(pos, [])
        if ending:
            ending_ids = {id(m) for m in ending}
            reopen: list[Mark] = []
            while any(id(m) in ending_ids for m in stack):
                m = stack.pop()
                out.append(m.close())
                if id(m) not in ending_ids:
                    reopen.append(m)
            for m in reversed(reopen):
                out.append(m.open(first=False))
                stack.append(m)
        for p in sorted(at.get(pos, []), key=lambda p: p.order):
            out.append(str(p.html))
        for m in sorted(opens.get(pos, []), key=lambda m: (m.layer, -m.end)):
            out.append(m.open(first=True))
            stack.append(m)
    for m in reversed(stack):  # only marks ending at len(text) can remain; close them
        out.append(m.close())
    return Markup("".join(out))


def highlight_words(text: str, words: list[tuple[str, bool]], *, limit: int | None = None) -> Markup:
    """``text`` escaped, with the searched words marked (whole words, or prefixes for ``word*``).

    limit: cut the text to about this many characters around the first match.
    """
    import re

    if limit is not None and len(text) > limit:
        first = None
        for word, _prefix in words:
            m = re.search(r"\b" + re.escape(word), text, re.IGNORECASE)
            if m and (first is None or m.start() < first):
                first = m.start()
        start = max(0, (first or 0) - limit // 3)
        end = min(len(text), start + limit)
        text = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    if not words:
        return escape(text)
    pattern = "|".join(r"\b" + re.escape(w) + (r"\w*" if prefix else r"\b") for w, prefix in words)
    marks = [Mark(m.start(), m.end(), tag="mark", classes="hit") for m in re.finditer(pattern, text, re.IGNORECASE)]
    return render(text, marks)

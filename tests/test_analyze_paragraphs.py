"""Line breaks and sentences (``dyadwatch_paragraphs``) through the real pipeline: a break ends a
sentence, except the breaks of a hard-wrapped text that only fill a line."""

from __future__ import annotations

import textwrap

import pytest

from dyadwatch.analyze.paragraphs import wrapped_line_breaks

REPORT = ("Peru's foreign minister said on Tuesday that the government had expelled the ambassador "
          "of Bolivia after the two countries failed to agree on a plan to reopen the border crossing, "
          "and accused La Paz of sheltering smugglers operating along the frontier. "
          "Bolivia rejected the accusation and said it would recall its own envoy from Lima.")
SECOND = ("Officials in both capitals said trade through the crossing had fallen sharply over the year, "
          "and business groups on both sides urged the governments to resume talks before the harvest.")


def sentences(doc) -> list[str]:
    return [" ".join(s.text.split()) for s in doc.sents]


@pytest.mark.parametrize("width", [60, 72, 80])
def test_hard_wrapped_text_keeps_its_sentences(nlp, width):
    text = "Peru expels Bolivian envoy\n\n" + textwrap.fill(REPORT, width) + "\n\n" + textwrap.fill(SECOND, width)
    assert wrapped_line_breaks(text)
    got = sentences(nlp(text))
    assert got[0] == "Peru expels Bolivian envoy"
    assert got[1].startswith("Peru's foreign minister said") and got[1].endswith("along the frontier.")
    assert got[2] == "Bolivia rejected the accusation and said it would recall its own envoy from Lima."
    assert got[3].startswith("Officials in both capitals") and got[3].endswith("before the harvest.")


def test_wrapped_sentence_is_coded_whole(nlp):
    """Split at its line breaks, "failed to / agree" lost its negation and became an agreement."""
    text = textwrap.fill(REPORT, 60) + "\n\n" + textwrap.fill(SECOND, 60)
    events = {(e["source"], e["target"], e["type"], e["negated"]) for e in nlp(text)._.dw_events}
    assert ("PER", "BOL", "SANCTION", False) in events  # expelled the ambassador
    assert ("PER", "BOL", "AGREE", True) in events  # failed to agree
    assert not any(t == "AGREE" and not neg for _, _, t, neg in events)


def test_short_lines_of_a_wrapped_text_still_end_paragraphs(nlp):
    body = textwrap.fill(REPORT, 70)
    text = "Peru expels Bolivian envoy\nBy a staff reporter\n\n" + body + "\nEnd of report\n" + textwrap.fill(SECOND, 70)
    got = sentences(nlp(text))
    assert got[:2] == ["Peru expels Bolivian envoy", "By a staff reporter"]
    assert "End of report" in got


@pytest.mark.parametrize("text", [
    # paragraphs typed as one line each, however many
    "\n".join([REPORT, SECOND] * 4),
    # a list of short items: nothing fills a width
    "\n".join(["Talks resumed.", "Envoys returned.", "Trade grew by 4 percent.", "A summit is planned."] * 3),
    # headline, byline, date and a body of long lines
    "Peru and Bolivia reopen border\nBy Ana Ruiz\nMarch 3, 2025\n" + "\n".join([REPORT, SECOND]),
])
def test_ordinary_line_breaks_still_end_sentences(nlp, text):
    assert wrapped_line_breaks(text) == frozenset()
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    got = sentences(nlp(text))
    # every line starts a sentence
    assert all(any(s.startswith(line[:25]) for s in got) for line in lines)


def test_figure_measure_read_across_a_wrapped_line(nlp):
    words = ("Trade between the two neighbours has slowed since the crossing was closed in the spring, "
             "and exporters on both sides of the frontier have asked for a quick settlement. "
             "The ministry said on Monday that talks with Bolivia on the border crossing would resume "
             "next week after customs officers seized cargo from companies based in Lima, and that "
             "the government was ready to discuss compensation for the").split()
    lines, line = [], ""
    for word in words:  # wrapped at 60, then the figure split over a line break by hand
        if len(line) + len(word) + 1 > 60:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    text = "\n".join(lines + [line + " 14 Peruvian", "truck drivers held at the crossing for three days."])
    assert wrapped_line_breaks(text)
    figures = [f for f in nlp(text)._.dw_figures if f["value"] == 14]
    assert figures and "\n" in figures[0]["raw"]
    assert figures[0]["measure"] == "Peruvian truck drivers"

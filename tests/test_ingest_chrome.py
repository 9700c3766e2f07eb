"""Tests for dyadwatch.ingest.chrome: page chrome lines, and article lines that are not."""

from __future__ import annotations

import time

import pytest

from dyadwatch.ingest.chrome import find_chrome, is_chrome_line


@pytest.mark.parametrize(
    "line",
    [
        # browser and JavaScript warnings
        "IE 11 is not supported. For a better experience, open this site in another browser.",
        "Internet Explorer is no longer supported. Please use a different browser.",
        "Your browser is out of date. Please update your browser to view this site.",
        "Please enable JavaScript to view this page.",
        "JavaScript is disabled in your browser.",
        # read more, related, continue reading
        "Read more",
        "Read more:",
        "READ MORE: Pacific nations weigh a new fisheries pact",
        "Read more » Ministers meet in Geneva",
        "Related: How the grain corridor collapsed",
        "Related Articles",
        "Most Read",
        "You may also like",
        "Continue reading",
        "Continue reading the main story",
        "Story continues below advertisement",
        # advertisements and navigation
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisement - Scroll to continue",
        "Skip to content",
        "Skip to main content",
        "Back to top",
        "5 min read",
        "Listen to this article",
        "Click here to download the full report.",
        # newsletters
        "Sign up for our newsletter",
        "Sign up for the Morning Brief newsletter and get the top stories every day.",
        "Subscribe to our weekly newsletter",
        "Get our free newsletter",
        "Newsletter",
        # sharing and following
        "Share this article",
        "Share",
        "Share on Facebook",
        "Facebook | Twitter | LinkedIn | Email",
        "Facebook Twitter WhatsApp Copy link",
        "Follow us on Twitter",
        # cookies and consent
        "We use cookies to improve your experience on our site.",
        "We use cookies and similar technologies. By continuing to browse you agree to our use of cookies. Learn more",
        "This website uses cookies to ensure you get the best experience.",
        "Accept all cookies",
        "Accept",
        "Reject all",
        "Cookie settings",
        "Manage preferences",
        "By using this site, you agree to our Privacy Policy and Terms of Use.",
        # subscribe / log in
        "Subscribe",
        "Subscribe now",
        "Subscribe to continue reading",
        "Log in",
        "Sign in",
        "Log in / Register",
        "Already a subscriber? Log in",
        "Create a free account",
        # photo and image credits
        "Photo: Reuters",
        "Photo: Jane Lens/AFP",
        "Image credit: Ministry of Defence",
        "Photograph: Ann Shutter/Getty Images",
        "(Photo by Jane Lens/Getty Images)",
        "Delegates arrive for the summit. Sam Click/AFP via Getty Images",
        "File photo: A cargo ship at the port",
        # copyright footers
        "© 2024 Media Hook, All rights reserved",
        "© Example News Ltd",
        "Copyright © 2023 The Daily Planet. All rights reserved.",
        "Copyright 2022 Example Media Group",
        "2024 © Global Desk",
        "Example Publishing Co. All rights reserved.",
        # footer navigation
        "Privacy Policy | Terms of Use | Contact Us",
        # the project's sample marker
        "Illustrative sample written for the dyadwatch project; not real reporting.",
        # robustness of matching: spacing, case, invisible characters
        "  read   MORE  ",
        "Advertise\u200bment",
        "\u202bAdvertisement\u202c",
    ],
)
def test_chrome_line_is_marked(line: str) -> None:
    assert is_chrome_line(line)
    text = f"Opening paragraph of the article.\n{line}\nClosing paragraph of the article."
    spans = find_chrome(text)
    assert len(spans) == 1
    start, end = spans[0]
    assert text[start:end] == line.strip()


@pytest.mark.parametrize(
    "line",
    [
        # article sentences that merely mention chrome words
        "Officials said the agency would read more than 300 intercepted messages before deciding.",
        "Read more closely, the communiqué commits neither side to anything new.",
        "Regulators said the site had used cookies to track visitors from both countries.",
        "We use cookies, one delegate joked, as a metaphor for the crumbs of trade both sides leave on the table.",
        "The ministry urged citizens to subscribe to the emergency alert service before the storm.",
        "Advertisement revenue at state broadcasters fell by a third after the sanctions.",
        "Share prices in Moscow fell 4 percent after the announcement.",
        "Photographers were barred from the meeting in Samarkand.",
        "Copyright disputes between the two countries' firms have multiplied since 2020.",
        "The photo showed the two leaders shaking hands in the Kremlin.",
        "Continue reading is what the envoy told reporters he would do with the draft.",
        "Log files obtained by investigators show the intrusion began in March.",
        "Skipping the summit would send a message to Beijing, analysts said.",
        "Both governments accept the terms of the ceasefire, a spokesman said.",
        # metadata lines are not chrome: the metadata reader needs them
        "By Jane Doe, Asia correspondent",
        "Published: March 12, 2024",
        "This article previously appeared in the Daily Planet, on May 2, 2021.",
        "BEIJING, March 3 (Reuters) - China said on Monday it would expand trade with Russia.",
        "Jane Doe is a geopolitical analyst for Example News, specializing in Eurasia.",
        # headings and titles
        "The Distance Beneath the Diplomatic Warmth",
        "China and Russia sign energy pact",
        "",
    ],
)
def test_article_line_is_not_chrome(line: str) -> None:
    assert not is_chrome_line(line)
    assert find_chrome(f"{line}\nSecond line of the article.") == []


def test_chrome_long_line_containing_chrome_words_is_not_chrome() -> None:
    line = "We use cookies " + "and the article goes on " * 40
    assert find_chrome(line) == []


def test_chrome_spans_sorted_non_overlapping_and_exclude_newlines() -> None:
    text = "Skip to content\r\n\nHeadline of the story\n  Advertisement  \nBody text here.\nShare this article"
    spans = find_chrome(text)
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    assert [text[s:e] for s, e in spans] == ["Skip to content", "Advertisement", "Share this article"]
    for start, end in spans:
        assert "\n" not in text[start:end] and "\r" not in text[start:end]


def test_chrome_lone_carriage_returns_end_lines() -> None:
    text = "Advertisement\rChina and Russia met.\rRead more"
    assert [text[s:e] for s, e in find_chrome(text)] == ["Advertisement", "Read more"]


def test_chrome_offsets_are_stable_when_blanked() -> None:
    text = "Advertisement\nChina and Russia met.\nRead more\n"
    blanked = list(text)
    for start, end in find_chrome(text):
        blanked[start:end] = " " * (end - start)
    analysed = "".join(blanked)
    assert len(analysed) == len(text)
    assert analysed.index("China") == text.index("China")
    assert "Advertisement" not in analysed and "Read more" not in analysed


@pytest.mark.parametrize(
    "text",
    ["", "\n", "\n\n\n", "\x00\x00", "\u200b\u200f\u202e", "שלום עולם\nمرحبا", "a" * 1_000_000,
     "Advertisement" * 100_000, "\n" * 200_000, ("Read more: " + "x " * 500 + "\n") * 500],
    ids=lambda text: f"{len(text)}-chars",
)
def test_chrome_any_string_returns_quickly(text: str) -> None:
    started = time.perf_counter()
    spans = find_chrome(text)
    assert time.perf_counter() - started < 2.0
    assert all(0 <= s < e <= len(text) for s, e in spans)


def test_chrome_one_megabyte_line_of_near_matches() -> None:
    # Near-misses for the patterns, repeated: must stay linear (no catastrophic backtracking).
    text = ("© " + "all rights " * 100_000 + "\n") + ("Share " * 200_000)
    started = time.perf_counter()
    assert find_chrome(text) == []
    assert time.perf_counter() - started < 2.0


_PIECES = ["Advertisement", "Read more", "We use cookies", "©", "Share", "Photo:", "By Jane Doe", "\n", "\r\n",
           " ", "\u200b", "\x00", "All rights reserved", "|", "Subscribe", "cookies", "Log in", "שלום"]


def test_chrome_spans_are_valid_for_arbitrary_text() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    strategies = hypothesis.strategies

    piece = strategies.one_of(strategies.sampled_from(_PIECES), strategies.text(max_size=20))

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(strategies.lists(piece, max_size=40))
    def check(pieces: list[str]) -> None:
        text = "".join(pieces)
        spans = find_chrome(text)
        assert spans == sorted(spans)
        for index, (start, end) in enumerate(spans):
            limit = spans[index + 1][0] if index + 1 < len(spans) else len(text)
            assert 0 <= start < end <= limit
            assert "\n" not in text[start:end] and "\r" not in text[start:end]

    check()

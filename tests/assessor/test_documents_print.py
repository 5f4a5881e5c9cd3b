"""Clear print, read back from every example document: sizes, line spacing, left alignment,
no text over pictures, the embedded typeface with no italics, and the PDF's metadata."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest
from pypdf import PdfReader

from assessor.documents import DocumentKind, PrintContext, build, kinds_for
from assessor.documents.formats import LARGE, STANDARD, print_format
from assessor.documents.layout import DEFAULT_AUTHOR
from tests.assessor.documents_helpers import TEAM, TODAY, Example, load_example

NAMES = ["Peggy", "Des", "Priya", "Win", "Tomek", "Eileen", "Bernie"]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Example]:
    loaded = load_example(tmp_path_factory.mktemp("store"))
    yield loaded
    loaded.store.close()


def every_document(example: Example) -> Iterator[tuple[str, DocumentKind]]:
    for name in NAMES:
        for kind in kinds_for(example.files[name]):
            yield name, kind


def size_of(char: dict[str, Any]) -> float:
    """A character's size in points, as set (reading back leaves tiny rounding errors)."""
    return round(char["size"], 2)


def body_size(chars: list[dict[str, Any]]) -> float:
    """The size most of the characters are set in."""
    return Counter(size_of(char) for char in chars).most_common(1)[0][0]


def lines(chars: list[dict[str, Any]]) -> dict[tuple[int, float], list[dict[str, Any]]]:
    """Characters by page and line (the top of the line, rounded)."""
    found: dict[tuple[int, float], list[dict[str, Any]]] = {}
    for char in chars:
        found.setdefault((char["page_number"], round(char["top"])), []).append(char)
    return found


def test_in_large_print_nothing_is_smaller_than_16_point(example: Example) -> None:
    for name, kind in every_document(example):
        chars = example.drawn(name, kind, LARGE).chars
        assert min(size_of(char) for char in chars) >= 16, (name, kind)
        assert body_size(chars) == 18


def test_in_standard_print_the_body_is_12_point_and_nothing_smaller(example: Example) -> None:
    for name, kind in every_document(example):
        chars = example.drawn(name, kind, STANDARD).chars
        assert min(size_of(char) for char in chars) >= 12, (name, kind)
        assert body_size(chars) == 12


@pytest.mark.parametrize("size", [13, 14, 16, 24])
def test_every_offered_size_sets_the_body_in_it(example: Example, size: int) -> None:
    chars = example.drawn("Peggy", DocumentKind.MY_PLAN, print_format(size)).chars
    assert body_size(chars) == size
    assert min(size_of(char) for char in chars) == size  # headings are larger, never smaller


@pytest.mark.parametrize(("fmt", "spacing"), [(LARGE, 1.5), (STANDARD, 1.3)])
def test_lines_are_generously_spaced(example: Example, fmt: Any, spacing: float) -> None:
    """Measured between lines of body text: 1.5 times the size in large print."""
    for name, kind in every_document(example):
        body = [c for c in example.drawn(name, kind, fmt).chars if size_of(c) == fmt.size]
        tops = sorted(lines(body))
        gaps = [b[1] - a[1] for a, b in pairwise(tops) if a[0] == b[0]]
        assert min(gaps) >= round(fmt.size * spacing) - 1, (name, kind)


def test_text_is_left_aligned_and_never_over_a_picture(example: Example) -> None:
    """Every line starts at the margin or at one of the few columns of a table or a
    picture's words: no centred or justified text."""
    for name, kind in every_document(example):
        for fmt in (STANDARD, LARGE):
            drawn = example.drawn(name, kind, fmt)
            starts = {round(min(c["x0"] for c in line)) for line in lines(drawn.chars).values()}
            assert len(starts) <= 3, (name, kind, fmt, starts)
            for box in drawn.rects:
                inside = [
                    c["text"]
                    for c in drawn.chars
                    if c["page_number"] == box["page_number"]
                    and c["x0"] < box["x1"]
                    and c["x1"] > box["x0"]
                    and c["top"] < box["bottom"]
                    and c["bottom"] > box["top"]
                ]
                assert inside == [], (name, kind, fmt)


def test_the_typeface_is_atkinson_hyperlegible_embedded_and_never_italic(
    example: Example,
) -> None:
    for name, kind in every_document(example):
        for page in PdfReader(io.BytesIO(example.pdf(name, kind, LARGE))).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert font["/Subtype"] == "/TrueType", font["/BaseFont"]
                assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
                assert font["/BaseFont"].split("+")[1] in {
                    "AtkinsonHyperlegible-Regular",
                    "AtkinsonHyperlegible-Bold",
                }
        assert not [c for c in example.drawn(name, kind, LARGE).chars if "Italic" in c["fontname"]]


def test_metadata_names_the_document_the_team_and_the_language(example: Example) -> None:
    titles = {
        DocumentKind.MY_PLAN: "My plan: Bernie Kelly",
        DocumentKind.CARER_PLAN: "My plan as a carer: Bernie Kelly",
        DocumentKind.RECORD: "Record of our conversation: Bernadette Kelly",
    }
    for kind, title in titles.items():
        reader = PdfReader(io.BytesIO(example.pdf("Bernie", kind)))
        assert reader.metadata is not None
        assert (reader.metadata.title, reader.metadata.author) == (title, TEAM.name)
        assert reader.metadata.subject
        catalog = reader.trailer["/Root"]
        assert catalog["/Lang"] == "en-GB"
        assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]


def test_without_a_team_the_author_is_adult_social_care(example: Example) -> None:
    pdf = build(
        DocumentKind.MY_PLAN, example.files["Peggy"], PrintContext(TODAY, "Sam Patel"), LARGE
    )
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata is not None and metadata.author == DEFAULT_AUTHOR == "Adult social care"

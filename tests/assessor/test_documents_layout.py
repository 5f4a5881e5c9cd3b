"""How printed documents fall on their pages, read back from the PDFs built for the example
caseload: no page holds only a line or two, a goal is never split across pages, and every
heading of a plan written as the person is in the first person."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from assessor.documents import DocumentKind, kinds_for
from assessor.documents.formats import STANDARD, print_format
from tests.assessor.documents_helpers import Example, load_example

NAMES = ["Peggy", "Des", "Priya", "Win", "Tomek", "Eileen", "Bernie"]
# Sizes at which some example document once left a line or two alone on a page.
SIZES = [12, 16, 18, 19, 23, 24]
EASY_READ_SIZES = [16, 18, 20, 22, 24]
PLAN = DocumentKind.MY_PLAN
FIRST_PERSON = re.compile(r"\b(I|me|my|we|us|our)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Example]:
    loaded = load_example(tmp_path_factory.mktemp("store"))
    yield loaded
    loaded.store.close()


def lines_per_page(pdf: bytes) -> list[int]:
    """How many lines of text each page holds, leaving out its footer."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [len({round(char["top"]) for char in page.chars}) - 1 for page in document.pages]


def page_texts(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("name", NAMES)
def test_no_page_holds_only_a_line_or_two(example: Example, name: str) -> None:
    """Bernie's plan in 18 point once ended with "Sam Patel will get in touch to arrange it."
    alone on its last page; Priya's in 23 point with only "When will we next talk?" and its
    line; Eileen's record in 18 point had a page of two lines before its page two."""
    for kind in kinds_for(example.files[name]):
        for size in SIZES:
            lines = lines_per_page(example.pdf(name, kind, print_format(size)))
            if len(lines) > 1:
                assert min(lines) >= 4, (kind, size, lines)


@pytest.mark.parametrize("name", NAMES)
def test_no_page_of_an_easy_read_plan_holds_only_a_line_or_two(example: Example, name: str) -> None:
    """A picture beside a heading is not text: Priya's plan in 18 point once ended with a
    page holding "When will we next talk?", its picture and one line; Des's in 20 point had
    a page of the last step of a goal's picture alone."""
    for size in EASY_READ_SIZES:
        lines = lines_per_page(example.pdf(name, PLAN, print_format(size, easy_read=True)))
        if len(lines) > 1:
            assert min(lines) >= 4, (size, lines)


@pytest.mark.parametrize("name", ["Peggy", "Des", "Eileen", "Bernie"])
def test_a_goal_is_never_split_across_pages(example: Example, name: str) -> None:
    """A goal's words, its dates, how it is going and its picture are on one page: in
    Peggy's plan at 13 point her first goal once began at the foot of page one and went on
    over the page, at 20 point all three of them did."""
    goals = example.files[name].goals
    for kind in kinds_for(example.files[name]):
        if kind is DocumentKind.RECORD:
            continue
        for size in (12, 13, 16, 18, 20, 24):
            pages = page_texts(example.pdf(name, kind, print_format(size)))
            going = [number for number, text in enumerate(pages) for _ in text.split("How it")[1:]]
            for number in range(1, len(goals) + 1):
                (starts,) = [page for page, text in enumerate(pages) if f"Goal {number} " in text]
                assert going[number - 1] == starts, (kind, size, number)


def headings(pdf: bytes, body_size: int) -> list[str]:
    """Every run of lines set in bold larger than the body: the title, headings and
    sub-headings, each whole though it wraps."""
    found: list[str] = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            lines: dict[int, list[dict[str, Any]]] = {}
            for char in page.chars:
                lines.setdefault(round(char["top"]), []).append(char)
            before = None
            for chars in lines.values():
                first = chars[0]
                size = first["size"] if "Bold" in first["fontname"] else 0
                words = "".join(char["text"] for char in chars)
                if size > body_size and size == before:
                    found[-1] += " " + words
                elif size > body_size:
                    found.append(words)
                before = size
    return found


@pytest.mark.parametrize("name", NAMES)
def test_every_heading_of_a_plan_is_in_the_first_person(example: Example, name: str) -> None:
    """A plan is the person's own, written as them: "What do I do in an emergency?", not
    "What happens in an emergency?". A heading may instead be a name, a date or a goal's
    number."""
    file = example.files[name]
    names = {file.person.display_name, *example.context(name).names.values()}
    for kind in kinds_for(file):
        if kind is DocumentKind.RECORD:
            continue
        for heading in headings(example.pdf(name, kind, STANDARD), STANDARD.size):
            if heading in names or re.fullmatch(r"(On \d+ \w+ \d{4}|Goal \d+)", heading):
                continue
            assert FIRST_PERSON.search(heading), (kind, heading)


def test_headings_read_back_include_every_section(example: Example) -> None:
    """The check above reads every heading: Peggy's plan has all of its sections."""
    found = headings(example.pdf("Peggy", DocumentKind.MY_PLAN), STANDARD.size)
    assert "What matters to me?" in found
    assert "What are my goals, and how are they going?" in found
    assert "Who is my worker, and how do I reach them?" in found

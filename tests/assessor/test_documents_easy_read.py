"""My plan in Easy Read, read back from the PDFs built for the example caseload: short
sentences, one idea to a line, at least 14 point, a picture beside each section, and the
person's own words kept exactly."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pdfplumber
import pytest
from pypdf import PdfReader

from assessor.documents import DocumentKind, PrintContext, build
from assessor.documents.formats import EASY_READ, format_for, print_format
from assessor.person_file import PersonFile
from assessor.team import Team
from tests.assessor.documents_helpers import TODAY, Example, load_example, text_of
from tests.assessor.test_documents_layout import FIRST_PERSON, headings

PLAN = DocumentKind.MY_PLAN
NAMES = ["Peggy", "Des", "Priya", "Win", "Tomek", "Eileen", "Bernie"]
LONGEST_SENTENCE = 15  # words
SECTION_HEADING = 6  # points larger than the body


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Example]:
    loaded = load_example(tmp_path_factory.mktemp("store"))
    yield loaded
    loaded.store.close()


def typed_texts(file: PersonFile) -> list[str]:
    """Everything people typed that the plan may print: their words and the worker's notes,
    which are theirs to word, not the document's."""
    texts = [entry.text for c in file.conversations.values() for entry in c.entries.values()]
    texts += [goal.words for goal in file.goals] + [goal.expected for goal in file.goals]
    texts += [step.words for plan in file.plans for step in plan.steps]
    return [text for text in texts if text.strip()]


def documents_own_sentences(pdf: bytes, file: PersonFile) -> list[str]:
    """The sentences the document writes itself: the text with every typed text taken out,
    cut where a sentence ends and where a line starts with a capital letter (a new line, a
    heading, a step of a picture)."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for typed in sorted(typed_texts(file), key=len, reverse=True):
        text = re.sub(r"\s+".join(map(re.escape, typed.split())), "\n", text)
    parts = re.split(r"(?<=[.?!:])\s+|\n(?=[A-Z0-9“])", text)
    return [" ".join(part.split()) for part in parts if part.strip()]


@pytest.mark.parametrize("name", NAMES)
def test_every_sentence_the_plan_writes_is_short(example: Example, name: str) -> None:
    sentences = documents_own_sentences(example.pdf(name, PLAN, EASY_READ), example.files[name])
    assert len(sentences) > 10
    for sentence in sentences:
        assert len(sentence.split()) <= LONGEST_SENTENCE, sentence


def test_the_short_sentences_check_finds_a_long_one(example: Example) -> None:
    """My plan's own "This plan runs from … to …. It is about moving, step by step, to needing
    less help." is one idea too many a line for Easy Read; the check above would see a
    sentence of more than 15 words in the clear-print plan."""
    tomek = example.files["Tomek"]
    clear = documents_own_sentences(example.pdf("Tomek", PLAN), tomek)
    assert max(len(sentence.split()) for sentence in clear) > LONGEST_SENTENCE


@pytest.mark.parametrize("size", [14, 16, 24])
def test_nothing_is_smaller_than_14_point(example: Example, size: int) -> None:
    chars = example.drawn("Peggy", PLAN, print_format(size, easy_read=True)).chars
    assert chars and min(char["size"] for char in chars) >= 14


def test_easy_read_is_never_smaller_than_14_point() -> None:
    with pytest.raises(ValueError, match="14 to 24 point"):
        print_format(12, easy_read=True)


@pytest.mark.parametrize("name", ["Peggy", "Des", "Tomek", "Bernie"])
def test_a_picture_beside_each_section(example: Example, name: str) -> None:
    """Each section's heading has a picture to its left, level with it; and no picture is
    anywhere else."""
    with pdfplumber.open(io.BytesIO(example.pdf(name, PLAN, EASY_READ))) as document:
        sections, pictures = 0, 0
        for page in document.pages:
            images = page.images
            pictures += len(images)
            for line in _heading_lines(page.chars, EASY_READ.size + SECTION_HEADING):
                sections += 1
                middle = (line["top"] + line["bottom"]) / 2
                beside = [
                    image
                    for image in images
                    if image["top"] <= middle <= image["bottom"] and image["x1"] < line["x0"]
                ]
                assert len(beside) == 1, line["text"]
    assert sections >= 3 and pictures == sections


def _heading_lines(chars: list[dict], size: float) -> list[dict]:
    lines: dict[int, list[dict]] = {}
    for char in chars:
        if "Bold" in char["fontname"] and round(char["size"]) == size:
            lines.setdefault(round(char["top"]), []).append(char)
    return [
        {
            "text": "".join(char["text"] for char in line),
            "top": min(char["top"] for char in line),
            "bottom": max(char["bottom"] for char in line),
            "x0": min(char["x0"] for char in line),
        }
        for line in lines.values()
    ]


def test_the_persons_own_words_are_kept_exactly(example: Example) -> None:
    text = example.text("Peggy", PLAN, EASY_READ)
    for quoted in (
        "In Peggy’s words: “Chapel, my garden, and not being a burden on Grace.”",
        "In Peggy’s words: “I want to sing in the choir again.”",
        "In Peggy’s words: “Get up and down my stairs without being frightened.”",
    ):
        assert quoted in text
    assert "Washes and dresses herself." in text  # a worker's note, not quoted as hers


def test_one_idea_to_a_line(example: Example) -> None:
    """What My plan says in one line ("Set on …. I hope to get there by …") is two lines."""
    text = "\n".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(example.pdf("Peggy", PLAN, EASY_READ))).pages
    )
    assert "\nI set this goal on 11 November 2026.\nI hope to get there by 23 December 2026." in (
        text
    )
    assert "\nMy worker is Sam Patel.\n" in text
    assert "\nPhone: 0113 496 0000\n" in text


@pytest.mark.parametrize("name", NAMES)
def test_every_heading_is_in_the_first_person(example: Example, name: str) -> None:
    file = example.files[name]
    for heading in headings(example.pdf(name, PLAN, EASY_READ), EASY_READ.size):
        if heading == file.person.display_name or re.fullmatch(
            r"(On \d+ \w+ \d{4}|Goal \d+)", heading
        ):
            continue
        assert FIRST_PERSON.search(heading), heading


def test_a_person_who_reads_easy_read_gets_it_without_asking(example: Example) -> None:
    """Des's page one records Easy Read: the format chosen for him is Easy Read, and his plan
    in it says so in its title."""
    des = example.files["Des"]
    assert format_for(des.person) == EASY_READ
    pdf = build(PLAN, des, example.context("Des"), format_for(des.person))
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "My plan in Easy Read: Des Hartley"
    assert "This is my plan in Easy Read." in text_of(pdf)
    # The other documents print in clear print at the Easy Read size.
    record = text_of(build(DocumentKind.RECORD, des, example.context("Des"), EASY_READ))
    assert "Record of our conversation" in record


def test_who_i_can_call_gives_the_worker_the_phone_and_out_of_hours(example: Example) -> None:
    """The Easy Read plan reaches the worker as the clear-print plan does: their role, the
    team's phone and the number for when the office is shut."""
    file = example.files["Des"]
    team = Team("Fernley Adult Social Care", "01632 960000", "", "01632 960999")
    context = PrintContext(TODAY, "Sam Patel", team, {}, "social worker")
    text = text_of(build(PLAN, file, context, EASY_READ))
    assert "My worker is Sam Patel, social worker." in text
    assert "Phone: 01632 960000" in text
    assert "Out of hours, phone: 01632 960999" in text

"""Record of our conversation: page one and the newest conversation, on two A4 pages in
standard print for every person in the example caseload."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assessor.documents import DocumentKind, PrintContext, build
from assessor.documents.conversation_record import full_name
from assessor.documents.formats import STANDARD
from assessor.example import nhs_number_in_test_range
from assessor.person_file import PersonFile
from assessor.record import Person
from assessor.validation import format_nhs_number
from tests.assessor.documents_helpers import TODAY, Example, load_example, page_count, text_of

RECORD = DocumentKind.RECORD


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Example]:
    loaded = load_example(tmp_path_factory.mktemp("store"))
    yield loaded
    loaded.store.close()


@pytest.mark.parametrize("name", ["Peggy", "Des", "Priya", "Win", "Eileen", "Bernie"])
def test_every_example_record_fits_two_pages_in_standard_print(example: Example, name: str) -> None:
    pdf = example.pdf(name, RECORD)
    assert page_count(pdf) == 2
    text = text_of(pdf)
    person = example.files[name].person
    first, second = text.split(f"{full_name(person)}. Page 1 of 2.")
    assert first.startswith(f"Record of our conversation {full_name(person)}")
    assert second.startswith(" What did we talk about")


def test_a_record_with_no_conversation_is_one_page_not_a_page_of_two_lines(
    example: Example,
) -> None:
    """Tomek has had no conversation yet: page two is two lines, which follow page one on its
    page rather than sit alone on another."""
    pdf = example.pdf("Tomek", RECORD)
    assert page_count(pdf) == 1
    assert "What did we talk about? No conversation is recorded yet." in text_of(pdf)


def test_the_record_names_people_by_their_full_name(example: Example) -> None:
    """The record is the council's as well as theirs: "Margaret Ann Okafor, known as Peggy",
    not only "Peggy", in its title, its headings, its footer and beside their own words."""
    text = example.text("Peggy", RECORD)
    assert "Record of our conversation Margaret Ann Okafor, known as Peggy Printed on" in text
    assert "Record of our conversation: Margaret Ann Okafor. Page 1 of 2." in text
    assert "In Margaret Ann Okafor’s words: “Chapel, my garden" in text
    for question in ("Who is", "How does", "What has", "Who matters to", "What brought"):
        assert f"{question} Margaret Ann Okafor" in text
    assert "Peggy?" not in text and "Peggy’s" not in text and "Peggy Okafor" not in text
    # With no first names recorded, the name they go by stands in for them, said once.
    eileen = example.text("Eileen", RECORD)
    assert "Record of our conversation Eileen Brannigan Printed on" in eileen
    assert "Known as" not in eileen


def test_page_one_says_who_the_person_is_and_how_to_reach_them(example: Example) -> None:
    text = example.text("Peggy", RECORD)
    nhs = format_nhs_number(nhs_number_in_test_range(100))
    for shown in (
        "Record of our conversation Margaret Ann Okafor, known as Peggy Printed on 23 November "
        "2026 by Sam Patel, North Leeds Adult Social Care.",
        "Who is Margaret Ann Okafor? Name Margaret Ann Okafor Known as Peggy",
        "Date of birth 14 March 1941 (age 85)",
        f"NHS number {nhs}",
        "Address 14 Larkspur Row, Fernley Postcode LS6 9ZX Phone 0113 496 0101",
        "How does Margaret Ann Okafor like to communicate? Needs Hard of hearing in her left ear",
        "Information in Large print",
        "What has Margaret Ann Okafor agreed to? To keep this record Yes To share it Yes, with: "
        "Her GP and her daughter Grace When and how 11 November 2026.",
        "Who matters to Margaret Ann Okafor? Grace Okafor. Daughter. A carer. Phone 07700 "
        "900101. Len Pickering. Next door, has a key.",
        "How did Margaret Ann Okafor come to us? How Family or a friend More about it Her "
        "daughter Grace rang",
        "What brought Margaret Ann Okafor to us? In Margaret Ann Okafor’s words: “Since my fall "
        "I'm frightened of the stairs and I've stopped going to chapel.”",
    ):
        assert shown in text
    assert len(nhs.split()) == 3


def test_page_two_is_the_newest_conversation_only(example: Example) -> None:
    text = example.text("Peggy", RECORD)
    second_page = text.split("Page 1 of 2.")[1]
    for shown in (
        "What did we talk about on 22 November 2026? Where Talking Point Conversation Connect "
        "Worker Sam Patel What came next Introduction to a community resource; Short-term help",
        "What matters to them In Margaret Ann Okafor’s words: “Chapel, my garden, and not being "
        "a burden on Grace.”",
        "What they can do Washes and dresses herself.",
        "What they want and expect In Margaret Ann Okafor’s words: “A rail on the stairs",
    ):
        assert shown in second_page
    assert "Getting back to chapel on a Sunday." not in text  # her first, older conversation


def test_a_carers_record_is_their_own_carers_conversation(example: Example) -> None:
    """Bernie's record is hers: her carer's conversation in full, said to be private."""
    text = example.text("Bernie", RECORD)
    assert "Conversation Carer’s conversation" in text
    assert "Shared with the people they care for No" in text
    assert "Feelings and stress In Bernadette Kelly’s words: “I love Auntie Eileen to bits" in text
    assert "If they could not care: what would happen Nothing in place." in text


def test_a_record_with_no_conversation_yet_says_so() -> None:
    file = PersonFile(Person("Ada", "I keep falling."), [], {})
    text = text_of(build(RECORD, file, PrintContext(TODAY, ""), STANDARD))
    assert "Printed on 23 November 2026." in text
    assert "What did we talk about? No conversation is recorded yet." in text
    assert "What brought Ada to us? In Ada’s words: “I keep falling.”" in text
    assert "Who matters to Ada?" not in text


def test_the_record_a_worker_keeps_names_alerts_first_and_the_gp_practice() -> None:
    person = Person(
        "Ada",
        "I keep falling.",
        alerts="Do not visit alone\n\nKey safe code held by her son",
        gp_practice="Fernley Health Centre",
        nhs_number=nhs_number_in_test_range(5),
    )
    text = text_of(build(RECORD, PersonFile(person, [], {}), PrintContext(TODAY, ""), STANDARD))
    assert (
        "Alert: before anyone visits Do not visit alone Key safe code held by her son Who is Ada?"
        in text
    )
    nhs = format_nhs_number(nhs_number_in_test_range(5))
    assert f"NHS number {nhs} GP practice Fernley Health Centre" in text


def test_a_record_without_alerts_has_no_alert_heading() -> None:
    file = PersonFile(Person("Ada", "I keep falling."), [], {})
    assert "Alert" not in text_of(build(RECORD, file, PrintContext(TODAY, ""), STANDARD))

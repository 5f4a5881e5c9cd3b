"""A record whose texts are as long as the store allows prints whole, in order, in large print:
what brought them to us as one unbroken paste, communication needs in the label table running
over pages, and an answer written in paragraphs with a blank line."""

from __future__ import annotations

import re
from pathlib import Path

from assessor.documents import DocumentKind, PrintContext, build
from assessor.documents.formats import LARGE
from assessor.limits import RecordKind, limit_for
from assessor.record import Contact, Entry, InformationFormat, Person
from db.store import Store
from tests.assessor.documents_helpers import TODAY, text_of


def _numbered(length: int, line_every: int = 0) -> str:
    """Exactly `length` characters of numbered sentences, so any word lost or out of order
    shows; with `line_every`, a line break after that many sentences and a blank line after
    twice as many."""

    def end(number: int) -> str:
        if line_every and number % (2 * line_every) == 0:
            return "\n\n"
        return "\n" if line_every and number % line_every == 0 else " "

    text = "".join(f"Sentence {n} is here.{end(n)}" for n in range(1, length // 10))[:length]
    return text[:-1] + "." if text[-1].isspace() else text


def _read_whole(pdf: bytes, title: str) -> str:
    """The document's words in reading order, without the footer each page ends with."""
    return re.sub(rf" ?{re.escape(title)}\. Page \d+ of \d+\.", "", text_of(pdf))


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_longest_texts_a_record_can_hold_print_whole_and_in_order(tmp_path: Path) -> None:
    story = _numbered(limit_for(RecordKind.PERSON, "presenting_problem"))
    needs = _numbered(limit_for(RecordKind.PERSON, "communication_needs"))
    answer = _numbered(limit_for(RecordKind.CONVERSATION_ENTRY, "text"), line_every=9)
    assert (len(story), len(needs), len(answer)) == (20_000, 5_000, 20_000)
    store = Store.open(tmp_path, "Sam Patel", create=True)
    person = store.add_person(
        Person(
            "Ada",
            story,
            family_name="Lovelace",
            communication_needs=needs,
            information_format=InformationFormat.LARGE_PRINT,
        )
    )
    contact = store.add_contact(Contact(person.id, TODAY))
    store.set_entry(contact.id, "what_matters", Entry(answer, own_words=True))
    file = store.person_file(person.id)
    store.close()

    pdf = build(DocumentKind.RECORD, file, PrintContext(TODAY, "Sam Patel"), LARGE)

    text = _read_whole(pdf, "Record of our conversation: Ada Lovelace")
    assert f"Needs {_flat(needs)} Information in Large print" in text
    assert f"What brought Ada Lovelace to us? In Ada Lovelace’s words: “{_flat(story)}”" in text
    assert f"What matters to them In Ada Lovelace’s words: “{_flat(answer)}”" in text

"""Printed documents with every typed text at its limit: how long each takes to build.

A 500 KB answer once kept `assessor record` busy for minutes. The limits (`assessor/limits.py`)
bound what a field holds; this script stores a person whose every text field is at its limit
(through the store, which checks them), with a conversation answering every topic and a carer's
conversation, goals, a progression plan and a carer's plan, and builds each document from it in
standard (12 point) and large (18 point) print. Half the long answers are written in
paragraphs, half as one unbroken paste. It prints the page count and the median build time of
RUNS builds of each, then one build of the record of a conversation with a single answer of
500,000 characters (more than the store now accepts), the figure the issue reported.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader

from assessor.carers import CarerPlan, CarerReview, CaringRole, Supported
from assessor.documents import DocumentKind, PrintContext, build, people_mentioned
from assessor.documents.formats import LARGE, STANDARD, PrintFormat
from assessor.goals import Goal, Review
from assessor.limits import LIMITS, RecordKind, limit_for
from assessor.person_file import AsCarer, PersonFile
from assessor.progression import PlanStep, ProgressionPlan
from assessor.prompts import TOPICS
from assessor.record import (
    Contact,
    Conversation,
    ConversationKind,
    Entry,
    Followed,
    Person,
    PersonWhoMatters,
)
from assessor.team import Team
from db.store import Store

RUNS = 3
TODAY = date.today()
_SENTENCE = "Since the fall I have been frightened of the stairs, and Grace worries about me. "


def text(length: int, paragraphs: bool = True) -> str:
    """Exactly `length` characters of sentences, in paragraphs of about 600 or unbroken."""
    body = (_SENTENCE * (length // len(_SENTENCE) + 1))[:length]
    if not paragraphs:
        return body
    return "".join("\n" if i % 600 == 599 and char == " " else char for i, char in enumerate(body))


def _full(kind: RecordKind, **given: object) -> dict[str, object]:
    """Every text field of a record of `kind` at its limit, unless given."""
    return {field: text(limit) for field, (limit, _) in LIMITS[kind].items()} | given


def _files() -> list[PersonFile]:
    """Eileen, whom Ada cares for, and Ada, whose every text is as long as it may be."""
    eileen = Person("Eileen", "Help at home", id="eileen")
    person = Person(
        **_full(RecordKind.PERSON, nhs_number="9434765919", postcode="SW1A 2AA", id="ada")
    )
    person.people_who_matter = [
        PersonWhoMatters(**_full(RecordKind.PERSON_WHO_MATTERS)) for _ in range(3)
    ]
    worker = "W" * limit_for(RecordKind.CONTACT, "worker")
    answer = limit_for(RecordKind.CONVERSATION_ENTRY, "text")
    carers = Contact("ada", TODAY - timedelta(days=30), kind=ConversationKind.CARER, id="c1")
    newest = Contact(
        "ada",
        TODAY,
        kind=ConversationKind.LONG_TERM,
        worker=worker,
        followed=frozenset(Followed),
        id="c2",
    )
    conversations = {
        contact.id: Conversation(
            contact.id,
            {
                topic.code: Entry(text(answer, paragraphs=number % 2 == 0), own_words=True)
                for number, topic in enumerate(TOPICS)
            },
        )
        for contact in (carers, newest)
    }
    goals = [
        Goal("ada", **_full(RecordKind.GOAL), set_on=TODAY - timedelta(weeks=8), id=f"g{n}")
        for n in range(3)
    ]
    step = limit_for(RecordKind.PROGRESSION_PLAN, "steps")
    plan = ProgressionPlan(
        "ada",
        TODAY - timedelta(days=30),
        TODAY + timedelta(days=200),
        2,
        4,
        [PlanStep(text(step), due_on=TODAY + timedelta(days=30 * n)) for n in range(6)],
    )
    as_carer = AsCarer(
        roles=[CaringRole("ada", "eileen", **_full(RecordKind.CARING_ROLE))],
        plans=[CarerPlan("ada", TODAY, **_full(RecordKind.CARER_PLAN))],
        reviews=[CarerReview("ada", TODAY, Supported.PARTLY, **_full(RecordKind.CARER_REVIEW))],
    )
    ada = PersonFile(
        person,
        [newest, carers],
        conversations,
        goals=goals,
        reviews={goal.id: [Review(goal.id, -1, TODAY, note=text(5_000))] for goal in goals},
        plans=[plan],
        as_carer=as_carer,
    )
    return [PersonFile(eileen, [], {}), ada]


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _median_build(
    kind: DocumentKind, file: PersonFile, context: PrintContext, fmt: PrintFormat
) -> tuple[float, int]:
    times, pdf = [], b""
    for _ in range(RUNS):
        started = time.perf_counter()
        pdf = build(kind, file, context, fmt)
        times.append(time.perf_counter() - started)
    return statistics.median(times), _pages(pdf)


def main() -> None:
    team = Team("North Leeds Adult Social Care", "0113 496 0000", "north.team@example.gov.uk")
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder), "Bench", create=True)
        store.add_files(_files())
        file = store.person_file("ada")
        context = PrintContext(
            TODAY, "Sam Patel", team, store.display_names(people_mentioned(file))
        )
        store.close()
    typed = sum(
        len(entry.text) for c in file.conversations.values() for entry in c.entries.values()
    )
    print(f"Every field at its limit ({typed:,} characters of answers on page two), {RUNS} runs:")
    for kind in DocumentKind:
        for fmt in (STANDARD, LARGE):
            seconds, pages = _median_build(kind, file, context, fmt)
            print(f"  {kind.label}, {fmt.label.lower()}: {pages} pages, median {seconds:.1f} s")
    huge = PersonFile(
        Person("Ada", "I keep falling.", id="ada"),
        [Contact("ada", TODAY, id="c")],
        {"c": Conversation("c", {"what_matters": Entry(text(500_000), own_words=True)})},
    )
    started = time.perf_counter()
    pdf = build(DocumentKind.RECORD, huge, PrintContext(TODAY, "Sam Patel"), STANDARD)
    seconds = time.perf_counter() - started
    print(
        "One answer of 500,000 characters, record, standard print: "
        f"{_pages(pdf)} pages, {seconds:.1f} s (1 run)"
    )


if __name__ == "__main__":
    main()

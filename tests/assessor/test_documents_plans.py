"""My plan and My plan as a carer, read back from the PDFs built for the example caseload:
the person's own words quoted, plain questions, a picture of progress, what is left out, and
the privacy of carers' conversations both ways."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor.documents import DocumentKind, PrintContext, build
from assessor.documents.formats import LARGE, STANDARD
from assessor.example import example_id
from tests.assessor.documents_helpers import (
    TODAY,
    Example,
    load_example,
    page_count,
    text_of,
)

PLAN, CARER_PLAN = DocumentKind.MY_PLAN, DocumentKind.CARER_PLAN


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Example]:
    loaded = load_example(tmp_path_factory.mktemp("store"))
    yield loaded
    loaded.store.close()


def sentences(*texts: str) -> list[str]:
    """The sentences of some recorded texts long enough to be unmistakable on a page."""
    found = [part.strip() for text in texts for part in re.split(r"(?<=[.?!:;])\s", text)]
    return [part for part in found if len(part.split()) >= 4]


def bernies_own(example: Example) -> list[str]:
    """Everything Bernie's record holds about her as a carer and from her carer's
    conversation: none of it is Peggy's or Eileen's to read."""
    bernie = example.files["Bernie"]
    mine = bernie.as_carer
    texts = [entry.text for c in bernie.conversations.values() for entry in c.entries.values()]
    texts += [role.what_they_do for role in mine.roles]
    texts += [p.what_will_help + " " + p.breaks + " " + p.contingency for p in mine.plans]
    texts += [review.words for review in mine.reviews]
    texts += [goal.words for goal in bernie.goals]
    return sentences(*texts, bernie.person.presenting_problem)


def test_my_plan_quotes_the_persons_own_words_under_plain_questions(example: Example) -> None:
    text = example.text("Peggy", PLAN)
    for quoted in (
        "In Peggy’s words: “Chapel, my garden, and not being a burden on Grace.”",
        "In Peggy’s words: “I want to sing in the choir again.”",
        "In Peggy’s words: “Get up and down my stairs without being frightened.”",
    ):
        assert quoted in text
    questions = [
        "What matters to me?",
        "What can I do, and who and what do I have?",
        "What are my goals, and how are they going?",
        "Who have I been introduced to?",
        "Who is my worker, and how do I reach them?",
        "When will we next talk?",
    ]
    places = [text.index(question) for question in questions]
    assert places == sorted(places), "sections are read in the order they are printed"
    assert "Washes and dresses herself." in text  # a worker's note, not quoted as hers
    assert "“Washes and dresses herself" not in text


def test_a_goal_shows_how_it_is_going_in_words_and_as_a_picture(example: Example) -> None:
    """Peggy's first goal is rated as expected now: achieved. Each of her three goals has a
    picture of five boxes with one filled in, the level where she is now."""
    text = example.text("Peggy", PLAN)
    assert "How it is going: Achieved. We last looked at it on 21 November 2026" in text
    assert "and I gave it 8 out of 10." in text
    assert "As expected (where I hope to get to, and now)" in text
    assert "Much less than expected (where I started)" in text
    assert "How it is going: Improving." in text  # the choir
    assert "How it is going: No change." in text  # the garden
    boxes = example.drawn("Peggy", PLAN).rects
    filled = [box for box in boxes if box["fill"] and box["non_stroking_color"] == (0, 0, 0)]
    assert (len(boxes), len(filled)) == (3 * 5, 3)


def test_a_progression_plan_shows_the_ladder_and_its_smaller_steps(example: Example) -> None:
    text = example.text("Tomek", PLAN)
    assert "My progression plan" in text
    assert "I need help with many things, most days (where I started)" in text
    assert "I need help with some things, most days (now)" in text
    assert "I need help now and then, a few times a week (where I hope to get to)" in text
    assert "I need help with most things" not in text  # below where he started
    assert "Done on 11 November 2026: Cook a hot meal for myself three times a week." in text
    assert "Still to do, by 22 March 2027: Take the bus to the Polish centre on my own." in text
    assert "By 22 March 2027." in text  # the next step still to do is when we next talk


def test_sections_with_nothing_recorded_are_left_out(example: Example) -> None:
    """Win has one long-term conversation and nothing else: no empty headings."""
    text = example.text("Win", PLAN)
    assert "In Win’s words: “Staying here with my cat, and the wireless, and visitors.”" in text
    for question in (
        "What can I do",
        "What are my goals",
        "My progression plan",
        "Who have I been introduced to?",
        "What do I do in an emergency?",
    ):
        assert question not in text
    assert "When will we next talk? Sam Patel will be in touch." in text


def test_introductions_emergencies_and_when_we_next_talk(example: Example) -> None:
    peggy = example.text("Peggy", PLAN)
    assert "Who have I been introduced to? On 22 November 2026 Chapel friends would" in peggy
    assert peggy.count("Fernley Neighbourhood Network runs a lunch club") == 1
    assert "When will we next talk? By 23 December 2026." in peggy  # two goals' target
    des = example.text("Des", PLAN)
    assert "What do I do in an emergency? Reablement visits twice daily" in des
    assert "Soon: it is time to see how things are going." in des  # a target within a week
    assert "I hoped to get there by 16 November 2026." in des  # his finished goal


def test_the_worker_and_how_to_reach_them(example: Example) -> None:
    text = example.text("Eileen", PLAN)
    assert (
        "Who is my worker, and how do I reach them? My worker Sam Patel Team North Leeds Adult "
        "Social Care Phone 0113 496 0000 Email north.team@example.gov.uk"
    ) in text
    alone = build(PLAN, example.files["Eileen"], PrintContext(TODAY, "Sam Patel"), STANDARD)
    assert "My worker Sam Patel When will we next talk?" in text_of(alone)


def test_no_carers_private_words_reach_the_people_they_care_for(example: Example) -> None:
    private = bernies_own(example)
    assert len(private) > 15
    for name in ("Peggy", "Eileen"):
        for kind in (PLAN, DocumentKind.RECORD):
            for fmt in (STANDARD, LARGE):
                text = example.text(name, kind, fmt)
                assert [said for said in private if said in text] == [], (name, kind, fmt)


def test_not_even_a_conversation_the_carer_shared(example: Example, tmp_path: Path) -> None:
    """Sharing lets the worker see it in the app; the person's printed plan stays theirs."""
    bernie_talked = example.files["Bernie"].contacts[0]
    example.store.update_contact(bernie_talked.id, {"shared_with_cared_for": True})
    try:
        peggy = example.store.person_file(example_id("peggy"))
        assert peggy.shared_by_carers, "the store shows Peggy the shared conversation"
        context = example.context("Peggy")
        for kind in (PLAN, DocumentKind.RECORD):
            text = text_of(build(kind, peggy, context, STANDARD))
            assert [said for said in bernies_own(example) if said in text] == []
    finally:
        example.store.update_contact(bernie_talked.id, {"shared_with_cared_for": False})


def test_my_plan_leaves_out_what_is_theirs_as_a_carer(example: Example) -> None:
    """Bernie's own plan holds her goals, and nothing of her carer's conversation or plan."""
    text = example.text("Bernie", PLAN)
    assert "In Bernie’s words: “Go swimming before work twice a week again.”" in text
    for carers_only in (
        "I used to swim before work",
        "A weekend away in the spring",
        "Do I feel supported?",
        "Who have I been introduced to?",
        "Who do I care for?",
        "Eileen Brannigan",
    ):
        assert carers_only not in text


def test_a_carers_plan_is_in_their_words_and_names_whom_they_care_for(
    example: Example,
) -> None:
    text = example.text("Bernie", CARER_PLAN)
    for shown in (
        "My plan as a carer Bernie Kelly",
        "Who do I care for? Eileen Brannigan What I do Signs for her at appointments",
        "Time About 15 hours a week",
        "Peggy Okafor What I do Looks in most evenings",
        "What matters to me? In Bernie’s words: “I used to swim before work. I'd love that back.”",
        "In Bernie’s words: “Go swimming before work twice a week again.”",
        "What will help me? In Bernie’s words: “Somebody else who can sign with Eileen",
        "What we agreed will help A Deaf club befriender",
        "My breaks Wednesday evenings off.",
        "What happens if I cannot care? If Bernie is ill: Maureen Hale",
        "Do I feel supported? When we last asked, on 20 November 2026: Yes.",
        "In Bernie’s words: “Yes. I had my first Wednesday off and nobody rang me.”",
        "When will we next talk? By 28 November 2026.",
    ):
        assert shown in text
    assert "Nothing in place." not in text  # the plan's contingency replaced the first note


def test_a_carers_plan_holds_nothing_from_the_records_of_those_they_care_for(
    example: Example,
) -> None:
    text = example.text("Bernie", CARER_PLAN)
    cared_for = [example.files["Peggy"], example.files["Eileen"]]
    theirs = sentences(
        *(file.person.presenting_problem for file in cared_for),
        *(e.text for f in cared_for for c in f.conversations.values() for e in c.entries.values()),
        *(goal.words for file in cared_for for goal in file.goals),
    )
    assert len(theirs) > 10
    assert [said for said in theirs if said in text] == []


def test_large_print_plans_run_longer_but_say_the_same(example: Example) -> None:
    standard, large = example.pdf("Peggy", PLAN), example.pdf("Peggy", PLAN, LARGE)
    assert page_count(large) > page_count(standard)

    def without_footers(pdf: bytes) -> str:
        return re.sub(r" ?My plan: Peggy Okafor\. Page \d of \d\.", "", text_of(pdf))

    assert without_footers(large) == without_footers(standard)

"""What we agreed, printed: the steps in "What we agreed" and the follow-up date in "When will we
next talk?", read back from the PDFs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from assessor.documents import DocumentKind, PrintContext, build
from assessor.documents.formats import LARGE, STANDARD
from assessor.record import AgreedStep
from tests.assessor.documents_helpers import TEAM, TODAY, load_example, text_of

FOLLOW_UP = date(2026, 12, 7)


def _peggy_with_what_we_agreed(folder: Path):
    example = load_example(folder)
    store, peggy = example.store, example.files["Peggy"]
    newest = max(peggy.contacts, key=lambda contact: contact.on)
    store.add_agreed_step(
        AgreedStep(newest.id, "Ring the lunch club at St Mark’s", "Peggy", date(2026, 11, 30))
    )
    store.add_agreed_step(
        AgreedStep(newest.id, "Ask the OT about a second stair rail", "Sam Patel")
    )
    store.add_agreed_step(AgreedStep(newest.id, "Try the Thursday choir"))
    store.update_contact(newest.id, {"follow_up_on": FOLLOW_UP})
    return example, store.person_file(peggy.person.id)


def test_my_plan_lists_what_we_agreed_and_when_we_next_talk(tmp_path: Path) -> None:
    example, peggy = _peggy_with_what_we_agreed(tmp_path)
    context = PrintContext(TODAY, "Sam Patel", TEAM)
    for fmt in (STANDARD, LARGE):
        text = text_of(build(DocumentKind.MY_PLAN, peggy, context, fmt))
        text = re.sub(r"My plan: Peggy Okafor\. Page \d+ of \d+\. ", "", text)  # footers
        assert (
            "What we agreed Ring the lunch club at St Mark’s. I will do this by 30 November "
            "2026. Ask the OT about a second stair rail. Sam Patel will do this. Try the "
            "Thursday choir."
        ) in text
        assert (
            "When will we next talk? On 7 December 2026, as we agreed. If that needs to change, "
            "Sam Patel will get in touch."
        ) in text
        assert text.index("What we agreed") < text.index("Who is my worker")
    example.store.close()


def test_the_record_of_the_conversation_says_what_we_agreed(tmp_path: Path) -> None:
    example, peggy = _peggy_with_what_we_agreed(tmp_path)
    text = text_of(build(DocumentKind.RECORD, peggy, PrintContext(TODAY, "Sam Patel"), STANDARD))
    assert "What we agreed Ring the lunch club at St Mark’s. Peggy will do this" in text
    assert "Try the Thursday choir. We agreed to talk again on 7 December 2026." in text
    example.store.close()


def test_a_follow_up_already_past_falls_back_to_the_goals(tmp_path: Path) -> None:
    example, peggy = _peggy_with_what_we_agreed(tmp_path)
    later = PrintContext(date(2026, 12, 8), "Sam Patel")
    text = text_of(build(DocumentKind.MY_PLAN, peggy, later, STANDARD))
    assert "as we agreed" not in text
    assert "When will we next talk? By 23 December 2026." in text  # two goals' target
    example.store.close()

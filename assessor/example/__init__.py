"""A small fictional caseload for trying the app and for demonstrations.

Every name, address and story here is invented. NHS numbers come from the NHS's published test
range (starting 999) with valid check digits. Ids are fixed, so loading it twice adds nothing.

Some people have goals with reviews, so every state shows: Peggy has three goals reviewed by
her OT, her reablement carers, her worker and herself (one achieved, one improving, one not
moving this week); Des's goal is near its target date and Eileen's has never been reviewed,
so both are due.

Des also has a finished spell of reablement from about seven weeks ago: asked for and arriving
within 48 hours, reviewed weekly by his OT against his reablement goal, with its two-week
outcome (reduced support) and six-week outcome (no further help needed) recorded on the days
they were due, so nothing of it is due now. Tomek is part-way through a nine-month progression
plan since his stroke, from step 2 to step 4 of the ladder, with some of its smaller steps done
and reviews showing him moving up a step.

Bernie cares for her aunt Eileen and, since Peggy's fall, looks in on Peggy too: both name her
as a carer on page one, and her own record links her to each. She was offered a carer's
conversation of her own and had one, private to her; it holds things she would not want either of
them to hear. She has two goals of her own, a carer's plan whose review is due within the week,
and two reviews showing she has come to feel supported. Peggy's daughter Grace, also named as
her carer, has no record yet, so she is still to be offered a conversation.
"""

from __future__ import annotations

from datetime import date

from assessor.example.eileen_and_bernie import bernie, eileen
from assessor.example.kit import ExamplePerson, example_id, nhs_number_in_test_range
from assessor.example.peggy_and_des import desmond, peggy
from assessor.example.priya_win_tomek import priya, tomasz, winifred
from assessor.person_file import PersonFile

__all__ = ["example_caseload", "example_id", "nhs_number_in_test_range"]


def example_caseload(today: date) -> list[PersonFile]:
    """Seven people at different points, dated relative to today so the timeline looks live."""
    return [example.as_file() for example in _examples(today)]


def _examples(today: date) -> list[ExamplePerson]:
    people = (peggy, desmond, priya, winifred, tomasz, eileen, bernie)
    return [person(today) for person in people]

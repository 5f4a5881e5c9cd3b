"""My plan: the person's own plan to take home, in their words, under plain questions.

Made from the person's own record only, and never from any carer's conversation: not a carer's
conversation on their own record, not one a carer shared with them, nothing of what their
record holds about them as a carer (that is "My plan as a carer").
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from assessor.carers import is_carer_conversation
from assessor.documents import PrintContext
from assessor.documents.blocks import answer, para, section, subheading
from assessor.documents.formats import PrintFormat
from assessor.documents.layout import Styles, styles_for, write_pdf
from assessor.documents.progress import (
    goal_dates,
    goals_section,
    newest_plan,
    plan_dates,
    progression_section,
)
from assessor.documents.sections import (
    TopicSection,
    agreed_section,
    metadata,
    newest_first,
    next_talk_section,
    reader_names,
    title_block,
    topic_section,
    worker_section,
)
from assessor.follow_up import latest_follow_up
from assessor.person_file import PersonFile
from assessor.record import Contact, Followed
from assessor.validation import format_date_in_full

TITLE = "My plan"
SUBJECT = "What matters to me, my goals, and who to contact"
COMMUNITY = "strengths_community"

WHAT_MATTERS: TopicSection = (
    "What matters to me?",
    (
        ("what_matters", None),
        ("good_life", "What a good life looks like for me"),
        ("wants", "What I want"),
    ),
)
WHAT_I_HAVE: TopicSection = (
    "What can I do, and who and what do I have?",
    (
        ("can_do", "What I can do"),
        ("strengths_personal", "My own strengths"),
        ("strengths_family", "My family and friends"),
        ("strengths_neighbourhood", "My neighbours and neighbourhood"),
        (COMMUNITY, "Groups and places near me"),
        ("motivation", "What keeps me going"),
    ),
)
EMERGENCY: TopicSection = ("What do I do in an emergency?", (("emergency_plan", None),))


def build(file: PersonFile, context: PrintContext, fmt: PrintFormat) -> bytes:
    styles = styles_for(fmt)
    contacts = [c for c in newest_first(file.contacts) if not is_carer_conversation(c)]
    introductions = [c for c in contacts if Followed.INTRODUCTION in c.followed]
    story = [
        *title_block(TITLE, file, context, styles),
        *topic_section(WHAT_MATTERS, contacts, file, styles),
        *topic_section(
            WHAT_I_HAVE,
            contacts,
            file,
            styles,
            shown_elsewhere={(c.id, COMMUNITY) for c in introductions},
        ),
        *goals_section(file, context.today, styles),
        *progression_section(file, styles),
        *section(
            "Who have I been introduced to?", _introductions(introductions, file, styles), styles
        ),
        *topic_section(EMERGENCY, contacts, file, styles),
        *agreed_section(contacts, file, styles, me=reader_names(file)),
        *worker_section(context, styles),
        *next_talk(file, context, styles),
    ]
    return write_pdf(story, metadata(TITLE, file, SUBJECT, context), fmt)


def next_talk(file: PersonFile, context: PrintContext, styles: Styles) -> list[Flowable]:
    """When we will next talk, in My plan and in its Easy Read version alike."""
    dates, due_now = goal_dates(file, context.today)
    upcoming = [*dates, *plan_dates(newest_plan(file))]
    agreed = latest_follow_up(c for c in file.contacts if not is_carer_conversation(c))
    return next_talk_section(upcoming, due_now, context, styles, agreed)


def _introductions(contacts: list[Contact], file: PersonFile, styles: Styles) -> list[Flowable]:
    """Each introduction made for me, oldest first, with what we wrote about it."""
    lines: list[Flowable] = []
    for contact in reversed(contacts):
        on = format_date_in_full(contact.on)
        entry = file.conversations.get(contact.id)
        about = entry.entries.get(COMMUNITY) if entry is not None else None
        if about is not None and about.text.strip():
            lines += [
                subheading(f"On {on}", styles),
                *answer(file.person.preferred_name, about, styles),
            ]
        else:
            by = contact.worker or "My worker"
            lines.append(
                para(f"On {on}, {by} introduced me to a group or place that can help.", styles)
            )
    return lines

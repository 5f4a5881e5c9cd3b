"""My plan as a carer: a carer's own plan, from their own record, in their words.

Of the people they care for it prints only their names: nothing from those people's records
reaches it. Its answers come from the carer's own carer's conversations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.platypus import Flowable

from assessor.carers import CarerPlan, CarerReview, CaringRole, is_carer_conversation
from assessor.documents import PrintContext
from assessor.documents.blocks import facts, own_words, para, section, subheading, typed
from assessor.documents.formats import PrintFormat
from assessor.documents.layout import Styles, styles_for, write_pdf
from assessor.documents.plain_words import plain_label
from assessor.documents.progress import goal_dates, goals_section
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
from assessor.record import Contact
from assessor.validation import format_date_in_full

TITLE = "My plan as a carer"
SUBJECT = "Caring, what matters to me, what will help, and who to contact"

WHAT_MATTERS: TopicSection = ("What matters to me?", (("carer_life", None),))
WHAT_WILL_HELP: TopicSection = ("What will help me?", (("carer_what_would_help", None),))
BREAKS: TopicSection = (
    "How much time does caring take, and when do I get a break?",
    (("carer_time", None),),
)
IF_I_CANNOT_CARE: TopicSection = ("What happens if I cannot care?", (("carer_emergency", None),))


def build(file: PersonFile, context: PrintContext, fmt: PrintFormat) -> bytes:
    styles = styles_for(fmt)
    mine = file.as_carer
    contacts = [c for c in newest_first(file.contacts) if is_carer_conversation(c)]
    plan = max(mine.plans, key=lambda made: made.made_on, default=None)
    dates, due_now = goal_dates(file, context.today)
    if plan is not None and plan.review_on is not None:
        dates.append(plan.review_on)
        due_now = due_now or plan.review_on < context.today
    story = [
        *title_block(TITLE, file, context, styles),
        *section("Who do I care for?", _roles(mine.roles, context.names, styles), styles),
        *topic_section(WHAT_MATTERS, contacts, file, styles),
        *goals_section(file, context.today, styles),
        *topic_section(
            WHAT_WILL_HELP,
            contacts,
            file,
            styles,
            more=_agreed("What we agreed will help", plan.what_will_help if plan else "", styles),
        ),
        *topic_section(
            BREAKS,
            contacts,
            file,
            styles,
            more=_agreed("My breaks", plan.breaks if plan else "", styles),
        ),
        *_if_i_cannot_care(plan, contacts, file, styles),
        *section("Do I feel supported?", _supported(mine.reviews, file, styles), styles),
        *agreed_section(contacts, file, styles, me=reader_names(file)),
        *worker_section(context, styles),
        *next_talk_section(dates, due_now, context, styles, latest_follow_up(contacts)),
    ]
    return write_pdf(story, metadata(TITLE, file, SUBJECT, context), fmt)


def _roles(roles: Sequence[CaringRole], names: Mapping[str, str], styles: Styles) -> list[Flowable]:
    """Each person I care for, by name only, with what I do for them."""
    body: list[Flowable] = []
    for role in roles:
        hours = "" if role.hours_a_week is None else f"About {role.hours_a_week} hours a week"
        since = "" if role.since is None else format_date_in_full(role.since)
        together = {None: "", True: "Yes", False: "No"}[role.live_together]
        body.append(subheading(names.get(role.cared_for_id, "Someone I care for"), styles))
        body += facts(
            [
                ("What I do", role.what_they_do),
                ("Time", hours),
                ("Since", since),
                ("We live together", together),
            ],
            styles,
        )
    return body


def _agreed(title: str, text: str, styles: Styles) -> list[Flowable]:
    if not text.strip():
        return []
    return [subheading(title, styles), *typed(text, styles)]


def _if_i_cannot_care(
    plan: CarerPlan | None, contacts: list[Contact], file: PersonFile, styles: Styles
) -> list[Flowable]:
    """The plan's contingency, which replaces what the conversation first said about it."""
    if plan is not None and plan.contingency.strip():
        return section(IF_I_CANNOT_CARE[0], typed(plan.contingency, styles), styles)
    return topic_section(IF_I_CANNOT_CARE, contacts, file, styles)


def _supported(reviews: Sequence[CarerReview], file: PersonFile, styles: Styles) -> list[Flowable]:
    """The latest answer, and the carer's words with it."""
    if not reviews:
        return []
    latest = reviews[-1]
    asked = f"When we last asked, on {format_date_in_full(latest.on)}"
    body: list[Flowable] = [para(f"{asked}: {plain_label(latest.supported)}.", styles)]
    if latest.words.strip():
        body += own_words(file.person.preferred_name, latest.words, styles)
    return body

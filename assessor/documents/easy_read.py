"""My plan in Easy Read, for a person whose page one asks for it (Accessible Information
Standard): what My plan says, in short sentences of at most 15 words, one idea to a line, at
least 14 point, with a simple picture beside each section, and the person's own words kept
exactly as they said them.

Like My plan, it is made from the person's own record only, never from a carer's conversation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, KeepTogether

from assessor.carers import is_carer_conversation
from assessor.documents import PrintContext
from assessor.documents.blocks import answer, own_words, para, section, subheading, typed
from assessor.documents.formats import PrintFormat
from assessor.documents.layout import Styles, styles_for, write_pdf
from assessor.documents.my_plan import COMMUNITY, next_talk
from assessor.documents.pictures import icon, pictured, scale
from assessor.documents.plain_words import plain_label
from assessor.documents.progress import gas_steps, ladder_steps, newest_plan
from assessor.documents.sections import (
    TopicSection,
    metadata,
    newest_first,
    title_block,
    topic_section,
)
from assessor.goals import Goal, Review, status
from assessor.person_file import PersonFile
from assessor.record import Contact, Followed
from assessor.validation import format_date_in_full

TITLE = "My plan"
SUBJECT = "My plan in Easy Read: what matters to me, my goals, and who I can call"

WHAT_MATTERS: TopicSection = (
    "What matters to me",
    (
        ("what_matters", None),
        ("good_life", "A good life for me"),
        ("wants", "What I want"),
    ),
)
CAN_DO: TopicSection = (
    "What I can do",
    (
        ("can_do", None),
        ("strengths_personal", "What I am good at"),
        ("motivation", "What keeps me going"),
    ),
)
WHO_I_HAVE: TopicSection = (
    "Who and what I have",
    (
        ("strengths_family", "My family and friends"),
        ("strengths_neighbourhood", "My neighbours"),
        (COMMUNITY, "Groups and places near me"),
    ),
)
EMERGENCY: TopicSection = ("What I do in an emergency", (("emergency_plan", None),))


def build(file: PersonFile, context: PrintContext, fmt: PrintFormat) -> bytes:
    styles = styles_for(fmt)
    contacts = [c for c in newest_first(file.contacts) if not is_carer_conversation(c)]
    introductions = [c for c in contacts if Followed.INTRODUCTION in c.followed]
    met = {(c.id, COMMUNITY) for c in introductions}
    story = [
        *title_block(TITLE, file, context, styles),
        para("This is my plan in Easy Read.", styles),
        para("It has short sentences and pictures.", styles),
        *pictured(
            icon("what-matters"), topic_section(WHAT_MATTERS, contacts, file, styles), styles
        ),
        *pictured(icon("can-do"), topic_section(CAN_DO, contacts, file, styles), styles),
        *pictured(
            icon("who-i-have"),
            topic_section(WHO_I_HAVE, contacts, file, styles, shown_elsewhere=met),
            styles,
        ),
        *_goals(file, context.today, styles),
        *pictured(icon("steps"), _progression(file, styles), styles),
        *pictured(icon("introductions"), _introductions(introductions, file, styles), styles),
        *pictured(icon("emergency"), topic_section(EMERGENCY, contacts, file, styles), styles),
        *pictured(icon("who-to-call"), _who_to_call(context, styles), styles),
        *pictured(icon("next-talk"), next_talk(file, context, styles), styles),
    ]
    title = f"{TITLE} in Easy Read"
    return write_pdf(story, metadata(title, file, SUBJECT, context), fmt)


def _goals(file: PersonFile, today: date, styles: Styles) -> list[Flowable]:
    """Each goal kept whole on its page, the first with the heading and its picture."""
    name = file.person.preferred_name
    goals = [
        _goal(number, goal, file.reviews.get(goal.id, []), name, today, styles)
        for number, goal in enumerate(file.goals, 1)
    ]
    if not goals:
        return []
    indent, heading, *first, outdent = pictured(
        icon("goals"), section("My goals", goals[0], styles), styles
    )
    return [
        indent,
        KeepTogether([heading, *first]),
        *(KeepTogether(goal) for goal in goals[1:]),
        outdent,
    ]


def _goal(
    number: int, goal: Goal, reviews: Sequence[Review], name: str, today: date, styles: Styles
) -> list[Flowable]:
    latest = reviews[-1] if reviews else None
    going = status(goal, reviews)
    lines: list[Flowable] = [
        subheading(f"Goal {number}", styles),
        *own_words(name, goal.words, styles),
        para(f"I set this goal on {format_date_in_full(goal.set_on)}.", styles),
    ]
    if goal.target_date is not None:
        hope = "hoped" if going.finished or goal.target_date < today else "hope"
        lines.append(
            para(f"I {hope} to get there by {format_date_in_full(goal.target_date)}.", styles)
        )
    if goal.expected.strip():
        lines += [para("What it will look like:", styles), *typed(goal.expected, styles)]
    lines.append(para(f"How it is going: {plain_label(going).lower()}.", styles))
    if latest is not None:
        lines.append(para(f"We last looked at it on {format_date_in_full(latest.on)}.", styles))
        if latest.self_rating is not None:
            lines.append(para(f"I gave it {latest.self_rating} out of 10.", styles))
    # A goal longer than a page (large sizes) goes over between its words and its picture.
    return [*lines, KeepTogether(scale(gas_steps(goal, latest), styles, notes_apart=True))]


def _progression(file: PersonFile, styles: Styles) -> list[Flowable]:
    """The newest progression plan: where I am on the ladder, and my smaller steps."""
    plan = newest_plan(file)
    if plan is None:
        return []
    reviews = file.plan_reviews.get(plan.id, [])
    now = reviews[-1].level if reviews else None
    lines = [
        para("This plan is about needing less help, step by step.", styles),
        para(f"It starts on {format_date_in_full(plan.starts_on)}.", styles),
        para(f"It ends on {format_date_in_full(plan.ends_on)}.", styles),
    ]
    if reviews:
        lines.append(
            para(f"We last looked at it on {format_date_in_full(reviews[-1].on)}.", styles)
        )
    body: list[Flowable] = [
        *lines,
        KeepTogether(scale(ladder_steps(plan, now), styles, notes_apart=True)),
    ]
    for step in plan.steps:
        if step.done_on is not None:
            when = f"I did this on {format_date_in_full(step.done_on)}:"
        elif step.due_on is not None:
            when = f"I will do this by {format_date_in_full(step.due_on)}:"
        else:
            when = "I will do this next:"
        body += [subheading(when, styles), *typed(step.words, styles)]
    return section("My plan to need less help", body, styles)


def _introductions(contacts: list[Contact], file: PersonFile, styles: Styles) -> list[Flowable]:
    """Each introduction made for me, oldest first, with what we wrote about it."""
    lines: list[Flowable] = []
    for contact in reversed(contacts):
        entry = file.conversations.get(contact.id)
        about = entry.entries.get(COMMUNITY) if entry is not None else None
        lines.append(subheading(f"On {format_date_in_full(contact.on)}", styles))
        if about is not None and about.text.strip():
            lines += answer(file.person.preferred_name, about, styles)
        else:
            lines.append(para("I met a group or place that can help me.", styles))
    return section("People and groups I have met", lines, styles)


def _who_to_call(context: PrintContext, styles: Styles) -> list[Flowable]:
    """My worker and how to reach them, one thing to a line."""
    team = context.team
    worker = ", ".join(part for part in (context.worker, context.role.lower()) if part)
    lines = [
        f"My worker is {worker}." if context.worker else "",
        f"My worker’s team is {team.name}." if team.name else "",
        f"Phone: {team.phone}" if team.phone else "",
        f"Out of hours, phone: {team.out_of_hours}" if team.out_of_hours else "",
        f"Email: {team.email}" if team.email else "",
    ]
    return section("Who I can call", [para(line, styles) for line in lines if line], styles)

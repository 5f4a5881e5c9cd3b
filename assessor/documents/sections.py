"""Sections more than one document shares: the title, answers from a conversation under plain
questions, what we agreed, who the worker is and how to reach them, and when we will next
talk."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from assessor.documents import PrintContext
from assessor.documents.blocks import answer, facts, markup, para, section, subheading
from assessor.documents.layout import Metadata, Styles
from assessor.person_file import PersonFile
from assessor.record import AgreedStep, Contact, Conversation
from assessor.validation import format_date_in_full

# A section's question, and its topics, each with the sub-heading it prints under (None: the
# question already says it).
TopicSection = tuple[str, Sequence[tuple[str, str | None]]]


def metadata(
    document: str, file: PersonFile, subject: str, context: PrintContext, name: str = ""
) -> Metadata:
    """Its properties, naming the person as `name` (by default, the name they go by)."""
    return Metadata(
        title=f"{document}: {name or file.person.display_name}",
        subject=subject,
        author=context.team.name,
    )


def title_block(
    document: str, file: PersonFile, context: PrintContext, styles: Styles, name: str = ""
) -> list[Flowable]:
    """The document's name, whose it is (`name`, by default the name they go by), and when
    and by whom it was printed."""
    by = ", ".join(part for part in (context.worker, context.team.name) if part)
    printed = f"Printed on {format_date_in_full(context.today)}" + (f" by {by}." if by else ".")
    return [
        Paragraph(markup(document), styles.title),
        Paragraph(markup(name or file.person.display_name), styles.subheading),
        para(printed, styles),
    ]


def newest_first(contacts: Iterable[Contact]) -> list[Contact]:
    """Contacts newest first; of two on one day, the one recorded later first."""
    return sorted(contacts, key=lambda contact: (contact.on, contact.recorded_order), reverse=True)


def newest_with(
    contacts: Sequence[Contact], file: PersonFile, topics: Sequence[str]
) -> Conversation | None:
    """The conversation of the newest of `contacts` (newest first) that answers any of
    `topics`."""
    for contact in contacts:
        conversation = file.conversations.get(contact.id)
        if conversation is not None and any(conversation.text(code).strip() for code in topics):
            return conversation
    return None


def topic_section(
    question: TopicSection,
    contacts: Sequence[Contact],
    file: PersonFile,
    styles: Styles,
    shown_elsewhere: Collection[tuple[str, str]] = (),
    more: Sequence[Flowable] = (),
) -> list[Flowable]:
    """The answers to a section's topics from the newest of `contacts` (newest first) whose
    conversation has any of them, and `more` after them; nothing when there is nothing.
    `shown_elsewhere` holds (contact id, topic) pairs another section prints."""
    heading, topics = question
    conversation = newest_with(contacts, file, [code for code, _ in topics])
    if conversation is None:
        return section(heading, more, styles)
    body: list[Flowable] = []
    for code, title in topics:
        entry = conversation.entries.get(code)
        shown = (conversation.contact_id, code) in shown_elsewhere
        if entry is None or not entry.text.strip() or shown:
            continue
        if title is not None:
            body.append(subheading(title, styles))
        body += answer(file.person.preferred_name, entry, styles)
    return section(heading, [*body, *more], styles)


def worker_section(context: PrintContext, styles: Styles) -> list[Flowable]:
    team = context.team
    worker = ", ".join(part for part in (context.worker, context.role.lower()) if part)
    rows = [
        ("My worker", worker),
        ("Team", team.name),
        ("Phone", team.phone),
        ("Out of hours", team.out_of_hours),
        ("Email", team.email),
    ]
    return section("Who is my worker, and how do I reach them?", facts(rows, styles), styles)


def reader_names(file: PersonFile) -> set[str]:
    """The names that mean the reader of a first-person plan: as they like to be called, or
    in full."""
    return {file.person.preferred_name, file.person.display_name}


def agreed_section(
    contacts: Sequence[Contact], file: PersonFile, styles: Styles, me: Collection[str] = ()
) -> list[Flowable]:
    """ "What we agreed": the steps agreed at the newest of `contacts` (newest first) that
    agreed any; a step for one of the names in `me` is the reader's own ("I will")."""
    return section("What we agreed", agreed_steps(contacts, file, styles, me), styles)


def agreed_steps(
    contacts: Sequence[Contact], file: PersonFile, styles: Styles, me: Collection[str] = ()
) -> list[Flowable]:
    """The steps agreed at the newest of `contacts` that agreed any, each a sentence: what,
    who will do it, by when."""
    mine = {name.strip().casefold() for name in me}
    for contact in contacts:
        conversation = file.conversations.get(contact.id)
        steps = [s for s in conversation.steps if s.what.strip()] if conversation else []
        if steps:
            return [_step(step, mine, styles) for step in steps]
    return []


def _step(step: AgreedStep, mine: Collection[str], styles: Styles) -> Flowable:
    sentence = step.what.strip().rstrip(".") + "."
    who = "I" if step.who.strip().casefold() in mine else step.who.strip()
    by = f" by {format_date_in_full(step.by_when)}" if step.by_when else ""
    if who:
        sentence += f" {who} will do this{by}."
    elif by:
        sentence += f" To be done{by}."
    return para(sentence, styles)


def next_talk_section(
    upcoming: Iterable[date],
    due_now: bool,
    context: PrintContext,
    styles: Styles,
    agreed: date | None = None,
) -> list[Flowable]:
    """The follow-up we agreed (`agreed`), while it is still to come; otherwise the earliest
    date still to come, or soon when something is due now; with no date at all, the worker
    will be in touch."""
    who = context.worker or "My worker"
    dates = sorted(day for day in upcoming if day >= context.today)
    if agreed is not None and agreed >= context.today:
        lines = [
            f"On {format_date_in_full(agreed)}, as we agreed.",
            f"If that needs to change, {who} will get in touch.",
        ]
    elif due_now:
        lines = ["Soon: it is time to see how things are going.", f"{who} will get in touch."]
    elif dates:
        lines = [f"By {format_date_in_full(dates[0])}.", f"{who} will get in touch to arrange it."]
    else:
        lines = [f"{who} will be in touch."]
    return section("When will we next talk?", [para(line, styles) for line in lines], styles)

"""Sections more than one document shares: the title, answers from a conversation under plain
questions, who the worker is and how to reach them, and when we will next talk."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from assessor.documents import PrintContext
from assessor.documents.blocks import answer, facts, markup, para, section, subheading
from assessor.documents.layout import Metadata, Styles
from assessor.person_file import PersonFile
from assessor.record import Contact, Conversation
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
    rows = [
        ("My worker", context.worker),
        ("Team", team.name),
        ("Phone", team.phone),
        ("Email", team.email),
    ]
    return section("Who is my worker, and how do I reach them?", facts(rows, styles), styles)


def next_talk_section(
    upcoming: Iterable[date], due_now: bool, context: PrintContext, styles: Styles
) -> list[Flowable]:
    """The earliest date still to come, or soon when something is due now; with no date at
    all, the worker will be in touch."""
    who = context.worker or "My worker"
    dates = sorted(day for day in upcoming if day >= context.today)
    if due_now:
        lines = ["Soon: it is time to see how things are going.", f"{who} will get in touch."]
    elif dates:
        lines = [f"By {format_date_in_full(dates[0])}.", f"{who} will get in touch to arrange it."]
    else:
        lines = [f"{who} will be in touch."]
    return section("When will we next talk?", [para(line, styles) for line in lines], styles)

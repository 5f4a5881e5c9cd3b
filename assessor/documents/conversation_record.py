"""Record of our conversation: the two-page record, for the person and the council's file.

Page one says who the person is, how to reach them, who matters to them, how they came to us,
what they agreed to and how they like to communicate; page two is their newest conversation,
each answered topic under its heading, their own words quoted. A typical record fits on two
A4 pages in standard print.

The newest conversation is the one recorded last, not the one with the latest date: the record
is printed for the conversation just had, and its date comes from a clock that can be wrong (a
laptop set back 400 days dated today's conversation before the last one).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from assessor.at_a_glance import alert_lines
from assessor.documents import PrintContext
from assessor.documents.blocks import answer, facts, markup, own_words, para, section, subheading
from assessor.documents.formats import PrintFormat
from assessor.documents.layout import (
    Styles,
    new_page_unless_little_above,
    styles_for,
    write_pdf,
)
from assessor.documents.plain_words import plain_heading, plain_label
from assessor.documents.sections import agreed_steps, metadata, title_block
from assessor.person_file import PersonFile
from assessor.prompts import TOPICS
from assessor.record import Contact, ConversationKind, Followed, Person
from assessor.validation import age_on, format_date_in_full, format_nhs_number

TITLE = "Record of our conversation"
SUBJECT = "Page one: about the person. Page two: our newest conversation."


def full_name(person: Person) -> str:
    """Their first names (or the name they go by, if none are recorded) and family name: the
    record is the council's, and names people in full."""
    return " ".join(
        part for part in (person.first_names or person.preferred_name, person.family_name) if part
    )


def known_as(person: Person) -> str:
    """The name they go by, when their first names are recorded and it is not one of them."""
    name, first = person.preferred_name.strip(), person.first_names.split()
    return name if first and name and name not in first else ""


def build(file: PersonFile, context: PrintContext, fmt: PrintFormat) -> bytes:
    styles = styles_for(fmt)
    newest = max(file.contacts, key=lambda c: (c.recorded_order, c.on), default=None)
    person = file.person
    also = known_as(person)
    named = full_name(person) + (f", known as {also}" if also else "")
    story = [
        *title_block(TITLE, file, context, styles, name=named),
        *_page_one(file.person, context, styles),
        # Page two starts a page, unless page one only just went over one (or there is no
        # conversation to show): a page is never left with a line or two on it.
        *([] if newest is None else [new_page_unless_little_above(styles)]),
        *_page_two(newest, file, styles),
    ]
    return write_pdf(story, metadata(TITLE, file, SUBJECT, context, name=full_name(person)), fmt)


def _page_one(person: Person, context: PrintContext, styles: Styles) -> list[Flowable]:
    name = full_name(person)
    born = ""
    if person.date_of_birth is not None:
        age = age_on(person.date_of_birth, context.today)
        born = f"{format_date_in_full(person.date_of_birth)} (age {age})"
    about = [
        ("Name", name),
        ("Known as", known_as(person)),
        ("Other names", person.other_names),
        ("Date of birth", born),
        ("NHS number", format_nhs_number(person.nhs_number) if person.nhs_number else ""),
        ("GP practice", person.gp_practice),
        ("Address", ", ".join(line.strip() for line in person.address.splitlines())),
        ("Postcode", person.postcode),
        ("Phone", person.phone),
        ("Email", person.email),
        ("Best way to reach them", plain_label(person.contact_preference)),
    ]
    communication = [
        ("Needs", person.communication_needs),
        ("Information in", _information_format(person)),
    ]
    alerts = [para(line, styles) for line in alert_lines(person)]
    return [
        *section("Alert: before anyone visits", alerts, styles),
        *section(f"Who is {name}?", facts(about, styles), styles),
        *section(f"How does {name} like to communicate?", facts(communication, styles), styles),
        *section(f"What has {name} agreed to?", facts(_consent(person), styles), styles),
        *section(
            f"Who matters to {name}?",
            _people_who_matter(person, styles),
            styles,
        ),
        *section(f"How did {name} come to us?", facts(_route(person), styles), styles),
        *section(
            f"What brought {name} to us?",
            own_words(name, person.presenting_problem, styles)
            if person.presenting_problem.strip()
            else [],
            styles,
        ),
    ]


def _people_who_matter(person: Person, styles: Styles) -> list[Flowable]:
    """Each person, who they are to them, whether they are a carer, and their phone number."""
    lines: list[Flowable] = []
    for who in person.people_who_matter:
        about = who.relationship_detail.strip() or plain_label(who.relationship)
        parts = [f"<b>{markup(who.name)}</b>"]
        if about:
            parts.append(markup(about.rstrip(".")))
        if who.is_carer:
            parts.append("A carer")
        if who.phone.strip():
            parts.append(f"Phone {markup(who.phone)}")
        lines.append(Paragraph(". ".join(parts) + ".", styles.body))
    return lines


def _information_format(person: Person) -> str:
    if person.information_format is None:
        return ""
    label = plain_label(person.information_format)
    language = person.interpreter_language.strip()
    return f"{label} ({language})" if language else label


def _consent(person: Person) -> list[tuple[str, str]]:
    def yes_no(value: bool | None) -> str:
        return {None: "", True: "Yes", False: "No"}[value]

    share = yes_no(person.consent_to_share)
    if person.consent_to_share and person.share_with.strip():
        share = f"Yes, with: {person.share_with.strip()}"
    when = ""
    if person.consent_date is not None:
        when = format_date_in_full(person.consent_date)
        if person.consent_how is not None:
            when += f". {plain_label(person.consent_how)}"
    return [
        ("To keep this record", yes_no(person.consent_to_record)),
        ("To share it", share),
        ("When and how", when),
    ]


def _route(person: Person) -> list[tuple[str, str]]:
    return [
        ("How", plain_label(person.route)),
        ("More about it", person.route_detail),
    ]


def _page_two(contact: Contact | None, file: PersonFile, styles: Styles) -> list[Flowable]:
    if contact is None:
        return section(
            "What did we talk about?", [para("No conversation is recorded yet.", styles)], styles
        )
    details = [
        ("Where", plain_label(contact.place)),
        ("Conversation", plain_label(contact.kind)),
        ("Worker", contact.worker),
        ("What came next", "; ".join(plain_label(f) for f in Followed if f in contact.followed)),
    ]
    if contact.kind is ConversationKind.CARER:
        shared = "Yes" if contact.shared_with_cared_for else "No"
        details.append(("Shared with the people they care for", shared))
    conversation = file.conversations.get(contact.id)
    answers: list[Flowable] = []
    for topic in TOPICS:
        entry = conversation.entries.get(topic.code) if conversation is not None else None
        if entry is not None and entry.text.strip():
            answers += [
                subheading(plain_heading(topic), styles),
                *answer(full_name(file.person), entry, styles),
            ]
    agreed = agreed_steps([contact], file, styles)
    if contact.follow_up_on is not None:
        talk = f"We agreed to talk again on {format_date_in_full(contact.follow_up_on)}."
        agreed.append(para(talk, styles))
    if agreed:
        agreed.insert(0, subheading("What we agreed", styles))
    heading = f"What did we talk about on {format_date_in_full(contact.on)}?"
    return section(heading, [*facts(details, styles), *answers, *agreed], styles)

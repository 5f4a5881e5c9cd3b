"""How long each text a worker types may be, and the message when it is longer.

Without limits a 5 MB paste was stored whole, cut silently at 32,767 characters by one-line
fields, and then stopped printed documents from finishing. Each text field of each kind of
record has a limit here; the store refuses longer text on every write (`db.lengths`), and the
interface can ask for a field's limit to stop typing at it (`limit_for`) or check a value as it
is typed (`check_length`).

The limits come in a few sizes, chosen for what each field holds:

- names: 100 characters. The NHS's Personal Demographics Service keeps 35 for each given name
  and for the family name; 100 leaves room for several given names and joined family names.
- one line: 200 characters, for a language, a relationship, who set a goal, a provider.
- a sentence or two: 1,000 characters, for one-line fields that describe (who got in touch and
  how, a goal in the person's words, a step of a plan, why an outcome came early).
- notes: 5,000 characters (about two pages), for notes and the person's words at a review.
- conversation: 20,000 characters (about 3,500 words, seven pages of print), for what the person
  told us: page two's answers, what brought them to us, a carer's plan. That is more than
  anyone writes under one heading after a long conversation, and a document with every such
  field full still prints in seconds.

Some fields have limits of their own: an NHS number (12: ten digits written 3-3-4 with spaces),
a postcode (8: "SW1A 2AA"), a phone number (100: a number and a few words, "after 2pm, ask for
Jo"), an email address (254: the longest an address can be) and an address (500).

Characters are counted as Python counts them (Unicode code points). Qt's `maxLength` counts
UTF-16 units, which are never fewer, so a widget given `limit_for` never holds more than the
store accepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from assessor.validation import InvalidInput

NAME = 100
LINE = 200
SENTENCES = 1_000
NOTE = 5_000
CONVERSATION = 20_000

_SHORTEN = "Shorten it."
_SUMMARISE = "Shorten it, or keep the full text in the council’s case record and a summary here."


class RecordKind(StrEnum):
    """Each kind of record that holds typed text."""

    PERSON = "person"
    PERSON_WHO_MATTERS = "person_who_matters"
    CONTACT = "contact"
    CONVERSATION_ENTRY = "conversation_entry"
    GOAL = "goal"
    GOAL_REVIEW = "goal_review"
    EPISODE = "episode"
    EPISODE_REVIEW = "episode_review"
    PROGRESSION_PLAN = "progression_plan"
    PLAN_REVIEW = "plan_review"
    CARING_ROLE = "caring_role"
    CARER_OFFER = "carer_offer"
    CARER_PLAN = "carer_plan"
    CARER_REVIEW = "carer_review"
    AGREED_STEP = "agreed_step"
    SYNC_CONFLICT = "sync_conflict"


# For each kind, each text field: (the most characters it may hold, what the message calls it).
# A progression plan's "steps" limits the words of each step.
LIMITS: Mapping[RecordKind, Mapping[str, tuple[int, str]]] = {
    RecordKind.PERSON: {
        "preferred_name": (NAME, "The name they like to be called"),
        "first_names": (NAME, "First names"),
        "family_name": (NAME, "The family name"),
        "other_names": (LINE, "Other names"),
        "nhs_number": (12, "An NHS number"),
        "address": (500, "An address"),
        "postcode": (8, "A postcode"),
        "phone": (100, "A phone number"),
        "email": (254, "An email address"),
        "communication_needs": (NOTE, "Communication needs"),
        "interpreter_language": (LINE, "The interpreter language"),
        "share_with": (SENTENCES, "Who it may be shared with"),
        "route_detail": (SENTENCES, "Who got in touch, and how"),
        "presenting_problem": (CONVERSATION, "What brought them to us"),
        "alerts": (NOTE, "What a visitor must know"),
        "gp_practice": (LINE, "The GP practice"),
        "attorney": (SENTENCES, "Who holds power of attorney or is a deputy"),
        "format_arranged": (SENTENCES, "How it was arranged"),
        "in_error_reason": (SENTENCES, "Why it was entered in error"),
        "caseload_of": (LINE, "Whose caseload they are on"),
    },
    RecordKind.PERSON_WHO_MATTERS: {
        "name": (NAME, "A name"),
        "relationship_detail": (LINE, "The relationship in their words"),
        "phone": (100, "A phone number"),
        "email": (254, "An email address"),
        "notes": (NOTE, "Notes"),
    },
    RecordKind.CONTACT: {
        "worker": (LINE, "The worker’s name"),
        "in_error_reason": (SENTENCES, "Why it was entered in error"),
    },
    RecordKind.CONVERSATION_ENTRY: {"text": (CONVERSATION, "An answer on page two")},
    RecordKind.GOAL: {
        "words": (SENTENCES, "A goal"),
        "set_by": (LINE, "Who set the goal"),
        "expected": (SENTENCES, "What it will look like"),
    },
    RecordKind.GOAL_REVIEW: {
        "note": (NOTE, "A review note"),
        "in_error_reason": (SENTENCES, "Why it was entered in error"),
    },
    RecordKind.EPISODE: {
        "provider": (LINE, "The provider"),
        "outcome_2_weeks_early_because": (SENTENCES, "Why the 2-week outcome came early"),
        "outcome_6_weeks_early_because": (SENTENCES, "Why the 6-week outcome came early"),
        "outcome_2_weeks_in_error": (SENTENCES, "Why the 2-week outcome was entered in error"),
        "outcome_6_weeks_in_error": (SENTENCES, "Why the 6-week outcome was entered in error"),
    },
    RecordKind.EPISODE_REVIEW: {
        "note": (NOTE, "A review note"),
        "in_error_reason": (SENTENCES, "Why it was entered in error"),
    },
    RecordKind.PROGRESSION_PLAN: {"steps": (SENTENCES, "A step of the plan")},
    RecordKind.PLAN_REVIEW: {"note": (SENTENCES, "What has changed")},
    RecordKind.CARING_ROLE: {"what_they_do": (SENTENCES, "What they do as a carer")},
    RecordKind.CARER_OFFER: {"note": (NOTE, "An offer note")},
    RecordKind.CARER_PLAN: {
        "what_will_help": (CONVERSATION, "What will help"),
        "breaks": (CONVERSATION, "Breaks"),
        "contingency": (CONVERSATION, "What happens if they cannot care"),
    },
    RecordKind.CARER_REVIEW: {
        "words": (NOTE, "Their words"),
        "note": (NOTE, "The worker’s note"),
    },
    RecordKind.AGREED_STEP: {
        "what": (SENTENCES, "A step we agreed"),
        "who": (LINE, "Who will do it"),
    },
    RecordKind.SYNC_CONFLICT: {
        "incoming_by": (LINE, "Who made one version"),
        "current_by": (LINE, "Who made the other version"),
    },
}


def limit_for(kind: RecordKind, field: str) -> int:
    """The most characters `field` of a `kind` record may hold (KeyError for a field without
    a limit, such as a date or a choice)."""
    return LIMITS[kind][field][0]


def check_length(kind: RecordKind, field: str, text: str) -> None:
    """Raise InvalidInput, saying how long it may be and how long it is, for text too long for
    its field."""
    limit, what = LIMITS[kind][field]
    if len(text) > limit:
        advice = _SHORTEN if limit <= SENTENCES else _SUMMARISE
        raise InvalidInput(
            f"{what} can be at most {limit:,} characters; this has {len(text):,}. {advice}"
        )

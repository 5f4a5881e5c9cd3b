"""The two-page record as plain data: page one about the person, page two the conversation.

These dataclasses are what every layer passes around. The store turns rows into them and back;
the interface shows them; exports read them. Choices are `LabelledChoice`s (see
`assessor.choices`): each member declares its stable code and, where needed, its wording.
Everything held about a person together is `assessor.person_file.PersonFile`, above this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assessor.choices import LabelledChoice
from assessor.stamps import Stamp


class ContactPreference(LabelledChoice):
    PHONE = "phone"
    TEXT_MESSAGE = "text_message", "Text message"
    EMAIL = "email"
    LETTER = "letter"
    IN_PERSON = "in_person", "In person"
    THROUGH_SOMEONE = "through_someone", "Through someone they trust"


class InformationFormat(LabelledChoice):
    """Accessible Information Standard formats for what we send the person."""

    STANDARD = "standard", "Standard print"
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read", "Easy Read"
    BRAILLE = "braille", "Braille"
    AUDIO = "audio", "Audio"
    INTERPRETER = "interpreter", "Spoken, with an interpreter"
    BSL = "bsl", "British Sign Language (BSL)"


class ConsentHow(LabelledChoice):
    SPOKEN = "spoken", "Said so in person"
    WRITTEN = "written", "In writing"
    BY_PHONE = "by_phone", "Said so on the phone"
    BY_REPRESENTATIVE = "by_representative", "Through someone who can act for them"


class Relationship(LabelledChoice):
    FAMILY = "family"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"
    CARER = "carer"
    PROFESSIONAL = "professional"
    OTHER = "other"


class Route(LabelledChoice):
    """How the person came to us."""

    SELF = "self", "They got in touch themselves"
    FAMILY_OR_FRIEND = "family_or_friend", "Family or a friend"
    GP = "gp", "GP"
    HOSPITAL = "hospital", "Hospital"
    COMMUNITY_HEALTH = "community_health", "Community health team"
    VOLUNTARY_SECTOR = "voluntary_sector", "A community or voluntary group"
    HOUSING = "housing", "Housing"
    POLICE = "police", "Police"
    OTHER = "other"


class Place(LabelledChoice):
    PHONE = "phone", "Phone call"
    TALKING_POINT = "talking_point", "Talking Point"
    HOME_VISIT = "home_visit", "Home visit"
    HOSPITAL = "hospital"
    OTHER = "other"


class ConversationKind(LabelledChoice):
    """The Three Conversations, and a carer's conversation about their own needs."""

    CONNECT = "connect", "Connect"
    AT_RISK = "at_risk", "At risk"
    LONG_TERM = "long_term", "Long-term support"
    CARER = "carer", "Carer’s conversation"


class Followed(LabelledChoice):
    """What followed a contact; a contact may lead to more than one."""

    INFORMATION_AND_ADVICE = "information_and_advice", "Information and advice"
    SIGNPOSTED = "signposted"
    INTRODUCTION = "introduction", "Introduction to a community resource"
    SHORT_TERM_HELP = "short_term_help", "Short-term help"
    ASSESSMENT = "assessment"
    NO_FURTHER_ACTION = "no_further_action"


@dataclass
class PersonWhoMatters:
    """Family, friends, neighbours, carers and professionals in the person's life."""

    name: str
    relationship: Relationship | None = None
    relationship_detail: str = ""
    phone: str = ""
    email: str = ""
    is_carer: bool = False
    notes: str = ""
    id: str = ""
    stamp: Stamp | None = None


@dataclass
class Person:
    """Page one: who the person is, how to reach them, and why they came to us."""

    preferred_name: str
    presenting_problem: str
    first_names: str = ""
    family_name: str = ""
    other_names: str = ""
    date_of_birth: date | None = None
    nhs_number: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    contact_preference: ContactPreference | None = None
    communication_needs: str = ""
    information_format: InformationFormat | None = None
    interpreter_language: str = ""
    consent_to_record: bool | None = None
    consent_to_share: bool | None = None
    share_with: str = ""
    consent_date: date | None = None
    consent_how: ConsentHow | None = None
    route: Route | None = None
    route_detail: str = ""
    alerts: str = ""  # what a visitor must know before they go, one to a line
    gp_practice: str = ""
    lives_alone: bool | None = None
    attorney: str = ""  # who holds power of attorney or is a deputy, and for what
    format_arranged: str = ""  # how braille, audio, BSL or an interpreter was arranged
    format_arranged_on: date | None = None
    in_error_reason: str = ""  # why the whole record was entered in error; "" if it was not
    people_who_matter: list[PersonWhoMatters] = field(default_factory=list)
    id: str = ""
    stamp: Stamp | None = None

    @property
    def display_name(self) -> str:
        """The name the person goes by, then the family name."""
        return " ".join(part for part in (self.preferred_name, self.family_name) if part)


PERSON_FIELDS: frozenset[str] = frozenset(
    name for name in Person.__dataclass_fields__ if name not in {"people_who_matter", "id", "stamp"}
)
PERSON_WHO_MATTERS_FIELDS: frozenset[str] = frozenset(
    name for name in PersonWhoMatters.__dataclass_fields__ if name not in {"id", "stamp"}
)


@dataclass
class Contact:
    """One time the person and the council were in touch.

    A carer's conversation is private to the carer unless `shared_with_cared_for` says they
    agreed to share it with the people they care for (see `assessor.carers`).

    `recorded_order` is where the store's own numbering of what it writes puts the contact: one
    recorded later has a higher number, whatever date the laptop's clock gave it (0 until it is
    stored). It breaks ties between contacts on one day and finds the conversation just recorded.
    Two contacts that say the same are equal wherever the store put them.
    """

    person_id: str
    on: date
    place: Place | None = None
    kind: ConversationKind | None = None
    worker: str = ""
    followed: frozenset[Followed] = frozenset()
    shared_with_cared_for: bool = False
    follow_up_on: date | None = None  # when we agreed to talk next
    in_error_reason: str = ""  # why this contact was entered in error; "" if it was not
    id: str = ""
    stamp: Stamp | None = None
    recorded_order: int = field(default=0, compare=False)  # the store's, not the contact's


CONTACT_FIELDS: frozenset[str] = frozenset(
    {
        "on",
        "place",
        "kind",
        "worker",
        "followed",
        "shared_with_cared_for",
        "follow_up_on",
        "in_error_reason",
    }
)


@dataclass
class AgreedStep:
    """One next step agreed at a conversation ("what we agreed"), and who will take it."""

    contact_id: str
    what: str
    who: str = ""
    by_when: date | None = None
    id: str = ""
    stamp: Stamp | None = None


AGREED_STEP_FIELDS: frozenset[str] = frozenset({"what", "who", "by_when"})


@dataclass(frozen=True)
class Entry:
    """One answer on page two. `own_words` marks it as the person's words, kept exactly."""

    text: str
    own_words: bool = False
    revision: int = field(default=0, compare=False)  # as stored; 0 for an answer not yet stored


@dataclass
class Conversation:
    """Page two for one contact: answers keyed by topic code (see `assessor.prompts`), and
    the steps we agreed, in the order they were added."""

    contact_id: str
    entries: dict[str, Entry] = field(default_factory=dict)
    steps: list[AgreedStep] = field(default_factory=list)

    def text(self, topic: str) -> str:
        entry = self.entries.get(topic)
        return entry.text if entry else ""

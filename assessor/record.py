"""The two-page record as plain data: page one about the person, page two the conversation.

These dataclasses are what every layer passes around. The store turns rows into them and back;
the interface shows them; exports read them. Choices are `StrEnum`s whose values are the stable
codes kept in the store and in exports, and whose `label` is the worker-facing wording.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assessor.carers import CarerOffer, CarerPlan, CarerReview, CaringRole
    from assessor.goals import Goal, Review
    from assessor.progression import PlanReview, ProgressionPlan
    from assessor.short_term import Episode, EpisodeReview


class LabelledChoice(StrEnum):
    """A choice whose stored value is a code and whose label is what the worker reads."""

    @property
    def label(self) -> str:
        return _LABELS.get(_key(self), self.value.replace("_", " ").capitalize())


class ContactPreference(LabelledChoice):
    PHONE = "phone"
    TEXT_MESSAGE = "text_message"
    EMAIL = "email"
    LETTER = "letter"
    IN_PERSON = "in_person"
    THROUGH_SOMEONE = "through_someone"


class InformationFormat(LabelledChoice):
    """Accessible Information Standard formats for what we send the person."""

    STANDARD = "standard"
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"
    BRAILLE = "braille"
    AUDIO = "audio"
    INTERPRETER = "interpreter"
    BSL = "bsl"


class ConsentHow(LabelledChoice):
    SPOKEN = "spoken"
    WRITTEN = "written"
    BY_PHONE = "by_phone"
    BY_REPRESENTATIVE = "by_representative"


class Relationship(LabelledChoice):
    FAMILY = "family"
    FRIEND = "friend"
    NEIGHBOUR = "neighbour"
    CARER = "carer"
    PROFESSIONAL = "professional"
    OTHER = "other"


class Route(LabelledChoice):
    """How the person came to us."""

    SELF = "self"
    FAMILY_OR_FRIEND = "family_or_friend"
    GP = "gp"
    HOSPITAL = "hospital"
    COMMUNITY_HEALTH = "community_health"
    VOLUNTARY_SECTOR = "voluntary_sector"
    HOUSING = "housing"
    POLICE = "police"
    OTHER = "other"


class Place(LabelledChoice):
    PHONE = "phone"
    TALKING_POINT = "talking_point"
    HOME_VISIT = "home_visit"
    HOSPITAL = "hospital"
    OTHER = "other"


class ConversationKind(LabelledChoice):
    """The Three Conversations, and a carer's conversation about their own needs."""

    CONNECT = "connect"
    AT_RISK = "at_risk"
    LONG_TERM = "long_term"
    CARER = "carer"


class Followed(LabelledChoice):
    """What followed a contact; a contact may lead to more than one."""

    INFORMATION_AND_ADVICE = "information_and_advice"
    SIGNPOSTED = "signposted"
    INTRODUCTION = "introduction"
    SHORT_TERM_HELP = "short_term_help"
    ASSESSMENT = "assessment"
    NO_FURTHER_ACTION = "no_further_action"


def _key(choice: StrEnum) -> tuple[type[StrEnum], str]:
    """Labels are found by type and code: members of different choices that share a code
    (Place.HOSPITAL, Route.HOSPITAL) are equal as strings, so cannot key a dict themselves."""
    return type(choice), choice.value


_LABELS: dict[tuple[type[StrEnum], str], str] = {}


def label_choices(labels: Iterable[tuple[StrEnum, str]]) -> None:
    """Give choices their worker-facing wording, here and in other domain modules."""
    _LABELS.update((_key(choice), words) for choice, words in labels)


label_choices(
    [
        (ContactPreference.TEXT_MESSAGE, "Text message"),
        (ContactPreference.IN_PERSON, "In person"),
        (ContactPreference.THROUGH_SOMEONE, "Through someone they trust"),
        (InformationFormat.STANDARD, "Standard print"),
        (InformationFormat.EASY_READ, "Easy read"),
        (InformationFormat.BRAILLE, "Braille"),
        (InformationFormat.AUDIO, "Audio"),
        (InformationFormat.INTERPRETER, "Spoken, with an interpreter"),
        (InformationFormat.BSL, "British Sign Language (BSL)"),
        (ConsentHow.SPOKEN, "Said so in person"),
        (ConsentHow.WRITTEN, "In writing"),
        (ConsentHow.BY_PHONE, "Said so on the phone"),
        (ConsentHow.BY_REPRESENTATIVE, "Through someone who can act for them"),
        (Route.SELF, "They got in touch themselves"),
        (Route.FAMILY_OR_FRIEND, "Family or a friend"),
        (Route.GP, "GP"),
        (Route.HOSPITAL, "Hospital"),
        (Route.COMMUNITY_HEALTH, "Community health team"),
        (Route.VOLUNTARY_SECTOR, "A community or voluntary group"),
        (Route.HOUSING, "Housing"),
        (Route.POLICE, "Police"),
        (Place.PHONE, "Phone call"),
        (Place.TALKING_POINT, "Talking Point"),
        (Place.HOME_VISIT, "Home visit"),
        (ConversationKind.CONNECT, "Connect"),
        (ConversationKind.AT_RISK, "At risk"),
        (ConversationKind.LONG_TERM, "Long-term support"),
        (ConversationKind.CARER, "Carer’s conversation"),
        (Followed.INFORMATION_AND_ADVICE, "Information and advice"),
        (Followed.INTRODUCTION, "Introduction to a community resource"),
        (Followed.SHORT_TERM_HELP, "Short-term help"),
    ]
)


@dataclass(frozen=True)
class Stamp:
    """Who changed a record and when: every stored thing carries one, for sync and audit."""

    created_at: datetime
    updated_at: datetime
    updated_by: str
    revision: int


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
    id: str = ""
    stamp: Stamp | None = None
    recorded_order: int = field(default=0, compare=False)  # the store's, not the contact's


CONTACT_FIELDS: frozenset[str] = frozenset(
    {"on", "place", "kind", "worker", "followed", "shared_with_cared_for"}
)


@dataclass(frozen=True)
class Entry:
    """One answer on page two. `own_words` marks it as the person's words, kept exactly."""

    text: str
    own_words: bool = False
    revision: int = field(default=0, compare=False)  # as stored; 0 for an answer not yet stored


@dataclass
class Conversation:
    """Page two for one contact: answers keyed by topic code (see `assessor.prompts`)."""

    contact_id: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def text(self, topic: str) -> str:
        entry = self.entries.get(topic)
        return entry.text if entry else ""


@dataclass
class SharedConversation:
    """A carer's conversation the carer agreed to share with the person they care for."""

    carer_id: str
    carer_name: str
    contact: Contact
    conversation: Conversation


@dataclass
class AsCarer:
    """What a person's record holds about them as a carer: whom they care for, the offers of a
    conversation of their own, their plans (newest first) and reviews (oldest first)."""

    roles: list[CaringRole] = field(default_factory=list)
    offers: list[CarerOffer] = field(default_factory=list)
    plans: list[CarerPlan] = field(default_factory=list)
    reviews: list[CarerReview] = field(default_factory=list)


@dataclass
class PersonFile:
    """Everything held about one person: page one, contacts and their conversations, goals,
    short-term help and progression plans, each with its reviews (oldest first); their carers
    and what those carers agreed to share; and, if they are a carer, what is theirs as one."""

    person: Person
    contacts: list[Contact]
    conversations: dict[str, Conversation]
    goals: list[Goal] = field(default_factory=list)
    reviews: dict[str, list[Review]] = field(default_factory=dict)
    episodes: list[Episode] = field(default_factory=list)
    episode_reviews: dict[str, list[EpisodeReview]] = field(default_factory=dict)
    plans: list[ProgressionPlan] = field(default_factory=list)
    plan_reviews: dict[str, list[PlanReview]] = field(default_factory=dict)
    carers: list[CaringRole] = field(default_factory=list)
    shared_by_carers: list[SharedConversation] = field(default_factory=list)
    as_carer: AsCarer = field(default_factory=AsCarer)

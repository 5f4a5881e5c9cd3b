"""Carers as people in their own right (seed 003: strengths-based practice can treat a family
carer only as an asset).

A carer has a record of their own, linked by a caring role to each person they care for. Their
conversation is a contact on their own record, of the kind `ConversationKind.CARER`, private to
them unless they agree to share it. Their goals are goals of their own record. This module adds
what only carers have: the offer of a conversation, their plan, and at each review whether they
feel supported (the Isle of Wight measure, seed 003).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from assessor.choices import LabelledChoice
from assessor.record import Contact, ConversationKind, Person, PersonWhoMatters
from assessor.stamps import Stamp
from assessor.validation import InvalidInput, format_date

HOURS_IN_A_WEEK = 168
# A carer's review shows as due this long before the day it is planned for.
REVIEW_NOTICE = timedelta(days=7)
# A review recorded up to this long before the planned day is that review, held a little early.
REVIEW_EARLY = timedelta(weeks=4)


class Supported(LabelledChoice):
    """The carer's answer to "Do you feel supported?"."""

    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class OfferResponse(LabelledChoice):
    """What the carer said when offered a conversation of their own."""

    WANTS_ONE = "wants_one", "They would like one"
    NOT_NOW = "not_now", "Not now, perhaps later"
    DECLINED = "declined", "They do not want one"


@dataclass
class CaringRole:
    """One carer caring for one person. A carer may care for several people, and a person may
    have several carers: each pair is its own role. `named_as_id` is the entry on the cared-for
    person's page one that named the carer, when there is one."""

    carer_id: str
    cared_for_id: str
    what_they_do: str = ""
    hours_a_week: int | None = None
    since: date | None = None
    live_together: bool | None = None
    named_as_id: str = ""
    id: str = ""
    stamp: Stamp | None = None

    def check(self) -> None:
        if self.carer_id == self.cared_for_id:
            raise InvalidInput("Someone cannot be recorded as their own carer.")
        if self.hours_a_week is not None and not 0 <= self.hours_a_week <= HOURS_IN_A_WEEK:
            raise InvalidInput(
                f"Hours a week should be between 0 and {HOURS_IN_A_WEEK}; "
                f"{self.hours_a_week} is not."
            )


CARING_ROLE_FIELDS: frozenset[str] = frozenset(
    {"what_they_do", "hours_a_week", "since", "live_together"}
)


@dataclass
class CarerOffer:
    """A carer was offered a conversation of their own. Append-only."""

    carer_id: str
    on: date
    response: OfferResponse
    note: str = ""
    id: str = ""
    stamp: Stamp | None = None

    def check(self, today: date | None = None) -> None:
        if today is not None and self.on > today:
            raise InvalidInput(
                f"An offer cannot be recorded for a day still to come ({format_date(self.on)})."
            )


@dataclass
class CarerPlan:
    """The carer's own plan: what will help, their breaks, what happens in an emergency, and
    when it is next reviewed."""

    carer_id: str
    made_on: date
    what_will_help: str = ""
    breaks: str = ""
    contingency: str = ""
    review_on: date | None = None
    id: str = ""
    stamp: Stamp | None = None

    def check(self) -> None:
        if self.review_on is not None and self.review_on < self.made_on:
            raise InvalidInput(
                f"The review on {format_date(self.review_on)} would come before the plan was "
                f"made ({format_date(self.made_on)})."
            )


CARER_PLAN_FIELDS: frozenset[str] = frozenset(
    {"what_will_help", "breaks", "contingency", "review_on"}
)


@dataclass
class CarerReview:
    """A review with the carer: "Do you feel supported?" and their words. Append-only, so the
    answers are kept over time."""

    carer_id: str
    on: date
    supported: Supported
    words: str = ""
    note: str = ""
    id: str = ""
    stamp: Stamp | None = None

    def check(self, today: date | None = None) -> None:
        if today is not None and self.on > today:
            raise InvalidInput(
                f"A review cannot be recorded for a day still to come ({format_date(self.on)})."
            )


def person_from_name(name: str, phone: str = "", email: str = "") -> Person:
    """A record of their own for someone known only by the name page one or the worker gives
    them, such as a carer: one word is the preferred name; of several, the last is the family
    name. Nothing is presumed about why they came to us."""
    words = name.split()
    if len(words) < 2:
        return Person(preferred_name=name.strip(), presenting_problem="", phone=phone, email=email)
    return Person(
        preferred_name=words[0],
        first_names=" ".join(words[:-1]),
        family_name=words[-1],
        presenting_problem="",
        phone=phone,
        email=email,
    )


def is_carer_conversation(contact: Contact) -> bool:
    return contact.kind is ConversationKind.CARER


def seen_by_cared_for(contact: Contact) -> bool:
    """The privacy rule: of a carer's contacts, the people they care for may see only the
    carer's conversations the carer agreed to share."""
    return is_carer_conversation(contact) and contact.shared_with_cared_for


@dataclass(frozen=True)
class CarerToOffer:
    """A carer still to be offered a conversation of their own. `carer_id` is empty when they
    were named on someone's page one but have no record yet; `named_as_id` then says where."""

    name: str
    cared_for_ids: tuple[str, ...]
    carer_id: str = ""
    named_as_id: str = ""


def carers_to_offer(
    named: Iterable[tuple[str, PersonWhoMatters]],
    roles: Iterable[CaringRole],
    names: dict[str, str],
    offered: set[str],
) -> list[CarerToOffer]:
    """Carers not yet offered a conversation of their own, by name.

    `named` pairs each cared-for person's id with someone their page one calls a carer; `roles`
    are the caring roles held; `names` gives carers' names by id; `offered` holds the ids of
    carers already offered one (or who have had one).
    """
    roles = list(roles)
    linked = entries_linked(roles)
    cares_for: dict[str, list[str]] = {}
    for role in roles:
        cares_for.setdefault(role.carer_id, []).append(role.cared_for_id)
    found = [
        CarerToOffer(names.get(carer_id, ""), tuple(cared_for), carer_id=carer_id)
        for carer_id, cared_for in cares_for.items()
        if carer_id not in offered
    ]
    found += [
        CarerToOffer(who.name, (cared_for_id,), named_as_id=who.id)
        for cared_for_id, who in named
        if without_record(who, linked)
    ]
    return sorted(found, key=lambda carer: carer.name.casefold())


def entries_linked(roles: Iterable[CaringRole]) -> set[str]:
    """The page-one entries whose carer a caring role links to a record of their own."""
    return {role.named_as_id for role in roles if role.named_as_id}


def without_record(who: PersonWhoMatters, linked: set[str]) -> bool:
    """Someone page one calls a carer whom no caring role links to a record of their own;
    `linked` holds the page-one entries that roles name. The Carers list and the person's
    Carers tab both ask this, so they agree on who the carers are."""
    return who.is_carer and who.id not in linked


def named_carers_without_record(
    people_who_matter: Iterable[PersonWhoMatters], roles: Iterable[CaringRole]
) -> list[PersonWhoMatters]:
    """The carers a person's page one names who have no record of their own yet."""
    linked = entries_linked(roles)
    return [who for who in people_who_matter if without_record(who, linked)]


def review_due(plan: CarerPlan, today: date, reviews: Iterable[CarerReview]) -> bool:
    """A carer's review is due from a week before the day it is planned for, unless the carer
    has had it already: a review of theirs after the plan was made (the one on that day is
    what the plan was made from) and no more than four weeks before the planned day."""
    if plan.review_on is None or today < plan.review_on - REVIEW_NOTICE:
        return False
    held_from = max(plan.made_on + timedelta(days=1), plan.review_on - REVIEW_EARLY)
    return not any(
        review.carer_id == plan.carer_id and review.on >= held_from for review in reviews
    )


@dataclass(frozen=True)
class SupportedCount:
    """How many carers feel supported, by their latest answer in a period."""

    yes: int
    partly: int
    no: int

    @property
    def asked(self) -> int:
        return self.yes + self.partly + self.no

    @property
    def percent_yes(self) -> float | None:
        """The share answering yes; the council's target for it is in `assessor.targets`."""
        return 100 * self.yes / self.asked if self.asked else None


def feel_supported(reviews: Iterable[CarerReview], start: date, end: date) -> SupportedCount:
    """Each carer counted once, by their latest answer between `start` and `end` inclusive."""
    latest: dict[str, CarerReview] = {}
    for review in reviews:
        if start <= review.on <= end:
            held = latest.get(review.carer_id)
            if held is None or review.on >= held.on:
                latest[review.carer_id] = review
    answers = [review.supported for review in latest.values()]
    return SupportedCount(
        yes=answers.count(Supported.YES),
        partly=answers.count(Supported.PARTLY),
        no=answers.count(Supported.NO),
    )

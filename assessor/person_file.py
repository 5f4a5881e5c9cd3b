"""Everything held about one person, gathered from the record's parts.

The aggregate sits above the parts it gathers (page one and the conversations, goals, short-term
help, progression plans and carers), so none of them needs to know about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assessor.carers import CarerOffer, CarerPlan, CarerReview, CaringRole
from assessor.goals import Goal, Review
from assessor.in_error import current
from assessor.progression import PlanReview, ProgressionPlan
from assessor.record import Contact, Conversation, Person
from assessor.short_term import Episode, EpisodeReview


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

    def counted(self) -> PersonFile:
        """The file as lists and prints show it: contacts and reviews entered in error left
        out (an outcome entered in error already reads as not recorded). The whole file, marks
        and all, is what the export and the history read."""
        return replace(
            self,
            contacts=current(self.contacts),
            reviews={goal: current(reviews) for goal, reviews in self.reviews.items()},
            episode_reviews={
                episode: current(reviews) for episode, reviews in self.episode_reviews.items()
            },
        )


@dataclass
class OpenedPerson:
    """What opening a person shows at once, read together: the header and page one (the
    person, their carers, whom they care for) and the contacts tab (the timeline, newest first,
    and page two of the newest contact, if any)."""

    person: Person
    carers: list[CaringRole]
    cares_for: list[CaringRole]
    contacts: list[Contact]
    newest: Conversation | None

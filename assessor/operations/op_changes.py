"""What an operation changed: which people's records, and which kinds of record.

A face reads this to decide what to show afresh: the open person's tab, the Due list, the
counts. An empty report means nothing changed (a read, or a save of what was already there).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class RecordKind(StrEnum):
    """The kinds of record an operation can change, as the faces group what they show."""

    PERSON = "person"  # page one, the people who matter, the caseload's rows
    CONTACT = "contact"  # contacts and their conversations (page two)
    FOLLOW_UP = "follow_up"  # which follow-up is still to come: a contact added, its dates
    GOAL = "goal"  # goals and their reviews
    SHORT_TERM_HELP = "short_term_help"  # episodes, weekly reviews, outcomes
    PROGRESSION = "progression"  # progression plans and their reviews
    CARER = "carer"  # caring roles, offers, carers' conversations, plans and reviews
    DRAFT = "draft"  # text kept on this laptop because it failed a check or conflicted


@dataclass(frozen=True)
class OpChanges:
    """The people whose records changed and the kinds of record that changed."""

    people: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[RecordKind] = field(default_factory=frozenset)

    @classmethod
    def of(cls, people: Iterable[str], *kinds: RecordKind) -> OpChanges:
        return cls(frozenset(people), frozenset(kinds))

    def __bool__(self) -> bool:
        return bool(self.people or self.kinds)

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.people | other.people, self.kinds | other.kinds)

    def touches(self, *kinds: RecordKind) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def touches_person(self, person_id: str) -> bool:
        return person_id in self.people


NOTHING_CHANGED = OpChanges()


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """An operation's value (a new record, its new revision) and what it changed."""

    value: T
    changes: OpChanges

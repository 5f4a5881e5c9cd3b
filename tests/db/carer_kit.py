"""Carers and the people they care for, as the carer store tests set them up (fictional)."""

from __future__ import annotations

from datetime import date

from assessor.carers import CaringRole
from assessor.record import (
    Contact,
    ConversationKind,
    Entry,
    Person,
    PersonWhoMatters,
    Relationship,
)
from db.store import Store

TODAY = date.today()


def add_person(store: Store, name: str, family: str, *named: PersonWhoMatters) -> str:
    person = Person(name, "Help at home", family_name=family, people_who_matter=list(named))
    return store.add_person(person).id


def bernie_eileen_and_peggy(store: Store) -> dict[str, str]:
    """Bernie and two people she could care for; Peggy's page one names Grace as a carer."""
    return {
        "bernie": add_person(store, "Bernie", "Kelly"),
        "eileen": add_person(store, "Eileen", "Brannigan"),
        "peggy": add_person(
            store,
            "Peggy",
            "Okafor",
            PersonWhoMatters(
                "Grace Okafor",
                Relationship.FAMILY,
                "Daughter",
                phone="07700 900101",
                email="grace@example.org",
                is_carer=True,
            ),
        ),
    }


def add_role(store: Store, carer: str, cared_for: str, **kw: object) -> CaringRole:
    return store.add_caring_role(CaringRole(carer, cared_for, **kw))  # type: ignore[arg-type]


def add_carer_conversation(store: Store, carer: str, text: str, shared: bool) -> Contact:
    contact = store.add_contact(
        Contact(carer, TODAY, kind=ConversationKind.CARER, shared_with_cared_for=shared)
    )
    topic = "carer_what_would_help" if shared else "carer_feelings"
    store.set_entry(contact.id, topic, Entry(text, own_words=True))
    return contact

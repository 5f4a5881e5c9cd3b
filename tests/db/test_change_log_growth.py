"""The change log grows with what is typed, not with the length of the text typed into: a long
answer saved a few words at a time adds a few words' worth each save, and its history still
replays to exactly what is stored."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from assessor.record import Contact, Entry, Person
from db.connection import raw_connection, store_path
from db.store import Change, Store

pytestmark = pytest.mark.sqlite_only  # the SQLite file's size

SAVES = 100
STORY = "Chapel on a Sunday, my garden, and not being a burden on Grace. " * 230  # ~15,000


def _sizes(tmp_path: Path) -> tuple[int, int]:
    """The change log's bytes, and the store's size as a reader sees it (WAL included)."""
    with raw_connection(store_path(tmp_path)) as connection:
        (log,) = connection.execute("SELECT sum(length(changes)) FROM change_log").fetchone()
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    return log, pages * page_size


def _replay(history: list[Change]) -> str:
    """What a reader of the log (an audit, sync) does: the insert's text, then each edit,
    checking it applies to the text it was made from."""
    text = history[0].changes["text"]
    for change in history[1:]:
        value = change.changes["text"]
        if isinstance(value, str):
            text = value
            continue
        edit = value["text_edit"]
        assert hashlib.sha256(text.encode()).hexdigest() == edit["before_sha256"]
        text = text[: edit["at"]] + edit["inserted"] + text[edit["at"] + edit["removed"] :]
    return text


def test_typing_into_a_long_answer_grows_the_log_by_what_is_typed(tmp_path: Path) -> None:
    store = Store.open(tmp_path, "Sam Patel", create=True)
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    contact = store.add_contact(Contact(person.id, date(2026, 11, 23)))
    text = STORY
    store.set_entry(contact.id, "what_matters", Entry(text, own_words=True))
    log_before, size_before = _sizes(tmp_path)

    typed = 0
    for save in range(SAVES):  # a few words between saves: mostly at the end, some earlier
        if save % 10 == 9:
            text = text[:100] + text[130:]  # or part of a sentence near the start cut
        else:
            words = f" and the bus on {save} Tuesdays"
            at = len(text) if save % 3 else len(text) // (save + 2)
            text = text[:at] + words + text[at:]
            typed += len(words)
        store.set_entry(contact.id, "what_matters", Entry(text, own_words=True))

    log_after, size_after = _sizes(tmp_path)
    # Each save costs what was typed and a few hundred bytes, not the 15,000-character answer.
    assert log_after - log_before < typed + SAVES * 300
    assert size_after - size_before < 200_000
    (entry_id,) = store.entry_ids([contact.id])
    history = store.history([entry_id])
    assert len(history) == SAVES + 1
    assert _replay(history) == text == store.conversation(contact.id).text("what_matters")
    store.close()


def test_short_text_is_logged_whole_as_before(tmp_path: Path) -> None:
    store = Store.open(tmp_path, "Sam Patel", create=True)
    person = store.add_person(Person("Peggy", "Frightened of the stairs."))
    store.update_person(person.id, {"presenting_problem": "Frightened of the stairs at night."})
    assert store.history([person.id])[-1].changes == {
        "presenting_problem": "Frightened of the stairs at night."
    }
    store.close()

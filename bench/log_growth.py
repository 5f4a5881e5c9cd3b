"""How much the store grows per save while someone types into a long answer on page two.

The change log keeps every change. Before, each autosave of an answer logged the whole answer
again, so a 20,000-character answer cost about 20 KB a save however little was typed; now a
long text's change is logged as an edit (`db.text_edit`). The script fills an answer to its
limit less room to type, then saves it SAVES times, each after a few more words at the end (as
autosave does every two seconds while someone types), and prints the change log's growth and
the store file's growth per save (WAL included: the size a reader sees). Needs no Qt.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from assessor.limits import RecordKind, limit_for
from assessor.record import Contact, Entry, Person
from db.connection import raw_connection, store_path
from db.store import Store

SAVES = 200
WORDS = " and Grace"


def _sizes(folder: Path) -> tuple[int, int]:
    with raw_connection(store_path(folder)) as connection:
        (log,) = connection.execute("SELECT sum(length(changes)) FROM change_log").fetchone()
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    return log, pages * page_size


def _growth(start_length: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = Store.open(folder, "Bench", create=True)
        person = store.add_person(Person("Peggy", "Frightened of the stairs."))
        contact = store.add_contact(Contact(person.id, date(2026, 11, 23)))
        text = ("Chapel on a Sunday, my garden, and not being a burden on Grace. " * 400)[
            :start_length
        ]
        store.set_entry(contact.id, "what_matters", Entry(text, own_words=True))
        log_before, file_before = _sizes(folder)
        for _ in range(SAVES):
            text += WORDS
            store.set_entry(contact.id, "what_matters", Entry(text, own_words=True))
        log_after, file_after = _sizes(folder)
        store.close()
    return (log_after - log_before) / SAVES, (file_after - file_before) / SAVES


def main() -> None:
    longest = limit_for(RecordKind.CONVERSATION_ENTRY, "text")
    print(f"{SAVES} saves, each {len(WORDS)} more characters at the end of an answer:")
    for start in (1_000, longest - SAVES * len(WORDS)):
        log, file = _growth(start)
        print(
            f"  answer of {start:,} characters: change log +{log:,.0f} bytes a save, "
            f"store file +{file:,.0f} bytes a save"
        )


if __name__ == "__main__":
    main()

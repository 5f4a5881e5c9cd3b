"""Another program changing a record, as the command line or sync will.

Usage: python other_writer.py DATA_DIR person PERSON_ID FIELD VALUE
       python other_writer.py DATA_DIR entry CONTACT_ID TOPIC TEXT
Stores the change from the record's current revision, prints WROTE and ends.
"""

from __future__ import annotations

import sys
from pathlib import Path

from assessor.record import Entry
from db.store import Store


def main() -> None:
    data_dir, kind, record_id, field, value = sys.argv[1:6]
    store = Store.open(Path(data_dir), "Other Writer")
    try:
        if kind == "person":
            revision = store.person(record_id).stamp.revision
            store.update_person(record_id, {field: value}, revision)
        else:
            held = store.conversation(record_id).entries.get(field)
            store.set_entry(record_id, field, Entry(value), held.revision if held else 0)
    finally:
        store.close()
    print("WROTE", flush=True)


if __name__ == "__main__":
    main()

"""Another program changing a person's record, as the command line or sync will.

Usage: python other_writer.py DATA_DIR PERSON_ID FIELD VALUE. Stores the change from the record's
current revision, prints WROTE and ends.
"""

from __future__ import annotations

import sys
from pathlib import Path

from db.store import Store


def main() -> None:
    data_dir, person_id, field, value = sys.argv[1:5]
    store = Store.open(Path(data_dir), "Other Writer")
    try:
        person = store.person(person_id)
        store.update_person(person_id, {field: value}, person.stamp.revision)
    finally:
        store.close()
    print("WROTE", flush=True)


if __name__ == "__main__":
    main()

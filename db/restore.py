"""Put back the newest good copy of a store that an earlier version left half upgraded.

Versions before upgrades were one transaction could be killed between `CREATE TABLE` and the
version update, leaving a store whose upgrade then fails on what it finds already there. The
copy kept before that upgrade is whole: it is upgraded beside the store and, once that
succeeds, takes the store's place. The store that would not upgrade is kept in backups/.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from db.backups import Backup, backup_folder, backups, is_whole, keep_as_not_updated
from db.files import new_partial, remove_partials, remove_sqlite_files, replace_store
from db.problems import StoreDamaged, from_sqlite
from db.space import require_free_space
from db.sync.laptop_guard import refuse_if_unsynced


def restore_from_backup(
    store: Path,
    copy_of_store: Backup,
    migrate_whole_file: Callable[[Path], None],
    notify: Callable[[str], None],
) -> Backup:
    """Replace `store` (copied just now as `copy_of_store`) with its newest good backup at the
    same schema, upgraded; returns the backup used. Raises StoreDamaged, with the store left
    as it was, when no copy upgrades, and UnsyncedChanges when the store holds changes the
    council's hub has not accepted (see `db.sync.laptop_guard`)."""
    refuse_if_unsynced(store, "put back an earlier copy of them")
    for candidate in backups(store):
        if candidate.path == copy_of_store.path or candidate.revision != copy_of_store.revision:
            continue
        if _upgrade_in_place_of(store, candidate, migrate_whole_file):
            kept = keep_as_not_updated(copy_of_store)
            notify(
                "Your records could not be brought up to date as they were, so Assessor put "
                f"back the copy it kept on {candidate.when} and brought that up to date. The "
                f"records that could not be updated are kept in {kept.parent} as {kept.name}."
            )
            return candidate
    raise StoreDamaged(
        f"Your records in {store.parent} could not be brought up to date, and no copy kept "
        "before an earlier update could be either. Nothing has been changed. Ask council IT "
        f"for help; the copies Assessor keeps are in {backup_folder(store)}."
    )


def _upgrade_in_place_of(
    store: Path, candidate: Backup, migrate_whole_file: Callable[[Path], None]
) -> bool:
    if not is_whole(candidate.path, candidate.revision):
        return False
    require_free_space(
        store.parent, 2 * candidate.path.stat().st_size, "put back the last good copy"
    )
    remove_partials(store.parent, store.name)
    partial = new_partial(store)
    try:
        shutil.copyfile(candidate.path, partial)
        migrate_whole_file(partial)
        replace_store(partial, store)
    except sqlite3.Error as error:
        problem = from_sqlite(error, store)
        if problem is not None:
            raise problem from error
        return False  # this copy does not upgrade either
    finally:
        remove_sqlite_files(partial)  # nothing is left once it is in place
    return True

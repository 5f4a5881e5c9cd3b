"""Holds the store's write lock, as another program writing to it would, until told to let go.

Usage: python lock_holder.py STORE_FILE. Prints LOCKED once it holds the lock; a line on its
standard input makes it let go and print FREE.
"""

from __future__ import annotations

import sys
from pathlib import Path

from db.connection import raw_connection


def main() -> None:
    with raw_connection(Path(sys.argv[1]), isolation_level=None) as connection:
        connection.execute("BEGIN IMMEDIATE")
        print("LOCKED", flush=True)
        sys.stdin.readline()
        connection.execute("ROLLBACK")
    print("FREE", flush=True)


if __name__ == "__main__":
    main()

"""Holds the store's write lock, as another program writing to it would, until told to let go.

Usage: python lock_holder.py STORE_FILE. Prints LOCKED once it holds the lock; a line on its
standard input makes it let go and print FREE.
"""

from __future__ import annotations

import sqlite3
import sys


def main() -> None:
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    print("LOCKED", flush=True)
    sys.stdin.readline()
    connection.execute("ROLLBACK")
    connection.close()
    print("FREE", flush=True)


if __name__ == "__main__":
    main()

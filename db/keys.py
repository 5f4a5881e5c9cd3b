"""Where the key to a store comes from, behind one small interface.

Today every store is plain: it has no key. An encrypted store later (SQLCipher, its key in the
OS keyring or unlocked by a passphrase) is one more provider here and a driver switch in
`db.connection`; nothing else that opens the store changes.
"""

from __future__ import annotations

from typing import Protocol

from db.problems import StoreProblem


class KeyProvider(Protocol):
    """Gives the raw key for a store, named by its path or URL."""

    def is_available(self) -> bool:
        """Whether keys can be had on this machine now (a keyring backend, a passphrase given)."""
        ...

    def key_for(self, store: str) -> bytes | None:
        """The store's raw key; None for a store that has none."""
        ...


class PlainStore:
    """The one provider today: a store with no key, readable by the worker's account alone."""

    def is_available(self) -> bool:
        return True

    def key_for(self, store: str) -> bytes | None:
        return None


PLAIN = PlainStore()


class KeyProblem(StoreProblem):
    """A key cannot be had, or was given to a driver that cannot use it."""


def no_keys(store: str) -> KeyProblem:
    return KeyProblem(
        f"Assessor could not get the key that unlocks the records in {store}. Nothing has "
        "been changed. Log in again, or ask council IT for help."
    )


def key_not_usable(store: str) -> KeyProblem:
    return KeyProblem(
        f"The records in {store} are locked with a key, and this version of Assessor cannot "
        "open locked records. Nothing has been changed. Ask council IT for help."
    )

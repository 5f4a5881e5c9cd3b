"""The device's secret, kept in the OS keyring and nowhere else.

With no keyring backend (keyring's "fail" backend) there is no safe place for it, so the
laptop says so rather than fall back to a file. Council IT may choose a backend on purpose
with keyring's own PYTHON_KEYRING_BACKEND setting; the tests use an in-memory one.
"""

from __future__ import annotations

from contextlib import suppress

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError

from council.problems import NoKeyring, NotConnected

SERVICE = "assessor-council-hub"


class Credentials:
    """Device secrets by device id, in one keyring backend."""

    def __init__(self, backend: KeyringBackend) -> None:
        self._backend = backend

    def save(self, device_id: str, secret: str) -> None:
        try:
            self._backend.set_password(SERVICE, device_id, secret)
        except KeyringError:
            raise NoKeyring() from None

    def secret(self, device_id: str) -> str:
        try:
            secret = self._backend.get_password(SERVICE, device_id)
        except KeyringError:
            raise NoKeyring() from None
        if secret is None:
            raise NotConnected(
                "This laptop's key for the council's hub is missing from its keyring. "
                "Connect it again with a new code from council IT; nothing here was removed."
            )
        return secret

    def forget(self, device_id: str) -> None:
        with suppress(PasswordDeleteError, KeyringError):  # nothing to forget
            self._backend.delete_password(SERVICE, device_id)


def keyring_credentials() -> Credentials:
    """The OS keyring; NoKeyring when this computer has none."""
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise NoKeyring()
    return Credentials(backend)

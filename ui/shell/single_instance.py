"""One app per store: a second start brings the first window forward instead of opening it twice.

Two copies of the app on one store each kept their own idea of the record, and the last to
save silently won. The first copy holds a lock file named after the store (in the user's
runtime folder, so it works before the data folder exists) and listens on a local socket of
the same name; a second start finds the lock held, asks the first to come forward, and ends.
A copy that was killed leaves a lock whose process is gone, which Qt treats as stale.
"""

from __future__ import annotations

import getpass
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

CONNECT_MS = 2000


def instance_name(data_dir: Path) -> str:
    """The same name for the same store folder, whoever's terminal started it."""
    folder = str(data_dir.expanduser().resolve())
    # A CRC rather than hashlib, whose import costs a start a few milliseconds.
    key = "\0".join((getpass.getuser(), folder)).encode()
    return f"assessor-{zlib.crc32(key):08x}"


class SingleInstance(QObject):
    """Claims a store folder for this process; see the module's docstring."""

    asked_forward = Signal()  # another start wants this window shown

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = instance_name(data_dir)
        self._lock = QLockFile(QDir.temp().filePath(f"{self._name}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this process may open the store (then `listen`); False after asking the
        first copy to come forward."""
        if self._lock.tryLock(0):
            return True
        from PySide6.QtNetwork import QLocalSocket  # QtNetwork: only to reach the first copy

        socket = QLocalSocket(self)
        socket.connectToServer(self._name)
        if socket.waitForConnected(CONNECT_MS):
            socket.write(b"forward\n")
            socket.waitForBytesWritten(CONNECT_MS)
            socket.disconnectFromServer()
        return False

    def listen(self) -> None:
        """Hear from later starts; called once the window is shown, so as not to delay it."""
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self._name)  # left behind by a copy that was killed
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._asked)
        self._server.listen(self._name)

    def _asked(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
        self.asked_forward.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

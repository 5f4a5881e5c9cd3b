"""The `assessor` command: the GUI's composition root, and the door to the subcommands.

`assessor` on its own opens the app; `assessor COMMAND …` runs a subcommand from
`assessor.cli` without loading Qt.
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assessor import cli
from assessor.paths import worker_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from db.store import Store

STYLESHEET = Path(__file__).resolve().parent.parent / "resources" / "style.qss"


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, open_app=run_gui)


def run_gui(data_dir: Path) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from db.caseload import read_findable_people
    from db.engine import store_path
    from db.migrate import HEAD_REVISION, stored_revision
    from ui.main_window import MainWindow
    from ui.tasks import TaskManager

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Assessor")
    app.setOrganizationName("Assessor")
    if STYLESHEET.exists():
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    tasks = TaskManager()
    try:
        worker = worker_name()
        if stored_revision(store_path(data_dir)) == HEAD_REVISION:
            # Up to date: show the caseload now and load the store behind it.
            window = MainWindow(
                None,
                worker,
                tasks,
                read_findable_people(store_path(data_dir)),
                data_dir=data_dir,
            )
            tasks.run(
                lambda: _open_store(data_dir, worker), window.attach_store, window.store_failed
            )
        else:
            # New, or to be migrated after a backup: that comes first.
            window = MainWindow(_open_store(data_dir, worker), worker, tasks, data_dir=data_dir)
    except Exception as problem:
        QMessageBox.critical(None, "Assessor cannot open your records", str(problem))
        return 2
    app.aboutToQuit.connect(window.autosaver.flush)
    wake_up = _quit_on_terminate(app)  # noqa: F841 - kept alive while the app runs
    window.show()
    try:
        return app.exec()
    finally:
        tasks.wait()
        if window.store is not None:
            window.store.close()


def _open_store(data_dir: Path, worker: str) -> Store:
    from db.store import Store

    return Store.open(data_dir, worker)


def _quit_on_terminate(app: QApplication) -> tuple[object, ...]:
    """SIGTERM and Ctrl+C close the app properly, so pending edits are written first.

    Python only runs signal handlers when it gets control, so a wake-up pipe tells Qt's event
    loop that a signal arrived.
    """
    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtWidgets import QApplication

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        try:
            reader.recv(64)
        except OSError:
            return
        for window in QApplication.topLevelWidgets():
            if window.isWindow() and window.isVisible():
                window.close()
        QApplication.quit()

    notifier.activated.connect(woken)
    return reader, writer, notifier


if __name__ == "__main__":
    sys.exit(main())

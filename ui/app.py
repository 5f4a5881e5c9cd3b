"""The `assessor` command: the GUI's composition root, and the door to the subcommands.

`assessor` on its own opens the app; `assessor COMMAND …` runs a subcommand from
`cli.main` without loading Qt.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import cli.main as cli
from assessor.logfile import LOGGER, start_log
from assessor.paths import (
    WORKER_VARIABLE,
    is_default_data_dir,
    keep_new_files_private,
    resolve_data_dir,
)
from assessor.your_details import (
    DetailsFileInvalid,
    YourDetails,
    load_details,
    printed_name,
    stamp_name,
)
from cli.guard import EXIT_USAGE

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication

    from db.store import Store
    from ui.kit.runner import Runner
    from ui.shell.main_window import MainWindow

# Saves run on the GUI thread: wait at most a second for another writer, then retry later.
APP_BUSY_TIMEOUT_MS = 1000
ALREADY_OPEN = (
    "assessor: Assessor is already open on these records; its window has been brought forward."
)
QUIT_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT")
STYLESHEET = Path(__file__).resolve().parent.parent / "resources" / "style.qss"


def main(argv: Sequence[str] | None = None) -> int:
    keep_new_files_private()
    return cli.main(argv, open_app=open_app)


def open_app(given: str | None) -> int:
    """The app, on the data folder --data-dir names (as given), or the default one."""
    return run_gui(resolve_data_dir(given), is_default_folder=is_default_data_dir(given))


def run_gui(data_dir: Path, *, is_default_folder: bool = False) -> int:
    from ui.screen_check import no_screen_reason

    no_screen = no_screen_reason(os.environ)
    if no_screen is not None:
        print(no_screen, file=sys.stderr)
        return EXIT_USAGE
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    stop_reading_sources()
    from ui.kit.forms import failure_text
    from ui.kit.runner import Runner
    from ui.shell.single_instance import SingleInstance

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Assessor")
    app.setOrganizationName("Assessor")
    if STYLESHEET.exists():
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    instance = SingleInstance(data_dir, app)
    if not instance.claim():
        print(ALREADY_OPEN, file=sys.stderr)
        return 0
    runner = Runner()  # the one way to run background work: made here, passed down
    notices: list[str] = []
    try:
        window = open_window(
            data_dir,
            None,  # who is working: from their details, asked for on first start
            runner,
            is_default_folder=is_default_folder,
            notify=notices.append,
        )
    except Exception as problem:
        start_log(data_dir)
        logging.getLogger(LOGGER).error("The store could not be opened", exc_info=problem)
        QMessageBox.critical(None, "Assessor cannot open your records", failure_text(problem))
        instance.release()
        return 2
    if window is None:
        instance.release()
        return 1
    QTimer.singleShot(0, instance.listen)  # after the window is shown: it is not needed before
    instance.asked_forward.connect(window.bring_forward)
    app.aboutToQuit.connect(window.autosaver.flush)
    wake_up = _quit_on_terminate(app)  # noqa: F841 - kept alive while the app runs
    window.show()
    for notice in notices:
        QMessageBox.information(window, "Your records were put back", notice)
    try:
        return app.exec()
    finally:
        runner.wait()
        instance.release()
        if window.store is not None:
            window.store.close()


def stop_reading_sources() -> None:
    """Undo PySide6's reading of every module's source as it is imported.

    Once imported, PySide6 wraps Python's import to look in the source of every module
    imported after it for `from __feature__ import ...` (Assessor never opts in), and the
    lines it reads stay in `linecache`: about 20 MB and a few hundred milliseconds for
    SQLAlchemy and the app's own modules. Put back the import it wrapped (PySide6 keeps it
    as `__orig_import__`), and forget the lines read while PySide6 itself was loading.
    """
    import builtins
    import linecache

    import PySide6  # noqa: F401 - the wrapper is installed when PySide6 is first imported

    wrapper = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if wrapper is not None and wrapped is not None and builtins.__import__ is wrapper:
        builtins.__import__ = wrapped
    linecache.clearcache()


def open_window(
    data_dir: Path,
    worker: str | None,
    runner: Runner,
    *,
    is_default_folder: bool,
    notify: Callable[[str], None],
) -> MainWindow | None:
    """The main window on the store in `data_dir`, or None if the worker chose not to start
    new records in a folder they named that holds none.

    A store is made unasked only on the first start in the default folder. `worker` names who
    is working; None finds out from their details (`who_is_working`), after that question.
    """
    from db.caseload import read_findable_people
    from db.connection import store_path
    from db.migrate import HEAD_REVISION, stored_revision
    from ui.shell.main_window import MainWindow

    revision = stored_revision(store_path(data_dir))
    if revision is None and not is_default_folder and not agrees_to_new_records(data_dir):
        return None
    name, stamp = (worker, worker) if worker is not None else who_is_working(data_dir)
    if revision == HEAD_REVISION:
        # Up to date: show the caseload now and load the store behind it.
        people = read_findable_people(store_path(data_dir))
        window = MainWindow(None, name, runner, people, data_dir=data_dir)
        runner.read(lambda: _open_store(data_dir, stamp), window.attach_store, window.store_failed)
        return window
    # New, or to be migrated after a backup: that comes first.
    store = _open_store(data_dir, stamp, create=revision is None, notify=notify)
    return MainWindow(store, name, runner, data_dir=data_dir)


def who_is_working(data_dir: Path, environ: Mapping[str, str] = os.environ) -> tuple[str, str]:
    """The worker's name as new records show it ("" when unknown) and as every change is
    stamped. On first start, when no details are saved and ASSESSOR_WORKER names no one, or
    when the saved ones cannot be read, the worker is asked (and may answer later)."""
    try:
        details: YourDetails | None = load_details(data_dir)
        damaged = False
    except DetailsFileInvalid:
        details, damaged = None, True  # the dialog says why, and saving puts it right
    if damaged or (details is None and not environ.get(WORKER_VARIABLE, "").strip()):
        details = ask_your_details(data_dir) or details
    return printed_name(details, environ), stamp_name(details, environ)


def ask_your_details(data_dir: Path) -> YourDetails | None:
    """The first-start question, before any window: what the worker saved, or None."""
    from ui.shell.your_details import YourDetailsDialog

    dialog = YourDetailsDialog(data_dir, first_start=True)
    dialog.exec()
    return dialog.details


def agrees_to_new_records(data_dir: Path) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        None,
        "No records found",
        f"No records were found in {data_dir}. Start a new, empty set of records there?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _open_store(
    data_dir: Path,
    worker: str,
    *,
    create: bool = False,
    notify: Callable[[str], None] | None = None,
) -> Store:
    from db.store import Store

    start_log(data_dir)  # the store's own problems are logged; it runs behind the window
    store = Store.open(
        data_dir, worker, create=create, notify=notify, busy_timeout_ms=APP_BUSY_TIMEOUT_MS
    )
    start_log(data_dir)  # a first start has only now made the folder
    return store


def _quit_on_terminate(app: QApplication) -> tuple[object, ...]:
    """A shutdown (SIGTERM), Ctrl+C (SIGINT), a logout or closed terminal (SIGHUP) and
    Ctrl+\\ (SIGQUIT) close the app properly, so pending edits are written first.

    Python only runs signal handlers when it gets control, so a wake-up pipe tells Qt's event
    loop that a signal arrived.
    """
    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtWidgets import QApplication

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for name in QUIT_SIGNALS:
        if hasattr(signal, name):  # Windows has no SIGHUP or SIGQUIT
            signal.signal(getattr(signal, name), lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        try:
            reader.recv(64)
        except OSError:
            return
        for window in QApplication.topLevelWidgets():
            if window.isWindow() and window.isVisible():
                getattr(window, "close_now", window.close)()
        QApplication.quit()

    notifier.activated.connect(woken)
    return reader, writer, notifier


if __name__ == "__main__":
    sys.exit(main())

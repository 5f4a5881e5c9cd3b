"""A real Assessor window in its own process, typing as a worker would, for the kill tests.

Usage: python typing_child.py DATA_DIR PERSON_ID MODE
MODE "after-save" prints TYPED once autosave reports the text stored; MODE "pending" prints
TYPED while the text is still waiting to be saved. Then it runs until it is killed or told
to quit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui import app as assessor_app

PHONE = "0113 496 0777"
WHAT_MATTERS = "  My pigeons, and the lads at the club.  "


def when_ready(mode: str, person_id: str) -> None:
    """The store opens behind the shown window; type once it is ready, as a worker would."""
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "autosaver"))
    if window.store is None:
        window.store_ready.connect(lambda: type_and_report(window, mode, person_id))
    else:
        type_and_report(window, mode, person_id)


def type_and_report(window, mode: str, person_id: str) -> None:
    window.open_person(person_id)
    QTest.keyClicks(window.workspace.page_one.phone, PHONE)
    window.new_contact()
    QTest.keyClicks(
        window.workspace.contacts.conversation.fields["what_matters"].text, WHAT_MATTERS
    )

    def report() -> None:
        print("TYPED", flush=True)

    if mode == "after-save":
        window.autosaver.saved.connect(report)
    else:
        report()


def main() -> int:
    data_dir, person_id, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    QApplication(sys.argv[:1])
    QTimer.singleShot(0, lambda: when_ready(mode, person_id))
    return assessor_app.run_gui(Path(data_dir))


if __name__ == "__main__":
    sys.exit(main())

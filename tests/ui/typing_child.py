"""A real Assessor window in its own process, typing as a worker would, for the kill tests.

Usage: python typing_child.py DATA_DIR PERSON_ID MODE [SEED]
MODE "after-save" prints TYPED once autosave reports the text stored; MODE "pending" prints
TYPED while the text is still waiting to be saved; MODE "wrong-nhs-number" types an NHS number
with a digit wrong and prints TYPED once autosave has checked it; MODE "while-busy" types other
names and prints TYPED once a save has failed (SAVED if it did not). MODE "steady" types page two
one key every tenth of a second and MODE "bursts" types in bursts with pauses between them
(random, from SEED); both print "KEY n" after the n-th key. MODE "wait" prints READY once
the store is open, then FORWARD each time another start asks the window to come forward.
Then it runs until it is killed or told to quit.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui import app as assessor_app

PHONE = "0113 496 0777"
WRONG_NHS_NUMBER = "999 000 1007"
OTHER_NAMES = "Reggie"
WHAT_MATTERS = "  My pigeons, and the lads at the club.  "
LONG_TEXT = (
    "Reg keeps pigeons on the allotment and goes every morning unless his knee is bad. "
    "He wants to keep doing that, and to get to the club on Thursdays to see the lads. "
    "His daughter rings most evenings; his neighbour Pat takes his bins out and would help "
    "more if asked. He does not want carers coming in: he wants a rail by the back step. "
) * 4
KEY_MS = 100


def when_ready(mode: str, person_id: str, seed: int) -> None:
    """The store opens behind the shown window; type once it is ready, as a worker would."""
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "autosaver"))
    if window.store is None:
        window.store_ready.connect(lambda: type_and_report(window, mode, person_id, seed))
    else:
        type_and_report(window, mode, person_id, seed)


def type_and_report(window, mode: str, person_id: str, seed: int) -> None:
    if mode == "wait":
        window.brought_forward.connect(lambda: print("FORWARD", flush=True))
        print("READY", flush=True)
        return
    window.open_person(person_id)
    if mode in ("steady", "bursts"):
        window.new_contact()
        pauses = random.Random(seed) if mode == "bursts" else None
        window.typist = Typist(what_matters(window), pauses)  # kept alive by the window
        window.typist.start()
        return
    if mode == "while-busy":
        QTest.keyClicks(window.workspace.page_one.other_names, OTHER_NAMES)
        saved = window.autosaver.flush()
        print("SAVED" if saved else "TYPED", flush=True)
        return
    if mode == "wrong-nhs-number":
        QTest.keyClicks(window.workspace.page_one.nhs_number, WRONG_NHS_NUMBER)
        window.autosaver.flush()
        print("TYPED", flush=True)
        return
    QTest.keyClicks(window.workspace.page_one.phone, PHONE)
    window.new_contact()
    QTest.keyClicks(what_matters(window), WHAT_MATTERS)

    def report() -> None:
        print("TYPED", flush=True)

    if mode == "after-save":
        window.autosaver.saved.connect(report)
    else:
        report()


def what_matters(window):
    return window.workspace.contacts.conversation.fields["what_matters"].text


class Typist:
    """Types LONG_TEXT a key at a time on a timer; with a random source, pauses now and then."""

    def __init__(self, field, pauses: random.Random | None) -> None:
        self._field = field
        self._pauses = pauses
        self._typed = 0
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._key)

    def start(self) -> None:
        self._field.setFocus()
        self._timer.start(KEY_MS)

    def _key(self) -> None:
        if self._typed >= len(LONG_TEXT):
            return
        QTest.keyClick(self._field, LONG_TEXT[self._typed])
        self._typed += 1
        print(f"KEY {self._typed}", flush=True)
        pause = KEY_MS
        if self._pauses is not None and self._pauses.random() < 0.08:
            pause = self._pauses.randint(500, 3000)
        self._timer.start(pause)


def main() -> int:
    data_dir, person_id, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    QApplication(sys.argv[:1])
    QTimer.singleShot(0, lambda: when_ready(mode, person_id, seed))
    return assessor_app.run_gui(Path(data_dir))


if __name__ == "__main__":
    sys.exit(main())

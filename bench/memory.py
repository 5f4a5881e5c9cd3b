"""The app's memory with a 5,000-person store, against a bare PySide6 window in the same run
(ratio). Aim: the app takes under 2.5 times the bare window's memory.

A council laptop runs the app beside a browser, Teams and Outlook all day, so what it holds
once open matters as much as how fast it opens. Most of any Qt app's memory is Python and Qt
themselves; measuring a bare QMainWindow in the same run, on the same machine, separates what
the app adds, so the ratio means the same on any laptop.

Each run is a fresh process (sys.executable, offscreen Qt). The app child calls the real
`ui.app.run_gui` on the store and waits until its window is shown and its store has loaded
(`store_ready`); the bare child shows an empty QMainWindow. Each then lets the event loop idle
for a second and prints its resident set size (VmRSS: what it holds once idle) and its peak
(VmHWM: the most it held at any moment since it started), from /proc/self/status. One
unmeasured run of each warms the disk cache (and compiles the app's modules, as an installed
app has them; see `bench/startup.py`), then 5 runs of each alternate.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from bench.child_windows import app_child, bare_child, run_child
from bench.people import build_store

RUNS = 5
PEOPLE = 5_000
IDLE_MS = 1000

_REPORT = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def kilobytes(field):
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1])

def report():
    print(kilobytes("VmHWM"), kilobytes("VmRSS"), flush=True)
    QApplication.quit()

def shown():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    if not any(w.isVisible() for w in windows):
        print("not shown", flush=True)
        QApplication.quit()
    waiting = [w for w in windows if getattr(w, "store", "") is None]
    if waiting:  # the app loads its store behind the shown window: wait for it
        waiting[0].store_ready.connect(idle)
    else:
        idle()

def idle():
    QTimer.singleShot({IDLE_MS}, report)

app = QApplication(sys.argv[:1])
QTimer.singleShot(0, shown)
"""
APP_CHILD = app_child(_REPORT)
BARE_CHILD = bare_child(_REPORT)


def memory_of(child: str, data_dir: Path) -> tuple[float, float]:
    """The child's peak and idle resident set size, in MB."""
    done = run_child(child, data_dir)
    try:
        peak, idle = (int(word) / 1024 for word in done.stdout.split()[:2])
        return peak, idle
    except ValueError:
        sys.exit(f"The child did not report its memory:\n{done.stdout}\n{done.stderr}")


def _line(name: str, runs: list[float]) -> str:
    listed = ", ".join(f"{mb:.0f}" for mb in runs)
    return f"  {name}: median {statistics.median(runs):.0f} MB (runs: {listed})"


def main() -> None:
    if not Path("/proc/self/status").exists():
        sys.exit("This benchmark reads /proc/self/status, so it runs on Linux only.")
    with tempfile.TemporaryDirectory(prefix="assessor-bench-") as folder:
        data_dir = Path(folder)
        build_store(data_dir, PEOPLE, seed=5).close()
        memory_of(APP_CHILD, data_dir)
        memory_of(BARE_CHILD, data_dir)
        app_runs, bare_runs = [], []
        for _ in range(RUNS):
            app_runs.append(memory_of(APP_CHILD, data_dir))
            bare_runs.append(memory_of(BARE_CHILD, data_dir))
    print(f"App with {PEOPLE:,} people, window shown and store loaded, then idle:")
    print(_line("peak", [peak for peak, _ in app_runs]))
    print(_line("idle", [idle for _, idle in app_runs]))
    print("Bare PySide6 window, shown, then idle:")
    print(_line("peak", [peak for peak, _ in bare_runs]))
    print(_line("idle", [idle for _, idle in bare_runs]))
    for name, which in (("peak", 0), ("idle", 1)):
        app = statistics.median(run[which] for run in app_runs)
        bare = statistics.median(run[which] for run in bare_runs)
        print(f"Ratio app/bare, {name}: {app / bare:.2f} (aim: under 2.5)")


if __name__ == "__main__":
    main()

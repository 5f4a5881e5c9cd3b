"""The two child processes the start and memory benchmarks compare: the real app on a store,
and a bare PySide6 window, each started fresh and reporting on its standard output.

Each benchmark gives the code that reports (`report`, defining `shown()`, run once the event
loop starts after show()); this module adds what each child shows and how it is started.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_APP = """
from pathlib import Path
from ui.app import run_gui
sys.exit(run_gui(Path(sys.argv[1])))
"""
_BARE = """
window = QMainWindow()
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


def app_child(report: str) -> str:
    return report + _APP


def bare_child(report: str) -> str:
    return report + _BARE


def run_child(child: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a child offscreen on `data_dir`, with the project importable. It may write Python's
    compiled bytecode even where PYTHONDONTWRITEBYTECODE is set: an installed app has its
    modules compiled once, so after the warm-up run neither child compiles anything."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ASSESSOR_WORKER="Bench")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.run(
        [sys.executable, "-c", child, str(data_dir)], env=env, capture_output=True, text=True
    )

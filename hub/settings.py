"""Where the hub keeps its records: a flag, else an environment variable, else the default (a
SQLite file in the user's data folder for "assessor-hub")."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

DATA_DIR_VARIABLE = "ASSESSOR_HUB_DATA_DIR"
DATABASE_VARIABLE = "ASSESSOR_HUB_DATABASE"


def data_dir(given: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    chosen = given or environ.get(DATA_DIR_VARIABLE) or user_data_dir("assessor-hub", False)
    return Path(chosen).expanduser()


def database(given: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """A PostgreSQL URL, or None for the SQLite file in the data folder."""
    return given or environ.get(DATABASE_VARIABLE) or None

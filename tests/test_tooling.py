"""Lint, types and the layer contract run with the tests, so a red check means a red suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import db
import ui

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )


def test_generic_package_names_resolve_inside_this_project():
    """`ui` and `db` are common names; they must be ours, not something installed."""
    for package in (ui, db):
        assert Path(package.__file__).resolve().is_relative_to(REPO)


@pytest.mark.slow
def test_ruff_lint_and_format():
    lint = run(str(BIN / "ruff"), "check", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatting = run(str(BIN / "ruff"), "format", "--check", ".")
    assert formatting.returncode == 0, formatting.stdout + formatting.stderr


@pytest.mark.slow
def test_mypy_strict_for_the_domain_and_the_store():
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_layers_point_one_way_and_qt_stays_in_ui():
    result = run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr

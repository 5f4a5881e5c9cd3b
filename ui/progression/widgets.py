"""The two small widget helpers the progression dialog and tab share: a ladder drop-down and
emptying a layout."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QVBoxLayout

from assessor.progression import LADDER
from assessor.progression_wording import ladder_option
from ui.kit.forms import named


def ladder_combo(name: str) -> QComboBox:
    combo = named(QComboBox(), name)
    for level in LADDER:
        combo.addItem(ladder_option(level), level)
    return combo


def clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()

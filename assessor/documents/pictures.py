"""Simple pictures of progress: a column of boxes, one for each step of a scale, with the step
where the person is now filled in and its words beside it.

The boxes hold no text and no text sits over them (clear print); the meaning is in the filled
box and the words, never in colour. Each row is one small flowable drawing its box straight on
the canvas: tables and drawings cost several times as much to lay out, and a plan has many.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer

from assessor.documents.blocks import markup
from assessor.documents.layout import Styles


class Step(NamedTuple):
    """One step of a scale, in words; `now` fills its box; `note` says more, like "where I
    started"."""

    words: str
    now: bool = False
    note: str = ""


def scale(steps: Sequence[Step], styles: Styles) -> list[Flowable]:
    """The steps top to bottom (put the best at the top), each with its box, and a space
    after them. Keep them together on a page with what introduces them."""
    rows: list[Flowable] = [
        _Row(Paragraph(_words(step), styles.strong if step.now else styles.body), step.now, styles)
        for step in steps
    ]
    return [*rows, Spacer(0, styles.size * 0.5)]


def _words(step: Step) -> str:
    return markup(f"{step.words.rstrip('.')} ({step.note})" if step.note else step.words)


class _Row(Flowable):
    """A box, filled or empty, level with the first line of the words to its right."""

    def __init__(self, words: Paragraph, filled: bool, styles: Styles) -> None:
        super().__init__()
        self._words = words
        self._filled = filled
        self._side = styles.size * 0.9
        self._indent = self._side * 2
        self._leading = styles.leading
        self._padding = styles.size * 0.1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, words_height = self._words.wrap(availWidth - self._indent, availHeight)
        self.width = availWidth
        self.height = max(words_height, self._side) + 2 * self._padding
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        line = max(self._side / 10, 1.5)
        first_line_middle = self.height - self._padding - self._leading / 2
        inner = self._side - 2 * line
        canvas.saveState()
        canvas.setLineWidth(line)
        canvas.setFillColor(colors.black if self._filled else colors.white)
        canvas.rect(line, first_line_middle - inner / 2, inner, inner, stroke=1, fill=1)
        canvas.restoreState()
        self._words.drawOn(canvas, self._indent, self._padding)

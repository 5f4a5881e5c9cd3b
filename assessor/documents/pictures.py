"""Simple pictures: of progress, a column of boxes, one for each step of a scale, with the step
where the person is now filled in and its words beside it; and, in Easy Read, a picture beside
each section's heading saying what the section is about.

The boxes hold no text and no text sits over them (clear print); the meaning is in the filled
box and the words, never in colour. Each row is one small flowable drawing its box straight on
the canvas: tables and drawings cost several times as much to lay out, and a plan has many.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from reportlab.lib import colors
from reportlab.platypus import Flowable, Indenter, Paragraph, Spacer

from assessor.documents.blocks import markup
from assessor.documents.layout import Styles


class Step(NamedTuple):
    """One step of a scale, in words; `now` fills its box; `note` says more, like "where I
    started"."""

    words: str
    now: bool = False
    note: str = ""


def scale(steps: Sequence[Step], styles: Styles, notes_apart: bool = False) -> list[Flowable]:
    """The steps top to bottom (put the best at the top), each with its box, and a space
    after them. Keep them together on a page with what introduces them. `notes_apart` puts
    each note on a line of its own, as a sentence (Easy Read: one idea to a line)."""
    rows: list[Flowable] = [
        _Row(
            Paragraph(_words(step, notes_apart), styles.strong if step.now else styles.body),
            step.now,
            styles,
        )
        for step in steps
    ]
    return [*rows, Spacer(0, styles.size * 0.5)]


def _words(step: Step, notes_apart: bool) -> str:
    if not step.note:
        return markup(step.words)
    if notes_apart:
        return f"{markup(step.words)}<br/>{markup(step.note[0].upper() + step.note[1:])}."
    return markup(f"{step.words.rstrip('.')} ({step.note})")


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


ICONS = Path(__file__).resolve().parent.parent.parent / "resources" / "icons"


def icon(name: str) -> Path:
    """One of the open-licensed pictures in resources/icons (see its README)."""
    return ICONS / f"{name}.png"


def pictured(picture: Path, section: Sequence[Flowable], styles: Styles) -> list[Flowable]:
    """A section (its heading first) set in by a picture's width, with a simple picture in
    the margin that leaves, beside its heading; nothing for an empty section."""
    if not section:
        return []
    heading, *body = section
    if not isinstance(heading, Paragraph):
        raise TypeError("a pictured section starts with its heading")
    side = picture_side(styles)
    indent = side + styles.size
    return [
        Indenter(left=indent),
        _PicturedHeading(picture, heading, side, indent),
        *body,
        Indenter(left=-indent),
    ]


def picture_side(styles: Styles) -> float:
    """A picture is about four lines of text tall: big enough to see, not to crowd."""
    return styles.size * 4.0


class _PicturedHeading(Flowable):
    """A heading with a square picture `indent` to its left, the heading level with the
    picture's middle; kept with the lines that follow it, as a heading is."""

    def __init__(self, picture: Path, heading: Paragraph, side: float, indent: float) -> None:
        super().__init__()
        self._picture = picture
        self._heading = heading
        self._side = side
        self._indent = indent
        self.keepWithNext = True
        self.spaceBefore = heading.getSpaceBefore()
        self.spaceAfter = heading.getSpaceAfter()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self._heading_height = self._heading.wrap(availWidth, availHeight)
        self.width = availWidth
        self.height = max(self._side, self._heading_height)
        self.picture_only = self.height - self._heading_height  # the height text does not fill
        return self.width, self.height

    def draw(self) -> None:
        side = self._side
        self.canv.drawImage(
            str(self._picture), -self._indent, self.height - side, side, side, mask=None
        )
        self._heading.drawOn(self.canv, 0, (self.height - self._heading_height) / 2)

"""The caseload list and the search box that narrows it as the worker types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assessor.search import Findable, PeopleIndex
from assessor.validation import format_date, format_nhs_number
from ui.kit.forms import named

SHOWN_AT_MOST = 200
LINE_BREAK = "\u2028"  # what a row's "\n" becomes on its way to be painted
# Latin with accents, Chinese, Arabic and Gurmukhi: the fallback fonts with the tallest lines.
TALLEST_TWO_LINES = f"Ág 陈美玲 ليلى ਪੰ{LINE_BREAK}Ág 陈美玲 ليلى ਪੰ"

AnyIndex = QModelIndex | QPersistentModelIndex


NO_DETAILS = "No date of birth, postcode or NHS number yet"


def list_line(person: Findable, whose: str = "") -> str:
    """Family name first for scanning, then always a second line: birth date first (it tells
    namesakes apart, so it is the last to be cut), postcode, NHS number. Every row has two
    lines, so rows of one height (what keeps a long list fast) fit every row. On a team lead's
    laptop the second line starts with `whose` caseload they are on."""
    name = ", ".join(part for part in (person.family_name, person.preferred_name) if part)
    details = [whose] if whose else []
    if person.date_of_birth:
        details.append(f"born {format_date(person.date_of_birth)}")
    if person.postcode:
        details.append(person.postcode)
    if person.nhs_number:
        details.append(f"NHS {format_nhs_number(person.nhs_number)}")
    return f"{name}\n{' · '.join(details) or NO_DETAILS}"


class PeopleModel(QAbstractListModel):
    """A list of people for the view; rows are made only as they scroll into sight."""

    def __init__(self) -> None:
        super().__init__()
        self._people: list[Findable] = []
        self.whose: Callable[[Findable], str] = lambda _person: ""  # set on a team lead's laptop

    def set_people(self, people: list[Findable]) -> None:
        self.beginResetModel()
        self._people = people
        self.endResetModel()

    def person_at(self, row: int) -> Findable:
        return self._people[row]

    def row_of(self, person_id: str) -> int:
        return next((i for i, p in enumerate(self._people) if p.id == person_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return list_line(person, self.whose(person))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return list_line(person, self.whose(person)).replace("\n", ", ")
        if role == Qt.ItemDataRole.UserRole:
            return person.id
        return None


class CaseloadRows(QStyledItemDelegate):
    """Rows as wide as the list, whatever their text, rather than pushed past a sideways
    scroll bar. A name too long is cut in the middle, keeping both ends; the details are cut
    at the end, so the date of birth, first, stays. With rows of one height the size is asked
    once, not once for each of thousands of rows; the cutting is done only for rows painted."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """One height for every row (the list asks only the first), enough for two lines in
        the tallest script a name may be written in, with the style's margins to spare: a
        row sized to a Latin name alone cut a Chinese name's second line."""
        sample = QStyleOptionViewItem(option)
        self.initStyleOption(sample, index)
        sample.text = TALLEST_TWO_LINES
        style = sample.widget.style() if sample.widget else QApplication.style()
        needed = style.sizeFromContents(
            QStyle.ContentsType.CT_ItemViewItem, sample, QSize(), sample.widget
        ).height()
        spare = 2 * style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin, None, sample.widget)
        return QSize(1, max(needed, super().sizeHint(option, index).height()) + spare)

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        margin = style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin) + 1 if style else 0
        width = option.rect.width() - 2 * margin
        if width <= 0:
            return
        name, _, details = option.text.partition(LINE_BREAK)
        metrics = option.fontMetrics
        option.text = LINE_BREAK.join(
            (
                metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width),
                metrics.elidedText(details, Qt.TextElideMode.ElideRight, width),
            )
        )


class SearchBox(QLineEdit):
    """Down arrow moves from the search box into the list."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class CaseloadPanel(QWidget):
    """Search, the count of who is shown, the list, and the New person button."""

    person_chosen = Signal(str)
    new_person_asked = Signal()

    def __init__(self, index: PeopleIndex) -> None:
        super().__init__()
        self.index = index
        self.first: Callable[[list[Findable], int], list[Findable]] | None = None  # own first
        self.new_button = named(QPushButton("New person"), "New person")
        self.new_button.setToolTip("Add a person (Ctrl+N)")
        self.new_button.clicked.connect(self.new_person_asked)
        self.search = named(SearchBox(), "Find a person")
        self.search.setPlaceholderText("Find by name, NHS number or postcode (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName("Clear the search")
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._open_first)
        self.search.down.connect(self._into_list)
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.model = PeopleModel()
        self.list = named(QListView(), "Caseload")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # true of every row: each has two lines
        self.list.setItemDelegate(CaseloadRows(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.new_button)
        layout.addWidget(self.search)
        layout.addWidget(self.count)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        """Show who matches the search now (everyone when it is empty)."""
        query = self.search.text()
        found = self.index.search(query, limit=SHOWN_AT_MOST)
        if self.first is None:
            self.model.set_people(found.people)
        else:  # every match is needed to put the worker's own first
            every = (
                self.index.search(query, limit=found.total)
                if found.total > SHOWN_AT_MOST
                else found
            )
            self.model.set_people(self.first(every.people, SHOWN_AT_MOST))
        self.count.setText(self._count_text(query, len(found.people), found.total))

    def select(self, person_id: str, quietly: bool = False) -> None:
        """Highlight a person, clearing the search if it hides them; quietly does not reopen."""
        row = self.model.row_of(person_id)
        if row < 0:
            self.search.clear()
            row = self.model.row_of(person_id)
        if row >= 0:
            selection = self.list.selectionModel()
            selection.blockSignals(quietly)
            self.list.setCurrentIndex(self.model.index(row))
            selection.blockSignals(False)

    def _count_text(self, query: str, shown: int, total: int) -> str:
        people = "person" if total == 1 else "people"
        if not query.strip():
            text = f"{total} {people} on the caseload"
        elif total == 0:
            return "No one matches. Check the spelling, or add them as a new person."
        else:
            text = f"{total} {people} match"
        if shown < total:
            text += f"; showing the first {shown}. Keep typing to narrow it down."
        return text

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.person_chosen.emit(self.model.person_at(current.row()).id)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
            self.list.setFocus()

    def _into_list(self) -> None:
        if self.model.rowCount():
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0))
            self.list.setFocus()

"""Every caseload row shows its own details, so namesakes can be told apart at a glance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from assessor.example.kit import nhs_number_in_test_range
from assessor.record import Contact, ConversationKind, Person, Place
from assessor.validation import format_date
from tests.ui.helpers import open_person
from ui.shell.caseload import LINE_BREAK

LONG_FAMILY_NAME = "Ashby-Fortescue-Llewellyn"
BIRTHDAYS = (date(1941, 3, 2), date(1950, 1, 1), date(1958, 7, 19))


def row_image(view: QListView, index: QModelIndex) -> QImage:
    """The row as the worker sees it on screen."""
    return view.viewport().grab(view.visualRect(index)).toImage()


def shown_lines(view: QListView, index: QModelIndex) -> list[str]:
    """The lines of a row as its delegate lays them out to be painted."""
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.widget = view
    view.itemDelegate().initStyleOption(option, index)
    return option.text.split(LINE_BREAK)


def rows_fit_their_text(view: QListView) -> None:
    """Each row is as tall as its own text needs: no line is dropped to fit another's."""
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        needed = view.sizeHintForIndex(index).height()
        assert view.visualRect(index).height() >= needed, view.model().data(index)


def test_namesakes_with_a_long_name_differ_by_date_of_birth(qtbot, make_window, store):
    """The last person in order has nothing but a name; the rows above keep their details."""
    for serial, born in enumerate(BIRTHDAYS):
        store.add_person(
            Person(
                "Winifred Alexandra",
                "Falls at night",
                family_name=LONG_FAMILY_NAME,
                date_of_birth=born,
                nhs_number=nhs_number_in_test_range(900 + serial),
            )
        )
    store.add_person(Person("Al", "Lonely", family_name="Zyzz"))
    window = make_window(store)
    window.centralWidget().setSizes([190, 1000])  # a narrow caseload: the name must be cut
    view = window.caseload.list
    model = window.caseload.model
    qtbot.waitUntil(lambda: 0 < view.visualRect(model.index(3)).width() < 200)

    rows_fit_their_text(view)
    first, last = model.index(0), model.index(2)  # same name, same row shading
    assert row_image(view, first) != row_image(view, last), "namesakes look the same"
    for row, born in enumerate(BIRTHDAYS):
        name, details = shown_lines(view, model.index(row))
        assert details.startswith(f"born {format_date(born)}")
        assert name.startswith("Ashby-") and name.endswith("Alexandra") and "…" in name
    assert model.data(model.index(3)).split("\n")[1], "a row with no details says so"


def test_a_name_in_chinese_or_arabic_keeps_its_second_line(qtbot, make_window, store):
    """Rows are all one height, taken from the first; one whose name is drawn in a taller
    fallback font (Chinese, Arabic) still has room for both its lines."""
    store.add_person(Person("Win", "Falls", family_name="Ashby", date_of_birth=BIRTHDAYS[0]))
    store.add_person(Person("美玲", "想自己做饭", family_name="陈"))
    store.add_person(Person("ليلى", "البيت", family_name="حداد"))
    window = make_window(store)
    view = window.caseload.list
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    rows_fit_their_text(view)
    for row in (1, 2):
        index = model.index(row)
        assert lines_drawn(row_image(view, index)) == 2, model.data(index)


def lines_drawn(image: QImage) -> int:
    """How many lines of text a row shows: runs of pixel rows holding dark pixels, with
    blank pixel rows between them."""
    inked = [
        any(image.pixelColor(x, y).lightness() < 128 for x in range(image.width()))
        for y in range(image.height())
    ]
    return sum(1 for y, ink in enumerate(inked) if ink and (y == 0 or not inked[y - 1]))


def test_every_contact_in_the_timeline_shows_all_its_lines(qtbot, make_window, store):
    """A carer's conversation has a third line (whether it is shared); the rest have two."""
    carer = store.add_person(Person("Grace", "Tired", family_name="Okafor"))
    store.add_contact(Contact(person_id=carer.id, on=date(2026, 11, 2), place=Place.HOME_VISIT))
    store.add_contact(
        Contact(person_id=carer.id, on=date(2026, 11, 20), kind=ConversationKind.CARER)
    )
    window = make_window(store)
    open_person(window, "Grace")
    window.workspace.tabs.setCurrentWidget(window.workspace.contacts)
    timeline = window.workspace.contacts.timeline
    qtbot.waitUntil(lambda: timeline.visualRect(timeline.model().index(1, 0)).bottom() > 0)
    rows_fit_their_text(timeline)

"""Forms line up: one label column across the sections of a page, and short one-line fields
(postcode, NHS number, phone, dates) only as wide as they need, not across the screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from tests.ui.clock import MOMENT
from tests.ui.helpers import open_person
from ui.kit.autosave import Autosaver
from ui.kit.forms import Section
from ui.record.contacts import ContactDetails


def left_of(widget, page) -> int:
    return widget.mapTo(page, QPoint(0, 0)).x()


def test_the_fields_of_every_section_on_page_one_start_at_one_line(qtbot, window):
    window.resize(1366, 740)
    open_person(window, "Peggy")
    page = window.workspace.page_one
    qtbot.waitUntil(page.isVisible)
    lefts = {
        left_of(section.form.itemAt(row, section.form.ItemRole.FieldRole).widget(), page)
        for section in page.findChildren(Section)
        if section.isVisible()
        for row in range(section.form.rowCount())
        if section.form.itemAt(row, section.form.ItemRole.LabelRole) is not None
    }
    assert len(lefts) == 1, f"fields start at {sorted(lefts)}"


def test_short_fields_are_not_stretched_across_the_screen(qtbot, window):
    window.resize(1366, 740)
    open_person(window, "Peggy")
    page = window.workspace.page_one
    qtbot.waitUntil(page.isVisible)
    wide = page.preferred_name.width()
    for field in (page.postcode, page.nhs_number, page.phone, page.date_of_birth):
        assert field.width() < wide / 2, field.accessibleName()
        assert field.width() >= field.fontMetrics().horizontalAdvance(field.text() or "0" * 9)
    assert left_of(page.postcode, page) == left_of(page.preferred_name, page), "kept at the left"


def test_a_long_one_line_field_goes_under_its_label_when_the_form_is_narrow(qtbot):
    """At 150 % scaling on a 1366 by 768 laptop a contact's details get under 300 points: the
    worker stayed beside its label in a sliver that showed only "hitcombe (OT)"."""
    details = ContactDetails(Autosaver(lambda: MOMENT))
    qtbot.addWidget(details)
    details.set_row_shown(details.sharing, False)  # as for any conversation but a carer's
    worker = details.worker
    worker.setText("Jo Whitcombe (OT)")
    details.resize(280, 900)
    details.show()
    qtbot.waitUntil(worker.isVisible)
    assert details.width() == 280
    assert worker.width() > worker.fontMetrics().horizontalAdvance(worker.text())

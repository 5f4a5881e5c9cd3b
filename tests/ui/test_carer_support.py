"""Support as a carer: the offer of a conversation of their own, their plan, and whether they
feel supported, on a real store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from assessor.carers import CarerReview, CaringRole, OfferResponse, Supported
from assessor.record import ConversationKind, Person
from assessor.validation import format_date, format_date_numeric
from tests.ui.clock import MOMENT, TODAY
from tests.ui.test_keyboard_and_names import unnamed_controls
from ui.carers.support_tab import CarerSupportTab
from ui.kit.autosave import Autosaver


@pytest.fixture
def people(store) -> dict[str, str]:
    """Jo cares for Ada; Reg cares for no one."""
    ada = store.add_person(Person("Ada", "Help at home", family_name="Lark"))
    jo = store.add_person(Person("Jo", "", family_name="Wren"))
    reg = store.add_person(Person("Reg", "Help after a fall"))
    store.add_caring_role(CaringRole(jo.id, ada.id, what_they_do="Meals and medicines"))
    return {"ada": ada.id, "jo": jo.id, "reg": reg.id}


@pytest.fixture
def autosaver(qtbot) -> Autosaver:
    return Autosaver(lambda: MOMENT)


@pytest.fixture
def tab(qtbot, store, runner, autosaver, people):
    widget = CarerSupportTab(store, runner, autosaver, "Test Worker", lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(900, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.show_person(people["jo"])
    return widget


def test_someone_who_cares_for_no_one_sees_one_line_and_nothing_else(tab, people):
    tab.show_person(people["reg"])
    assert tab.pages.currentWidget() is tab.not_a_carer
    assert tab.not_a_carer.text().startswith("Not recorded as caring for anyone.")
    assert not tab.offer_button.isVisible() and not tab.review_button.isVisible()
    tab.show_person(people["jo"])
    assert tab.offer_button.isVisible()


def test_recording_the_offer_changes_the_status_line(qtbot, tab, store, people, runner):
    assert tab.status.text() == "Not yet offered a conversation of their own."
    tab.offer_button.click()
    dialog = tab.offer_dialog
    assert dialog.isVisible()
    assert dialog.on.text() == format_date_numeric(TODAY)
    dialog.response.buttons[OfferResponse.WANTS_ONE].click()
    qtbot.keyClicks(dialog.note, "After Ada's review")
    with qtbot.waitSignal(runner.changes_applied):
        dialog.add_button.click()
    assert not dialog.isVisible()
    (offer,) = store.as_carer(people["jo"]).offers
    assert (offer.on, offer.response, offer.note) == (
        TODAY,
        OfferResponse.WANTS_ONE,
        "After Ada's review",
    )
    assert tab.status.text() == f"Offered on {format_date(TODAY)}: They would like one."


def test_an_offer_needs_what_they_said_and_a_day_already_come(qtbot, tab, store, people):
    tab.offer_button.click()
    dialog = tab.offer_dialog
    qtbot.keyClicks(dialog.note, "Ask again in spring")
    dialog.add_button.click()
    assert dialog.isVisible()
    assert dialog.response_error.text() == "Choose what they said."
    dialog.response.buttons[OfferResponse.NOT_NOW].click()
    tomorrow = TODAY + timedelta(days=1)
    dialog.on.setText(format_date_numeric(tomorrow))
    dialog.add_button.click()
    assert dialog.isVisible()
    assert dialog.on_error.text() == (
        f"An offer cannot be recorded for a day still to come ({format_date(tomorrow)})."
    )
    assert dialog.note.toPlainText() == "Ask again in spring", "what was typed is kept"
    assert store.as_carer(people["jo"]).offers == []


def test_starting_a_carers_conversation_makes_a_private_contact_and_says_so(
    qtbot, tab, store, people
):
    with qtbot.waitSignal(tab.conversation_started) as started:
        tab.start_button.click()
    (contact,) = store.contacts(people["jo"])
    assert started.args == [contact.id]
    assert (contact.kind, contact.on, contact.worker) == (
        ConversationKind.CARER,
        TODAY,
        "Test Worker",
    )
    assert not contact.shared_with_cared_for
    assert tab.status.text() == f"Had a carer’s conversation on {format_date(TODAY)}."
    texts = [label.text() for label in tab.findChildren(QLabel)]
    assert any("private to the carer" in text for text in texts)


def make_plan(qtbot, tab, runner):
    with qtbot.waitSignal(runner.changes_applied):
        tab.make_plan_button.click()
    assert tab.what_will_help.isVisible() and not tab.make_plan_button.isVisible()


def test_their_plan_is_made_and_autosaves_field_by_field(
    qtbot, tab, store, autosaver, people, runner
):
    assert tab.make_plan_button.isVisible() and not tab.what_will_help.isVisible()
    make_plan(qtbot, tab, runner)
    assert tab.made_on.text() == f"Made on {format_date(TODAY)}."
    assert QApplication.focusWidget() is tab.what_will_help
    review_by = TODAY + timedelta(days=90)
    qtbot.keyClicks(tab.what_will_help, "An evening off each week")
    qtbot.keyClicks(tab.breaks, "Tuesdays, her sister sits with Ada")
    qtbot.keyClicks(tab.contingency, "Call her sister on 07700 900123")
    with qtbot.waitSignal(runner.changes_applied):
        qtbot.keyClicks(tab.review_on, format_date_numeric(review_by))
        with qtbot.waitSignal(autosaver.saved):
            pass  # the pause after typing writes it
    (plan,) = store.as_carer(people["jo"]).plans
    assert plan.what_will_help == "An evening off each week"
    assert plan.breaks == "Tuesdays, her sister sits with Ada"
    assert plan.contingency == "Call her sister on 07700 900123"
    assert plan.review_on == review_by


def test_a_review_before_the_plan_was_made_is_not_saved(
    qtbot, tab, store, autosaver, people, runner
):
    make_plan(qtbot, tab, runner)
    yesterday = TODAY - timedelta(days=1)
    qtbot.keyClicks(tab.review_on, format_date_numeric(yesterday))
    autosaver.flush()
    assert tab.binder.message("review_on").text() == (
        f"The review on {format_date(yesterday)} would come before the plan was made "
        f"({format_date(TODAY)})."
    )
    assert store.as_carer(people["jo"]).plans[0].review_on is None
    assert tab.review_on.text() == format_date_numeric(yesterday), "what was typed is kept"


def open_review(qtbot, tab, words: str = "", note: str = ""):
    tab.review_button.click()
    dialog = tab.review_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.words, words)
    qtbot.keyClicks(dialog.note, note)
    return dialog


def test_a_review_needs_an_answer_and_keeps_what_was_typed(qtbot, tab, store, people):
    dialog = open_review(qtbot, tab, "I manage, just", "Tired")
    dialog.add_button.click()
    assert dialog.isVisible()
    assert dialog.supported_error.text() == "Choose yes, partly or no."
    assert (dialog.words.toPlainText(), dialog.note.toPlainText()) == ("I manage, just", "Tired")
    assert store.as_carer(people["jo"]).reviews == []


def test_a_review_is_saved_and_listed_with_the_answer_in_words(qtbot, tab, store, people, runner):
    dialog = open_review(qtbot, tab, "The sitting service helps", "Wants more evenings")
    assert not dialog.next_review.isVisibleTo(dialog), "no plan: no review date to set"
    dialog.supported.buttons[Supported.PARTLY].click()
    with qtbot.waitSignal(runner.changes_applied):
        dialog.add_button.click()
    assert not dialog.isVisible()
    (review,) = store.as_carer(people["jo"]).reviews
    assert (review.on, review.supported, review.words, review.note) == (
        TODAY,
        Supported.PARTLY,
        "The sitting service helps",
        "Wants more evenings",
    )
    assert tab.reviews.item(0).text() == (
        f"{format_date(TODAY)} · Partly · “The sitting service helps” · Wants more evenings"
    )
    assert not tab.no_reviews.isVisible()


def test_reviews_are_listed_newest_first_and_cannot_be_changed(qtbot, tab, store, people):
    for days_ago, supported in ((60, Supported.NO), (5, Supported.YES)):
        store.add_carer_review(CarerReview(people["jo"], TODAY - timedelta(days_ago), supported))
    tab.show_person(people["jo"])
    shown = [tab.reviews.item(row).text() for row in range(tab.reviews.count())]
    assert shown == [
        f"{format_date(TODAY - timedelta(5))} · Yes",
        f"{format_date(TODAY - timedelta(60))} · No",
    ]
    assert all(
        not tab.reviews.item(row).flags() & Qt.ItemFlag.ItemIsEditable
        for row in range(tab.reviews.count())
    )


def test_the_next_review_date_goes_on_their_plan(qtbot, tab, store, people, runner):
    make_plan(qtbot, tab, runner)
    next_review = TODAY + timedelta(days=180)
    dialog = open_review(qtbot, tab)
    assert dialog.next_review.isVisibleTo(dialog)
    dialog.supported.buttons[Supported.YES].click()
    dialog.next_review.setText(format_date_numeric(next_review))
    dialog.add_button.click()
    assert not dialog.isVisible()
    assert store.as_carer(people["jo"]).plans[0].review_on == next_review
    assert tab.review_on.text() == format_date_numeric(next_review)


def test_a_review_on_a_day_still_to_come_is_refused(qtbot, tab, store, people, runner):
    make_plan(qtbot, tab, runner)
    dialog = open_review(qtbot, tab, "Fine")
    dialog.supported.buttons[Supported.YES].click()
    tomorrow = TODAY + timedelta(days=1)
    dialog.on.setText(format_date_numeric(tomorrow))
    dialog.next_review.setText(format_date_numeric(TODAY + timedelta(days=30)))
    dialog.add_button.click()
    assert dialog.isVisible()
    assert dialog.on_error.text() == (
        f"A review cannot be recorded for a day still to come ({format_date(tomorrow)})."
    )
    carer = store.as_carer(people["jo"])
    assert carer.reviews == [] and carer.plans[0].review_on is None, "nothing half-written"


def test_every_control_is_named_and_tab_reaches_them(qtbot, tab, runner):
    make_plan(qtbot, tab, runner)
    open_review(qtbot, tab).reject()
    tab.offer_button.click()
    tab.offer_dialog.reject()
    assert unnamed_controls(tab) == []
    expected = [
        tab.start_button,
        tab.what_will_help,
        tab.breaks,
        tab.contingency,
        tab.review_on,
        tab.review_button,
    ]
    tab.offer_button.setFocus()
    visited = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected


def test_tab_moves_through_the_review_dialog_in_reading_order(qtbot, tab, runner):
    make_plan(qtbot, tab, runner)
    dialog = open_review(qtbot, tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.supported.buttons[Supported.YES])
    expected = [dialog.words, dialog.note, dialog.next_review]
    visited = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected
    dialog.reject()


def test_a_next_review_before_the_plan_was_made_stores_nothing(qtbot, tab, store, people, runner):
    make_plan(qtbot, tab, runner)
    dialog = open_review(qtbot, tab, "Some days")
    dialog.supported.buttons[Supported.PARTLY].click()
    yesterday = TODAY - timedelta(days=1)
    dialog.next_review.setText(format_date_numeric(yesterday))
    dialog.add_button.click()
    assert dialog.isVisible()
    assert dialog.next_error.text() == (
        f"The review on {format_date(yesterday)} would come before the plan was made "
        f"({format_date(TODAY)})."
    )
    assert store.as_carer(people["jo"]).reviews == [], "the review waits for a good date"

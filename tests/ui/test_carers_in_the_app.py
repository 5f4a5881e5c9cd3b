"""Carers in the main window: the list of carers still to be offered a conversation, the
carer's review in what is due, sharing a carer's conversation, and the privacy rule across every
view of the person cared for."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from assessor.carers import CarerOffer, CarerPlan, CarerReview, CaringRole, OfferResponse, Supported
from assessor.record import Contact, ConversationKind, Entry, Person, PersonWhoMatters
from assessor.validation import format_date
from tests.ui.clock import TODAY
from tests.ui.helpers import choose_row, lists_read, open_person

PRIVATE = "Some nights I could scream, and I cannot tell her that"


def carer_and_two_cared_for(store) -> dict[str, str]:
    """Ada and Bob are cared for by Jo; Ada's page one also names Sam, who has no record."""
    ada = store.add_person(
        Person(
            "Ada",
            "Help at home",
            family_name="Lark",
            people_who_matter=[PersonWhoMatters("Sam Reed", is_carer=True)],
        )
    )
    bob = store.add_person(Person("Bob", "Getting out", family_name="Finch"))
    jo = store.add_person(Person("Jo", "", family_name="Wren"))
    for cared_for in (ada, bob):
        store.add_caring_role(CaringRole(jo.id, cared_for.id, what_they_do="Meals"))
    return {"ada": ada.id, "bob": bob.id, "jo": jo.id}


def carer_conversation(store, carer_id: str, shared: bool = False) -> str:
    contact = store.add_contact(
        Contact(carer_id, TODAY, kind=ConversationKind.CARER, shared_with_cared_for=shared)
    )
    store.set_entry(contact.id, "carer_feelings", Entry(PRIVATE, own_words=True))
    return contact.id


def lines(widget: QListWidget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def every_text(root: QWidget) -> str:
    """Everything a worker could read in a widget tree, shown or not."""
    texts = []
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for line in root.findChildren(QLineEdit):
        texts.append(line.text())
    for text in root.findChildren(QPlainTextEdit):
        texts.append(text.toPlainText())
    for button in root.findChildren(QAbstractButton):
        texts.append(button.text())
    for listed in root.findChildren(QListWidget):
        texts.extend(lines(listed))
    return "\n".join(texts)


def test_carers_not_yet_offered_a_conversation_are_listed_and_open(qtbot, make_window, store):
    ids = carer_and_two_cared_for(store)
    window = make_window(store)
    qtbot.waitUntil(lambda: window.left.tabText(2) == "Carers (2)")

    QTest.keySequence(window, "Ctrl+Shift+R")
    assert window.left.currentWidget() is window.carers
    assert QApplication.focusWidget() is window.carers.list
    listed = window.carers.entries.lines()
    assert listed == [
        "Jo Wren\nCares for Ada Lark and Bob Finch. Not yet offered a conversation.",
        "Sam Reed\nA carer named on Ada Lark’s page one; no record of their own yet.",
    ]
    assert window.carers.summary.text() == (
        "2 carers have not yet been offered a conversation of their own."
    )

    choose_row(window.carers.list, 0)
    QTest.keyClick(window.carers.list, Qt.Key.Key_Return)
    workspace = window.workspace
    assert workspace.name.text() == "Jo Wren"
    assert workspace.tabs.currentWidget() is workspace.carer_support
    assert workspace.cares_for.text() == "Carer for Ada Lark and Bob Finch"

    choose_row(window.carers.list, 1)
    QTest.keyClick(window.carers.list, Qt.Key.Key_Return)
    assert workspace.name.text() == "Ada Lark"
    assert workspace.tabs.currentWidget() is workspace.page_one
    assert workspace.person_id == ids["ada"]


def test_an_offer_or_a_carers_conversation_takes_a_carer_off_the_list(qtbot, make_window, store):
    ids = carer_and_two_cared_for(store)
    bea = store.add_person(Person("Bea", "", family_name="Moss"))
    store.add_caring_role(CaringRole(bea.id, ids["bob"]))
    window = make_window(store)
    qtbot.waitUntil(lambda: window.left.tabText(2) == "Carers (3)")

    store.add_carer_offer(CarerOffer(ids["jo"], TODAY, OfferResponse.DECLINED))
    carer_conversation(store, bea.id)
    with qtbot.waitSignal(window.carers.refreshed, timeout=10000):
        window.show_carers()
    assert [line.split("\n")[0] for line in window.carers.entries.lines()] == ["Sam Reed"]
    assert window.left.tabText(2) == "Carers (1)"


def test_how_many_carers_feel_supported_counts_each_carers_latest_answer(qtbot, make_window, store):
    ids = carer_and_two_cared_for(store)
    bea = store.add_person(Person("Bea", "", family_name="Moss"))
    store.add_caring_role(CaringRole(bea.id, ids["bob"]))
    jo_said = [(60, Supported.NO), (5, Supported.YES)]
    for days_ago, answer in jo_said:
        store.add_carer_review(CarerReview(ids["jo"], TODAY - timedelta(days_ago), answer))
    store.add_carer_review(CarerReview(bea.id, TODAY - timedelta(3), Supported.PARTLY))
    window = make_window(store)
    lists_read(qtbot, window)
    assert window.carers.measure.text() == (
        "Carers who feel supported, by their latest answer in the last 12 months: 1 of 2 (50%); "
        "1 partly, 0 not. The council aims for 95%."
    )


def test_a_carers_review_falls_due_and_opens_their_support(qtbot, make_window, store):
    ids = carer_and_two_cared_for(store)
    plan = store.add_carer_plan(CarerPlan(ids["jo"], TODAY - timedelta(weeks=8)))
    store.update_carer_plan(plan.id, {"review_on": TODAY + timedelta(days=3)})
    window = make_window(store)
    qtbot.waitUntil(lambda: window.left.tabText(1) == "Due (1)")
    due = window.due.list
    assert window.due.entries.lines() == [
        "Jo Wren: carer’s review: do they feel supported?\n"
        f"Due {format_date(TODAY + timedelta(days=3))}"
    ]
    window.due.entries.choose(0)
    QTest.keyClick(due, Qt.Key.Key_Return)
    assert window.workspace.tabs.currentWidget() is window.workspace.carer_support


def test_support_as_a_carer_is_offered_only_for_people_who_care_for_someone(make_window, store):
    carer_and_two_cared_for(store)
    window = make_window(store)
    tabs = window.workspace.tabs
    support = tabs.indexOf(window.workspace.carer_support)
    open_person(window, "Ada")
    assert not tabs.isTabVisible(support)
    assert window.workspace.cares_for.isHidden()
    open_person(window, "Jo")
    assert tabs.isTabVisible(support)


def test_a_carers_conversation_is_private_until_they_agree_to_share(qtbot, make_window, store):
    ids = carer_and_two_cared_for(store)
    contact_id = carer_conversation(store, ids["jo"])
    window = make_window(store)
    open_person(window, "Jo")
    workspace = window.workspace
    workspace.tabs.setCurrentWidget(workspace.contacts)
    details = workspace.contacts.details
    assert details.shared.isVisible() and not details.shared.isChecked()
    assert "Private to the carer" in lines(workspace.contacts.timeline)[0]
    assert workspace.contacts.conversation.fields["carer_feelings"].isVisible()
    assert not workspace.contacts.conversation.fields["what_matters"].isVisible()

    for name in ("Ada", "Bob"):
        open_person(window, name)
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
        assert PRIVATE not in every_text(workspace), f"{name} must not see Jo's words"

    open_person(window, "Jo")
    workspace.tabs.setCurrentWidget(workspace.contacts)
    details.shared.setFocus()
    QTest.keyClick(details.shared, Qt.Key.Key_Space)
    assert store.contacts(ids["jo"])[0].shared_with_cared_for, "stored at once"
    assert "Shared with the people they care for" in lines(workspace.contacts.timeline)[0]

    open_person(window, "Ada")
    workspace.tabs.setCurrentWidget(workspace.carers)
    assert PRIVATE in every_text(workspace.carers)
    assert store.shared_by_carers(ids["ada"])[0].contact.id == contact_id


def test_sharing_is_offered_only_for_a_carers_conversation(make_window, store):
    ids = carer_and_two_cared_for(store)
    store.add_contact(Contact(ids["ada"], TODAY, kind=ConversationKind.CONNECT))
    window = make_window(store)
    open_person(window, "Ada")
    workspace = window.workspace
    workspace.tabs.setCurrentWidget(workspace.contacts)
    assert not workspace.contacts.details.shared.isVisible()
    assert "Private to the carer" not in lines(workspace.contacts.timeline)[0]

"""Page two reads as the conversation it records: empty topics fold to a line and open when
clicked or typed into, the questions stay in view beside whatever is being typed, and at
1366x768 the page has one scroll bar, its own."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPlainTextEdit

from assessor.record import ConversationKind
from tests.ui.helpers import open_person
from tests.ui.test_contacts import choose
from tests.ui.test_wheel import turn_wheel

LONG = "She likes the radio on in the morning and a walk to the corner shop. " * 40


def new_contact_page(window):
    open_person(window, "Tomek")
    window.new_contact()
    return window.workspace.contacts


def test_empty_topics_fold_to_one_line_and_a_click_opens_one(qtbot, window):
    tab = new_contact_page(window)
    fields = tab.conversation.fields
    shown = [f for f in fields.values() if f.isVisibleTo(tab)]
    assert shown and all(f.is_folded() for f in shown)
    folded = fields["what_matters"].folded
    assert folded.height() < 2 * folded.fontMetrics().lineSpacing() + 16, "one line"
    assert "What is important in their life" in folded.accessibleDescription()
    qtbot.mouseClick(folded, Qt.MouseButton.LeftButton)
    assert not fields["what_matters"].is_folded()
    assert QApplication.focusWidget() is fields["what_matters"].text


def test_tab_reaches_each_folded_topic_and_enter_or_space_opens_it(qtbot, window):
    tab = new_contact_page(window)
    fields = tab.conversation.fields
    fields["what_matters"].folded.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields["can_do"].folded
    QTest.keyClick(fields["can_do"].folded, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is fields["can_do"].text
    QTest.keyClick(fields["can_do"].text, Qt.Key.Key_Tab)  # to their own words
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields["strengths_personal"].folded
    QTest.keyClick(fields["strengths_personal"].folded, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is fields["strengths_personal"].text


def test_typing_on_a_folded_topic_opens_it_and_keeps_every_key(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    window.new_contact()
    topic = window.workspace.contacts.conversation.fields["motivation"]
    topic.folded.setFocus()
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        for key in "My grandson Kacper":  # each to wherever the keyboard is, as typing goes
            QTest.keyClicks(QApplication.focusWidget(), key)
    assert not topic.is_folded()
    assert topic.text.toPlainText() == "My grandson Kacper"
    (contact,) = example_store.contacts(person_id)
    assert example_store.conversation(contact.id).text("motivation") == "My grandson Kacper"


def test_topics_with_words_are_open_and_fold_again_on_another_contact(qtbot, window):
    open_person(window, "Peggy")
    fields = window.workspace.contacts.conversation.fields
    assert not fields["what_matters"].is_folded()
    window.new_contact()
    assert fields["what_matters"].is_folded()


def _on_screen(widget, window) -> bool:
    """Shown, and every part of it inside the window."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = window.rect().contains(QRect(top_left, widget.size()))
    return widget.isVisible() and not widget.visibleRegion().isEmpty() and inside


def test_the_questions_stay_in_view_beside_a_long_answer(qtbot, window):
    window.resize(1366, 768)
    tab = new_contact_page(window)
    choose(tab.details.kind, ConversationKind.AT_RISK)
    topic = tab.conversation.fields["routines"]
    qtbot.mouseClick(topic.folded, Qt.MouseButton.LeftButton)
    QTest.keyClicks(topic.text, LONG[:600])
    topic.text.insertPlainText(LONG)
    qtbot.waitUntil(lambda: tab.scroll.verticalScrollBar().value() > 0)
    qtbot.waitUntil(lambda: _cursor_shown(topic.text, tab.scroll))
    prompts = tab.conversation.prompts
    assert _on_screen(prompts, window)
    assert _on_screen(prompts.topic, window) and _on_screen(prompts.conversation, window)
    assert "Lifestyle and routines" in prompts.topic.text()
    assert "Tell me about a usual day." in prompts.topic.text()
    assert "What needs to change to make you safe" in prompts.conversation.text()
    assert not tab.scroll.isAncestorOf(prompts), "not scrolled away with the page"


def _cursor_shown(edit: QPlainTextEdit, scroll) -> bool:
    line = edit.cursorRect()
    where = edit.viewport().mapTo(scroll.viewport(), line.center())
    return scroll.viewport().rect().contains(where)


def test_at_1366_by_768_the_page_has_no_scroll_bar_inside_it(qtbot, window):
    window.resize(1366, 768)
    assert window.width() <= 1366 and window.height() <= 768
    tab = new_contact_page(window)
    topic = tab.conversation.fields["what_matters"]
    qtbot.mouseClick(topic.folded, Qt.MouseButton.LeftButton)
    topic.text.insertPlainText(LONG)
    qtbot.waitUntil(lambda: topic.text.height() > 10 * topic.text.fontMetrics().lineSpacing())
    assert topic.text.verticalScrollBar().maximum() == 0, "the whole answer shows"
    inner = [
        area
        for area in tab.scroll.widget().findChildren(QAbstractScrollArea)
        if area.isVisible()
        and (area.verticalScrollBar().isVisible() or area.horizontalScrollBar().isVisible())
    ]
    assert inner == []
    assert tab.scroll.verticalScrollBar().isVisible()
    assert not tab.scroll.horizontalScrollBar().isVisible()


def test_the_wheel_over_an_answer_scrolls_the_page(qtbot, window):
    window.resize(1366, 768)
    tab = new_contact_page(window)
    open_topic = tab.conversation.fields["what_matters"]
    qtbot.mouseClick(open_topic.folded, Qt.MouseButton.LeftButton)
    open_topic.text.insertPlainText("Short answer.")
    tab.scroll.verticalScrollBar().setValue(0)
    tab.details.worker.setFocus()
    turn_wheel(open_topic.text.viewport(), -3)
    assert tab.scroll.verticalScrollBar().value() > 0

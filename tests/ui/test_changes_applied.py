"""One report of changes: whatever face or tab changes a record, what shows it is read again
from the runner's `changes_applied`, and the tab that made a change is not read twice."""

from __future__ import annotations

from assessor.carers import CaringRole
from assessor.goals import Goal
from assessor.operations.carers import link_carer
from assessor.operations.goals import add_goal
from assessor.operations.people import add_person, update_person
from assessor.record import Person
from tests.ui.clock import TODAY
from tests.ui.helpers import open_person


def test_a_goal_stored_in_the_background_shows_on_the_open_goals_tab(qtbot, window, example_store):
    person_id = open_person(window, "Tomek")
    workspace = window.workspace
    workspace.tabs.setCurrentWidget(workspace.goals)
    assert workspace.goals.list.count() == 0
    goal = Goal(person_id, "Walk Kacper to school", TODAY)
    with qtbot.waitSignal(window.runner.changes_applied):
        window.runner.write(lambda: add_goal(example_store, goal))
    assert workspace.goals.row_text(0).startswith("“Walk Kacper to school”")
    workspace.tabs.setCurrentWidget(workspace.progression)
    workspace.progression.new_button.click()
    dialog = workspace.progression.dialog
    assert [goal.words for _box, goal in dialog.goal_boxes] == ["Walk Kacper to school"]
    dialog.reject()


def test_a_new_name_from_anywhere_reaches_the_header_search_and_the_list(
    qtbot, window, example_store
):
    person_id = open_person(window, "Tomek")
    person = example_store.person(person_id)
    changes = {"preferred_name": "Tommy"}
    with qtbot.waitSignal(window.runner.changes_applied):
        window.runner.write(
            lambda: update_person(example_store, person_id, changes, person.stamp.revision)
        )
    assert window.workspace.name.text().startswith("Tommy")
    assert window.index.get(person_id).preferred_name == "Tommy"
    model = window.caseload.model
    assert model.person_at(model.row_of(person_id)).preferred_name == "Tommy"


def test_someone_linked_as_a_carer_elsewhere_is_offered_support_as_a_carer(
    qtbot, window, example_store
):
    tomek_id = open_person(window, "Tomek")
    workspace = window.workspace
    support = workspace.tabs.indexOf(workspace.carer_support)
    assert not workspace.tabs.isTabVisible(support)
    kacper = Person("Kacper", "Help after school")
    cared_for = window.runner.write_now(lambda: add_person(example_store, kacper))
    with qtbot.waitSignal(window.runner.changes_applied):
        window.runner.write(lambda: link_carer(example_store, CaringRole(tomek_id, cared_for.id)))
    assert workspace.tabs.isTabVisible(support)
    assert workspace.cares_for.text() == "Carer for Kacper"

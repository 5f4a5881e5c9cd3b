"""Once the laptop syncs with its team: everyone sees their own people first, and a team
lead sees whose caseload each person is on."""

from __future__ import annotations

from dataclasses import replace

from assessor.record import Person
from tests.ui.sync.kit import connect_offline


def on_bobs_caseload(store, person_id: str) -> None:
    """The person as the hub sends them: recorded on Bob Example's laptop."""
    state = store.record_state("people", person_id)
    store.apply_change(
        replace(
            state,
            fields={**state.fields, "caseload_of": "Bob Example"},
            revision=state.revision + 1,
            based_on=state.revision,
        )
    )


def rows(window) -> list[str]:
    model = window.caseload.model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def test_a_person_added_is_on_the_caseload_of_the_worker_who_added_them(store):
    added = store.add_person(Person("Ann", "A fall at home", family_name="Example"))
    assert store.findable(added.id).caseload_of == "Test Worker"


def test_a_team_lead_sees_whose_caseload_each_person_is_on_their_own_first(
    qtbot, make_window, store
):
    store.add_person(Person("Zara", "A fall at home", family_name="Zed"))
    aaron = store.add_person(Person("Aaron", "Help with shopping", family_name="Able"))
    on_bobs_caseload(store, aaron.id)
    connect_offline(store, role="team-lead")
    window = make_window(store)
    qtbot.waitUntil(lambda: "caseload" in rows(window)[0])
    assert rows(window) == [
        "Zed, Zara\nYour caseload",
        "Able, Aaron\nBob Example’s caseload",
    ]


def test_a_worker_sees_their_own_people_first_without_whose(qtbot, make_window, store):
    store.add_person(Person("Zara", "A fall at home", family_name="Zed"))
    aaron = store.add_person(Person("Aaron", "Help with shopping", family_name="Able"))
    on_bobs_caseload(store, aaron.id)
    window = make_window(store)
    assert rows(window)[0].startswith("Able, Aaron")  # before sync: the caseload's own order
    connect_offline(store)
    window.sync.background.refresh()
    qtbot.waitUntil(lambda: rows(window)[0].startswith("Zed, Zara"))
    assert "caseload" not in " ".join(rows(window))

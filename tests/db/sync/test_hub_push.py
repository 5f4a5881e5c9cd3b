"""The hub's answer to each pushed change: applied, already applied, not accepted, waiting; and
which team's people a device may change."""

from __future__ import annotations

from assessor.sync.wire import Outcome
from db.store import Store
from tests.db.sync.hub_kit import NORTH, Laptop, contact, count, person


def test_a_new_person_is_applied_as_the_laptop_made_them_and_joins_its_team(
    ann: Laptop, hub_store: Store
) -> None:
    change = ann.new("people", person("Dee Example", "Ann Example"))

    result = ann.push_one(change)

    assert result.outcome is Outcome.APPLIED
    assert result.state is not None
    assert (result.state.revision, result.state.updated_by) == (1, "Ann Example")
    assert result.state.fields["preferred_name"] == "Dee Example"
    assert (
        count(hub_store, "SELECT count(*) FROM hub_person_teams WHERE team_id = :t", t=NORTH) == 1
    )
    entry = (ann.scope.device_id, change.state.id)
    assert (
        count(
            hub_store,
            "SELECT count(*) FROM change_log WHERE device_id = :d AND person_id = :p",
            d=entry[0],
            p=entry[1],
        )
        == 1
    )
    assert count(hub_store, "SELECT count(*) FROM hub_audit WHERE action = 'change'") == 1


def test_a_row_of_a_person_names_that_person_in_the_hubs_log(ann: Laptop, hub_store: Store) -> None:
    dee = ann.settled(ann.new("people", person("Dee Example")))
    talk = ann.settled(ann.new("contacts", contact(dee.id)))
    answer = ann.new(
        "conversation_entries", {"contact_id": talk.id, "topic": "home", "text": "Stairs"}
    )

    ann.settled(answer)

    sql = "SELECT person_id FROM change_log WHERE row_id = :r"
    with hub_store.engine.connect() as connection:
        from sqlalchemy import text

        assert connection.execute(text(sql), {"r": answer.state.id}).scalar_one() == dee.id


def test_a_person_and_their_rows_in_one_batch_each_name_the_person_in_the_hubs_log(
    ann: Laptop, hub_store: Store
) -> None:
    dee = ann.new("people", person("Dee Example"))
    talk = ann.new("contacts", contact(dee.state.id))
    answer = ann.new(
        "conversation_entries", {"contact_id": talk.state.id, "topic": "home", "text": "Stairs"}
    )

    results = ann.push(dee, talk, answer)

    assert [r.outcome for r in results] == [Outcome.APPLIED] * 3
    assert [r.state.revision for r in results if r.state] == [1, 1, 1]
    sql = "SELECT count(*) FROM change_log WHERE person_id = :p"
    assert count(hub_store, sql, p=dee.state.id) == 3


def test_a_batch_naming_a_row_twice_answers_each_with_the_row_as_that_change_left_it(
    ann: Laptop,
) -> None:
    dee = ann.new("people", person("Dee Example"))
    phoned = ann.edit(dee.state, phone="01632 960000")

    first, second = ann.push(dee, phoned)

    assert (first.outcome, second.outcome) == (Outcome.APPLIED, Outcome.APPLIED)
    assert first.state is not None and second.state is not None
    assert (first.state.revision, first.state.fields["phone"]) == (1, "")
    assert (second.state.revision, second.state.fields["phone"]) == (2, "01632 960000")


def test_the_same_batch_sent_twice_is_applied_once_and_answered_alike(
    ann: Laptop, hub_store: Store
) -> None:
    dee = ann.new("people", person("Dee Example"))
    talk = ann.new("contacts", contact(dee.state.id))
    first = ann.push(dee, talk)
    entries = count(hub_store, "SELECT count(*) FROM change_log")

    again = ann.push(dee, talk)

    assert [r.outcome for r in first] == [Outcome.APPLIED, Outcome.APPLIED]
    assert [r.outcome for r in again] == [Outcome.ALREADY_APPLIED, Outcome.ALREADY_APPLIED]
    assert [r.state for r in again] == [r.state for r in first]
    assert count(hub_store, "SELECT count(*) FROM change_log") == entries
    assert count(hub_store, "SELECT count(*) FROM hub_receipts WHERE outcome = 'applied'") == 2


def test_what_the_hub_cannot_take_is_refused_in_plain_words_and_blocks_nothing(
    ann: Laptop, hub_store: Store
) -> None:
    good = ann.new("people", person("Dee Example"))
    strange_kind = ann.new("holidays", {"where": "Whitby"})
    strange_field = ann.new("people", person("Eve Example", favourite_colour="green"))
    too_long = ann.new("people", person("x" * 5000))
    bad_date = ann.new("people", person("Fay Example", date_of_birth="31 February"))

    results = ann.push(strange_kind, good, strange_field, too_long, bad_date)

    assert [r.outcome for r in results] == [
        Outcome.NOT_ACCEPTED,
        Outcome.APPLIED,
        Outcome.NOT_ACCEPTED,
        Outcome.NOT_ACCEPTED,
        Outcome.NOT_ACCEPTED,
    ]
    assert "kind of record the council's hub does not know (holidays)" in results[0].reason
    assert "update Assessor on this laptop" in results[0].reason
    assert "favourite_colour" in results[2].reason
    assert "5,000" in results[3].reason  # the length check's own words
    assert "not valid" in results[4].reason
    assert count(hub_store, "SELECT count(*) FROM people") == 1
    assert count(hub_store, "SELECT count(*) FROM hub_receipts WHERE outcome = 'not_accepted'") == 4


def test_a_change_not_accepted_is_decided_again_when_sent_again(ann: Laptop, cat: Laptop) -> None:
    south = cat.settled(cat.new("people", person("Gus Example")))
    edit = ann.edit(south, phone="01632 960000")
    assert ann.push_one(edit).outcome is Outcome.NOT_ACCEPTED
    north = ann.settled(ann.new("people", person("Dee Example")))
    cat.settled(cat.new("caring_roles", {"carer_id": south.id, "cared_for_id": north.id}))

    assert ann.push_one(edit).outcome is Outcome.APPLIED


def test_a_row_whose_person_is_not_on_the_hub_waits_for_them(ann: Laptop, hub_store: Store) -> None:
    dee = ann.new("people", person("Dee Example"))
    talk = ann.new("contacts", contact(dee.state.id))

    waiting = ann.push_one(talk)

    assert waiting.outcome is Outcome.WAITING
    assert waiting.reason.startswith("Waiting for the person it belongs to")
    assert waiting.state is None
    assert count(hub_store, "SELECT count(*) FROM hub_receipts") == 0
    assert [r.outcome for r in ann.push(dee, talk)] == [Outcome.APPLIED, Outcome.APPLIED]


def test_another_teams_person_is_refused_and_the_refusal_audited(
    ann: Laptop, cat: Laptop, hub_store: Store
) -> None:
    gus = cat.settled(cat.new("people", person("Gus Example")))

    refused = ann.push(ann.edit(gus, phone="01632 960000"), ann.new("contacts", contact(gus.id)))

    assert [r.outcome for r in refused] == [Outcome.NOT_ACCEPTED, Outcome.NOT_ACCEPTED]
    assert "another team" in refused[0].reason
    assert count(hub_store, "SELECT count(*) FROM contacts") == 0
    assert count(hub_store, "SELECT count(*) FROM hub_audit WHERE action = 'refused'") == 2


def test_a_carer_in_another_team_linked_by_a_caring_role_may_be_changed(
    ann: Laptop, cat: Laptop
) -> None:
    dee = ann.settled(ann.new("people", person("Dee Example")))
    gus = cat.settled(cat.new("people", person("Gus Example")))
    role = cat.settled(cat.new("caring_roles", {"carer_id": gus.id, "cared_for_id": dee.id}))

    assert ann.push_one(ann.edit(gus, phone="01632 960000")).outcome is Outcome.APPLIED
    ended = cat.settled(cat.edit(role, deleted=True))
    assert ended.deleted
    assert ann.push_one(ann.edit(gus, phone="01632 960001", revision=9)).outcome is (
        Outcome.NOT_ACCEPTED
    )

"""What a device pulls: a first sync's snapshot of its scope, own people first and resumable at
any page, then the feed of later changes; every row sent audited."""

from __future__ import annotations

import itertools

import pytest

from assessor.changes import RecordChange
from assessor.sync.wire import PulledPage
from db.store import Store
from db.sync.hub_cursor import BadCursor
from tests.db.sync.hub_kit import Laptop, contact, count, person

PARENTS_FIRST = ["people", "contacts", "conversation_entries", "caring_roles"]


def add_person(laptop: Laptop, name: str, caseload_of: str) -> RecordChange:
    """A person with a contact and one answer of that conversation: three rows."""
    someone = laptop.settled(laptop.new("people", person(name, caseload_of)))
    talk = laptop.settled(laptop.new("contacts", contact(someone.id)))
    answer = {"contact_id": talk.id, "topic": "home", "text": f"{name} at home"}
    laptop.settled(laptop.new("conversation_entries", answer))
    return someone


def rows(pages: list[PulledPage]) -> list[RecordChange]:
    return [row for page in pages for row in page.rows]


@pytest.fixture
def team(ann: Laptop, bob: Laptop, cat: Laptop) -> dict[str, RecordChange]:
    """Bob's three people and Ann's three in the north team; Gus in the south team, caring for
    one of Ann's people; Hal in the south team, linked to no one in the north."""
    people = {name: add_person(bob, name, "Bob Example") for name in ("B1", "B2", "B3")}
    people |= {name: add_person(bob, name, "Ann Example") for name in ("A1", "A2", "A3")}
    people["Gus"] = add_person(cat, "Gus", "Cat Example")
    people["Hal"] = add_person(cat, "Hal", "Cat Example")
    role = {"carer_id": people["Gus"].id, "cared_for_id": people["A2"].id}
    people["role"] = cat.settled(cat.new("caring_roles", role))
    return people


def test_a_first_sync_sends_the_scope_whole_people_at_a_time_own_people_first(
    ann: Laptop, team: dict[str, RecordChange]
) -> None:
    pages = ann.pull_all(limit=4)

    names = [r.fields["preferred_name"] for r in rows(pages) if r.kind == "people"]
    assert sorted(names[:3]) == ["A1", "A2", "A3"]
    assert sorted(names[3:]) == ["B1", "B2", "B3", "Gus"]  # Hal is in no one's scope here
    # Two people (six rows) a page, the last page Gus and then the caring role.
    assert [len(page.rows) for page in pages] == [6, 6, 6, 4]
    for page in pages:
        kinds = [r.kind for r in page.rows]
        assert kinds == sorted(kinds, key=PARENTS_FIRST.index)
        people = {r.id for r in page.rows if r.kind == "people"}
        mentioned = {r.fields.get("person_id") for r in page.rows if r.kind == "contacts"}
        assert mentioned <= people  # whole people: a contact comes with its person
    assert rows(pages)[-1].id == team["role"].id
    assert len({(r.kind, r.id) for r in rows(pages)}) == len(rows(pages)) == 7 * 3 + 1
    assert all(r.based_on == r.revision for r in rows(pages))


def test_a_first_sync_resumes_from_any_pages_cursor(
    ann: Laptop, team: dict[str, RecordChange]
) -> None:
    pages = ann.pull_all(limit=4)

    for before, after in itertools.pairwise(pages):
        again = ann.hub.pull(ann.scope, before.cursor, 4)
        assert again == after


def test_a_first_sync_sends_live_rows_only_then_the_changes_made_since(
    ann: Laptop, bob: Laptop, team: dict[str, RecordChange]
) -> None:
    gone = bob.settled(bob.new("contacts", contact(team["B1"].id)))
    bob.settled(bob.edit(gone, deleted=True))
    first = ann.hub.pull(ann.scope, None, 4)
    changed = bob.settled(bob.edit(team["B3"], phone="01632 960000"))

    pages = [first, *ann.pull_all(4, first.cursor)]

    assert gone.id not in {r.id for r in rows(pages)}
    assert rows(pages)[-1] == changed  # the snapshot read it as it was; the feed sends it again
    quiet = ann.hub.pull(ann.scope, pages[-1].cursor, 4)
    assert (quiet.rows, quiet.more) == ([], False)


def test_the_feed_sends_changes_in_scope_in_pages_and_moves_past_the_rest(
    ann: Laptop, bob: Laptop, cat: Laptop, team: dict[str, RecordChange]
) -> None:
    done = ann.pull_all(limit=100)[-1].cursor
    cat.settled(cat.edit(team["Hal"], phone="01632 960009"))  # another team's, out of scope

    past_hal = ann.hub.pull(ann.scope, done, 10)
    edits = [bob.settled(bob.edit(team[name], phone="01632 960001")) for name in ("A1", "B1", "B2")]
    pages = ann.pull_all(2, past_hal.cursor)

    assert (past_hal.rows, past_hal.more) == ([], False)
    assert past_hal.cursor != done
    assert [len(page.rows) for page in pages] == [2, 1]
    assert rows(pages) == edits


def test_every_row_pulled_is_audited_as_read_by_the_device(
    ann: Laptop, hub_store: Store, team: dict[str, RecordChange]
) -> None:
    before = count(hub_store, "SELECT count(*) FROM hub_audit")

    pulled = rows(ann.pull_all(limit=4))

    assert count(hub_store, "SELECT count(*) FROM hub_audit") - before == len(pulled)
    sql = (
        "SELECT count(*) FROM hub_audit WHERE action = 'read' AND device_id = :d "
        "AND worker = 'Ann Example' AND kind = 'conversation_entries' AND person_id = :p"
    )
    assert count(hub_store, sql, d=ann.scope.device_id, p=team["A2"].id) == 1


def test_a_cursor_the_hub_did_not_make_is_refused_in_plain_words(ann: Laptop) -> None:
    with pytest.raises(BadCursor, match="did not make"):
        ann.hub.pull(ann.scope, "not-a-cursor", 10)


def test_a_conflict_reaches_every_laptop_of_the_team(
    ann: Laptop, bob: Laptop, team: dict[str, RecordChange]
) -> None:
    done = ann.pull_all(limit=100)[-1].cursor
    ann.settled(ann.edit(team["A1"], alerts="Dog in the garden"))
    bob.push_one(bob.edit(team["A1"], alerts="Ring twice"))

    pulled = rows(ann.pull_all(100, done))

    (conflict,) = [row for row in pulled if row.kind == "sync_conflicts"]
    assert conflict.fields["row_id"] == team["A1"].id
    assert conflict.fields["person_id"] == team["A1"].id
    assert set(conflict.fields["fields"]) == {"alerts"}
    assert [row.kind for row in rows(bob.pull_all(100))].count("sync_conflicts") == 1


def test_someone_of_another_team_linked_by_a_caring_role_comes_with_their_record_whole(
    ann: Laptop, cat: Laptop, team: dict[str, RecordChange]
) -> None:
    done = ann.pull_all(limit=100)[-1].cursor
    role = {"carer_id": team["Hal"].id, "cared_for_id": team["A3"].id}
    linked = cat.settled(cat.new("caring_roles", role))

    pulled = rows(ann.pull_all(10, done))

    hals = [r for r in pulled if team["Hal"].id in (r.id, r.fields.get("person_id"))]
    assert [r.kind for r in hals] == ["people", "contacts"]  # made before the link
    assert [r.kind for r in pulled] == [
        "people",
        "contacts",
        "conversation_entries",
        "caring_roles",
    ]
    assert pulled[-1] == linked

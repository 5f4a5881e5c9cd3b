"""Short-term help on a real store: episodes round-trip, updates are checked and logged, weekly
reviews are append-only, and whole files arrive with their episodes at once."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from assessor.goals import Goal, GoalKind, Reviewer
from assessor.person_file import PersonFile
from assessor.record import Person
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome, within_48_hours
from assessor.validation import InvalidInput
from db.models import new_id
from db.rows import NotFound
from db.store import Store
from tests.kit.raw_sql import StoreSQL
from tests.kit.stores import StorePlace

WORKER = "Test Worker"
ASKED = datetime(2026, 11, 2, 10, 0)  # two weeks on from the same day is 16 Nov 2026


@pytest.fixture
def des(store: Store) -> str:
    return store.add_person(Person(preferred_name="Des", presenting_problem="One arm")).id


def _episode(person_id: str, **kw: object) -> Episode:
    values: dict[str, object] = {"kind": HelpKind.REABLEMENT, "asked_at": ASKED}
    return Episode(person_id=person_id, **{**values, **kw})  # type: ignore[arg-type]


# --- episodes ---------------------------------------------------------------------------------


def test_an_episode_round_trips_with_every_field(store: Store, des: str) -> None:
    """Times keep their minutes, choices come back as choices, reasons exactly as written."""
    because = "  Admitted to hospital\non the 10th.  "
    added = store.add_episode(
        _episode(
            des,
            kind=HelpKind.RECUPERATION,
            provider="Fernley Reablement Team",
            first_help_at=ASKED + timedelta(hours=26, minutes=15),
            outcome_2_weeks=HelpOutcome.HOSPITAL,
            outcome_2_weeks_on=date(2026, 11, 10),
            outcome_2_weeks_early_because=because,
            outcome_6_weeks=HelpOutcome.LONG_TERM_SUPPORT,
            outcome_6_weeks_on=date(2026, 12, 15),
        )
    )
    assert added.id
    assert added.stamp is not None
    assert (added.stamp.updated_by, added.stamp.revision) == (WORKER, 1)
    (read,) = store.episodes(des)
    assert read == added
    assert read.person_id == des
    assert read.kind is HelpKind.RECUPERATION
    assert read.first_help_at == datetime(2026, 11, 3, 12, 15)
    assert read.outcome_2_weeks is HelpOutcome.HOSPITAL
    assert read.outcome_2_weeks_early_because == because
    assert read.outcome_6_weeks is HelpOutcome.LONG_TERM_SUPPORT
    assert within_48_hours(read) is True


def test_an_episode_just_asked_for_comes_back_empty_handed(store: Store, des: str) -> None:
    added = store.add_episode(_episode(des))
    (read,) = store.episodes(des)
    assert read == added
    assert (read.provider, read.first_help_at, read.outcome_2_weeks, read.outcome_6_weeks) == (
        "",
        None,
        None,
        None,
    )
    assert within_48_hours(read) is None


def test_episodes_are_newest_first_and_belong_to_their_person(store: Store, des: str) -> None:
    peggy = store.add_person(Person(preferred_name="Peggy", presenting_problem="Stairs")).id
    for provider, days_ago in (("Older", 60), ("Newest", 1), ("Middle", 20)):
        store.add_episode(_episode(des, provider=provider, asked_at=ASKED - timedelta(days_ago)))
    store.add_episode(_episode(peggy, provider="Peggy's"))
    assert [e.provider for e in store.episodes(des)] == ["Newest", "Middle", "Older"]
    assert [e.provider for e in store.episodes(peggy)] == ["Peggy's"]
    assert len(store.episodes()) == 4
    assert store.episodes("no-such-person") == []


def test_an_episode_that_fails_its_checks_is_not_stored(
    store: Store, raw: StoreSQL, des: str
) -> None:
    with pytest.raises(InvalidInput, match="before it was asked for"):
        store.add_episode(_episode(des, first_help_at=ASKED - timedelta(hours=1)))
    assert store.episodes(des) == []
    assert raw.rows("SELECT count(*) FROM short_term_episodes") == [(0,)]
    assert raw.rows("SELECT count(*) FROM change_log WHERE table_name = 'short_term_episodes'") == [
        (0,)
    ]


def test_an_episode_for_someone_not_held_is_refused(store: Store) -> None:
    with pytest.raises(NotFound):
        store.add_episode(_episode("no-such-person"))


# --- updates ----------------------------------------------------------------------------------


def test_help_arriving_is_a_logged_update_of_that_field_only(store: Store, des: str) -> None:
    episode = store.add_episode(_episode(des, provider="Fernley Reablement Team"))
    arrived = ASKED + timedelta(hours=30)
    store.update_episode(episode.id, {"first_help_at": arrived, "provider": episode.provider})

    (read,) = store.episodes(des)
    assert read.first_help_at == arrived
    assert read.stamp is not None and read.stamp.revision == 2
    history = store.history([episode.id])
    assert [(c.table, c.operation, c.revision) for c in history] == [
        ("short_term_episodes", "insert", 1),
        ("short_term_episodes", "update", 2),
    ]
    assert history[1].changes == {"first_help_at": arrived.isoformat()}
    assert history[1].changed_by == WORKER
    assert history[0].changes["person_id"] == des
    assert history[0].changes["kind"] == "reablement"


def test_recording_an_outcome_logs_its_code_and_date(store: Store, des: str) -> None:
    episode = store.add_episode(_episode(des, first_help_at=ASKED))
    store.update_episode(
        episode.id,
        {"outcome_2_weeks": HelpOutcome.REDUCED_SUPPORT, "outcome_2_weeks_on": date(2026, 11, 16)},
    )
    (read,) = store.episodes(des)
    assert read.outcome(2) == (HelpOutcome.REDUCED_SUPPORT, date(2026, 11, 16), "")
    assert read.stamp is not None and read.stamp.revision == 2
    assert store.history([episode.id])[-1].changes == {
        "outcome_2_weeks": "reduced_support",
        "outcome_2_weeks_on": "2026-11-16",
    }

    store.update_episode(
        episode.id,
        {"outcome_6_weeks": HelpOutcome.NO_FURTHER_HELP, "outcome_6_weeks_on": date(2026, 12, 14)},
    )
    (read,) = store.episodes(des)
    assert read.outcome_6_weeks is HelpOutcome.NO_FURTHER_HELP
    assert read.stamp is not None and read.stamp.revision == 3
    assert [c.revision for c in store.history([episode.id])] == [1, 2, 3]


def test_an_early_outcome_without_a_reason_changes_nothing(
    store: Store, raw: StoreSQL, des: str
) -> None:
    """The episode is checked as a whole with the change; a refused change leaves no trace."""
    episode = store.add_episode(_episode(des, first_help_at=ASKED))
    with pytest.raises(InvalidInput) as caught:
        store.update_episode(
            episode.id,
            {"outcome_2_weeks": HelpOutcome.HOSPITAL, "outcome_2_weeks_on": date(2026, 11, 10)},
        )
    assert "16 Nov 2026" in str(caught.value)
    assert store.episodes(des) == [episode]
    assert [c.operation for c in store.history([episode.id])] == ["insert"]
    assert raw.rows("SELECT revision, outcome_2_weeks FROM short_term_episodes") == [(1, None)]


def test_an_early_outcome_with_a_reason_is_stored(store: Store, des: str) -> None:
    episode = store.add_episode(_episode(des, first_help_at=ASKED))
    store.update_episode(
        episode.id,
        {
            "outcome_2_weeks": HelpOutcome.HOSPITAL,
            "outcome_2_weeks_on": date(2026, 11, 10),
            "outcome_2_weeks_early_because": "Admitted with a chest infection.",
        },
    )
    (read,) = store.episodes(des)
    assert read.outcome(2)[2] == "Admitted with a chest infection."


def test_update_episode_refuses_fields_that_are_not_its_own(store: Store, des: str) -> None:
    episode = store.add_episode(_episode(des))
    with pytest.raises(ValueError, match="person_id"):
        store.update_episode(episode.id, {"person_id": "someone-else"})
    assert store.episodes(des) == [episode]


def test_update_of_a_missing_episode_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.update_episode("no-such-episode", {"provider": "Anyone"})


# --- weekly reviews ---------------------------------------------------------------------------


def test_reviews_are_read_oldest_first_and_keep_their_goals(store: Store, des: str) -> None:
    words = "Make my own breakfast with one hand"
    goal = store.add_goal(Goal(des, words, date(2026, 11, 2), kind=GoalKind.REABLEMENT))
    episode = store.add_episode(_episode(des, first_help_at=ASKED))
    for days, note in ((14, "Second week"), (7, "First week"), (21, "Third week")):
        store.add_episode_review(
            EpisodeReview(
                episode.id, date(2026, 11, 2) + timedelta(days), Reviewer.OT, note, [goal.id]
            )
        )
    (first, second, third) = store.episode_reviews([episode.id])[episode.id]
    assert [r.note for r in (first, second, third)] == ["First week", "Second week", "Third week"]
    assert all(r.goal_ids == [goal.id] for r in (first, second, third))
    assert first.reviewer is Reviewer.OT
    assert first.stamp is not None and first.stamp.revision == 1


def test_a_review_round_trips_with_every_field(store: Store, des: str) -> None:
    episode = store.add_episode(_episode(des))
    goals = [
        store.add_goal(Goal(des, words, date(2026, 11, 1))).id
        for words in ("Make my own tea", "Dress myself")
    ]
    added = store.add_episode_review(
        EpisodeReview(
            episode_id=episode.id,
            on=date(2026, 11, 9),
            reviewer=Reviewer.PROVIDER,
            note="Making tea on his own. “I don't need you for the kettle now.”",
            goal_ids=goals,
        )
    )
    assert added.id
    assert store.episode_reviews([episode.id]) == {episode.id: [added]}
    assert added.goal_ids == goals


def test_every_episode_asked_for_has_a_list_of_reviews(store: Store, des: str) -> None:
    reviewed = store.add_episode(_episode(des))
    quiet = store.add_episode(_episode(des, provider="Another"))
    store.add_episode_review(EpisodeReview(reviewed.id, date(2026, 11, 9)))
    found = store.episode_reviews([reviewed.id, quiet.id])
    assert set(found) == {reviewed.id, quiet.id}
    assert len(found[reviewed.id]) == 1
    assert found[quiet.id] == []
    assert store.episode_reviews([]) == {}


def test_reviews_are_append_only(store: Store, des: str) -> None:
    """Only inserts are ever logged for review rows: adding more never changes earlier ones."""
    episode = store.add_episode(_episode(des))
    ids = [
        store.add_episode_review(EpisodeReview(episode.id, date(2026, 11, 2) + timedelta(n))).id
        for n in (7, 14, 21)
    ]
    store.update_episode(episode.id, {"first_help_at": ASKED})
    history = store.history(ids)
    assert len(history) == 3
    assert {(c.table, c.operation, c.revision) for c in history} == {
        ("episode_reviews", "insert", 1)
    }
    assert not hasattr(store, "update_episode_review")


def test_a_review_of_a_missing_episode_raises_not_found(store: Store, raw: StoreSQL) -> None:
    with pytest.raises(NotFound):
        store.add_episode_review(EpisodeReview("no-such-episode", date(2026, 11, 9)))
    assert raw.rows("SELECT count(*) FROM episode_reviews") == [(0,)]


# --- whole files ------------------------------------------------------------------------------


def _file_with_help() -> PersonFile:
    person_id, goal_id, episode_id = new_id(), new_id(), new_id()
    goal = Goal(person_id, "Make my own breakfast", date(2026, 11, 2), id=goal_id)
    episode = Episode(
        person_id,
        HelpKind.REABLEMENT,
        ASKED,
        "Fernley Reablement Team",
        ASKED + timedelta(hours=20),
        HelpOutcome.REDUCED_SUPPORT,
        date(2026, 11, 17),
        id=episode_id,
    )
    reviews = [
        EpisodeReview(episode_id, date(2026, 11, 10), Reviewer.OT, "Week 1", [goal_id], new_id()),
        EpisodeReview(episode_id, date(2026, 11, 17), Reviewer.OT, "Week 2", [goal_id], new_id()),
    ]
    return PersonFile(
        Person(preferred_name="Des", presenting_problem="One arm", id=person_id),
        [],
        {},
        goals=[goal],
        episodes=[episode],
        episode_reviews={episode_id: reviews},
    )


def test_add_files_stores_episodes_and_their_reviews(store: Store) -> None:
    file = _file_with_help()
    (person_id,) = store.add_files([file])
    held = store.person_file(person_id)
    (episode,) = held.episodes
    (written,) = file.episodes
    assert episode.id == written.id
    assert (episode.provider, episode.first_help_at, episode.outcome_2_weeks) == (
        written.provider,
        written.first_help_at,
        written.outcome_2_weeks,
    )
    assert episode.stamp is not None and episode.stamp.revision == 1
    reviews = held.episode_reviews[episode.id]
    assert [(r.id, r.note, r.goal_ids) for r in reviews] == [
        (r.id, r.note, r.goal_ids) for r in file.episode_reviews[written.id]
    ]


def test_add_files_twice_adds_the_episodes_once(store: Store) -> None:
    file = _file_with_help()
    store.add_files([file])
    assert store.add_files([file]) == []
    assert len(store.episodes()) == 1


def test_reviews_for_an_episode_not_in_the_file_are_refused_and_nothing_is_stored(
    store: Store, raw: StoreSQL
) -> None:
    file = _file_with_help()
    file.episode_reviews["no-such-episode"] = [EpisodeReview("no-such-episode", date(2026, 11, 9))]
    with pytest.raises(ValueError, match="short-term help"):
        store.add_files([file])
    for table in ("people", "goals", "short_term_episodes", "episode_reviews", "change_log"):
        assert raw.rows(f"SELECT count(*) FROM {table}") == [(0,)], table


def test_an_invalid_episode_in_a_file_stores_nothing(store: Store, raw: StoreSQL) -> None:
    """One bad episode refuses the whole batch, earlier good files included."""
    good = _file_with_help()
    bad = _file_with_help()
    bad.episodes[0].first_help_at = ASKED - timedelta(days=1)
    with pytest.raises(InvalidInput):
        store.add_files([good, bad])
    for table in ("people", "short_term_episodes", "episode_reviews"):
        assert raw.rows(f"SELECT count(*) FROM {table}") == [(0,)], table


def test_a_weekly_review_before_the_help_or_naming_anothers_goal_is_refused(
    store_place: StorePlace,
):
    """Reviews follow the help they review, and only name the person's own goals."""
    from datetime import date, datetime

    from assessor.goals import Goal
    from assessor.record import Person
    from assessor.short_term import Episode, EpisodeReview, HelpKind
    from assessor.validation import InvalidInput

    store = store_place.open("Test Worker")
    try:
        reg = store.add_person(Person(preferred_name="Reg", presenting_problem="A fall")).id
        stan = store.add_person(Person(preferred_name="Stan", presenting_problem="Meals")).id
        stans_goal = store.add_goal(Goal(stan, "Cook a hot meal", date(2026, 10, 1)))
        episode = store.add_episode(Episode(reg, HelpKind.REABLEMENT, datetime(2026, 11, 2, 9)))
        with pytest.raises(InvalidInput, match="before the help was asked for"):
            store.add_episode_review(EpisodeReview(episode.id, date(2026, 11, 1)))
        with pytest.raises(InvalidInput, match="the person's own goals"):
            store.add_episode_review(
                EpisodeReview(episode.id, date(2026, 11, 9), goal_ids=[stans_goal.id])
            )
        assert store.episode_reviews([episode.id]) == {episode.id: []}
    finally:
        store.close()

"""Everything held about one person as JSON: what a subject access request needs.

The shape (`format` is "assessor-export", `version` 1), which later issues extend by adding keys:

    {
      "format": "assessor-export", "version": 1, "exported_at": ISO datetime (UTC),
      "person": {page one's fields, "id", "record": stamp,
                 "people_who_matter": [{fields, "id", "record": stamp}, ...]},
      "contacts": [{"id", "on", "place", "kind", "worker", "followed": [codes],
                    "shared_with_cared_for", "record": stamp, "private_to_carer",
                    "conversation": {topic code: {"heading", "text", "own_words"}},
                    "follow_up_on", "steps": [{"id", "what", "who", "by_when",
                                               "record": stamp}, ...]}, ...],
      "goals": [{"id", "words", "set_on", "set_by", "kind", "target_date", "expected",
                 "baseline", "record": stamp,
                 "status": goal status code, as of the export's UTC date,
                 "fhir": {"achievementStatus": code, "lifecycleStatus": code},
                 "reviews": [{"id", "rating", "on", "reviewer", "self_rating", "note",
                              "record": stamp}, ...]}, ...],
      "short_term_help": [{"id", "kind", "asked_at", "provider", "first_help_at",
                           "outcome_2_weeks", "outcome_2_weeks_on",
                           "outcome_2_weeks_early_because", "outcome_6_weeks",
                           "outcome_6_weeks_on", "outcome_6_weeks_early_because",
                           "record": stamp, "within_48_hours": true, false or null,
                           "reviews": [{"id", "on", "reviewer", "note", "goal_ids",
                                        "record": stamp}, ...]}, ...],
      "progression_plans": [{"id", "starts_on", "ends_on", "start_level", "target_level",
                             "steps": [{"words", "due_on", "done_on"}, ...], "goal_ids",
                             "record": stamp,
                             "reviews": [{"id", "on", "level", "note", "record": stamp},
                                         ...]}, ...],
      "ladder": {"1": words, ..., "6": words},
      "carers": [{"id", "carer_id", "what_they_do", "hours_a_week", "since", "live_together",
                  "named_as_id", "record": stamp}, ...],
      "shared_by_carers": [{"carer_id", "carer_name", "contact": contact as above}, ...],
      "as_carer": {"cares_for": [{"id", "cared_for_id", "what_they_do", "hours_a_week",
                                  "since", "live_together", "named_as_id", "record": stamp}, ...],
                   "offers": [{"id", "on", "response", "note", "record": stamp}, ...],
                   "plans": [{"id", "made_on", "what_will_help", "breaks", "contingency",
                              "review_on", "record": stamp}, ...],
                   "reviews": [{"id", "on", "supported", "words", "note", "record": stamp},
                               ...]},
      "history": [{"seq", "table", "row_id", "revision", "operation", "changes",
                   "changed_at", "changed_by"}, ...]
    }

A stamp is {"created_at", "updated_at", "updated_by", "revision"}. Dates are ISO 8601; choices
are their stored codes; contacts are newest first; goals are in the order they were set and
their reviews oldest first; own words are exactly as stored. A goal's "status" is one of
`assessor.goals.GoalStatus`'s codes and "fhir" gives the FHIR R4 Goal.achievementStatus and
Goal.lifecycleStatus codes it corresponds to. A review's "rating" is on the Goal Attainment
Scale, from −2 to +2; its "self_rating", the person's own score, is 1 to 10 or null.

"short_term_help" lists episodes of short-term help newest first (by when it was asked for).
"asked_at" and "first_help_at" are ISO datetimes in the laptop's local time, without a zone, as
the worker entered them; "within_48_hours" says whether help arrived within 48 hours of being
asked for, null while it has not arrived. An outcome is one of
`assessor.short_term.HelpOutcome`'s codes or null while unrecorded; "…_on" is the day it was
recorded and "…_early_because" why it was recorded before it was due ("" when it was not).
Weekly reviews are oldest first, with "goal_ids" naming the goals (in "goals") they worked on.

"progression_plans" lists plans newest first. Levels ("start_level", "target_level" and each
review's "level") are steps on Assessor's six-step ladder; the ladder's words are given once, in
"ladder", keyed by step number as text ("1" to "6"), so every level in the export can be read
without this program. A plan's "steps" are the smaller steps towards it, in order; its reviews
are oldest first, the path the person actually took.

Carers (`assessor.carers`) are people with records of their own. "carers" lists this person's
carers, each a caring role in the order recorded, with "named_as_id" the id of the entry in
"people_who_matter" that named the carer ("" when none did); "hours_a_week" and "live_together"
may be null. A carer's conversation (a contact whose "kind" is "carer") is private to the carer
unless "shared_with_cared_for" is true: "private_to_carer" is true exactly for a carer's
conversation not shared, and false for every other contact. A person's export holds only the
carers' conversations they may see, in "shared_by_carers" (newest first, with who the carer is);
nothing else of a carer's record is in it. "as_carer" is what the person's own record holds
about them as a carer: whom they care for ("cares_for"), each offer of a conversation of their
own (oldest first; "response" is one of `assessor.carers.OfferResponse`'s codes), their plans
(newest first) and their reviews (oldest first; "supported", their answer to "Do you feel
supported?", is one of `assessor.carers.Supported`'s codes). Each list is empty when there is
nothing to put in it.

"history" is the change log of those records in the order the store wrote it ("seq"). An
"insert" holds the whole new row in "changes"; an "update" (or a "delete", which marks the row
removed) holds only the fields that changed, each with its new value, except text that was 200
characters or longer before the change, which is given as the edit made to it, so that the log
grows with what was typed and not with the length of the text typed into:

    {"text_edit": {"at": 120, "removed": 3, "inserted": "new words",
                   "before_sha256": hex SHA-256 of the text before, in UTF-8}}

The text after the change is the text before with the "removed" characters starting at "at"
replaced by "inserted" (positions count characters, that is Unicode code points, from 0).
Replaying a row's history from its insert gives its text at each revision; "before_sha256" lets
a reader check it is applying each edit to the text it was made from. No other value in
"changes" is a JSON object.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from assessor.carers import is_carer_conversation, seen_by_cared_for
from assessor.goals import Goal, Review, status
from assessor.person_file import AsCarer, PersonFile
from assessor.progression import LADDER, PlanReview, ProgressionPlan
from assessor.prompts import TOPICS
from assessor.record import Contact, Conversation
from assessor.short_term import Episode, EpisodeReview, within_48_hours
from assessor.stamps import Stamp

FORMAT = "assessor-export"
VERSION = 1
_HEADINGS = {topic.code: topic.heading for topic in TOPICS}


class HistoryEntry(Protocol):
    """The shape `history` entries need; the store's change-log entries have it."""

    @property
    def seq(self) -> int: ...
    @property
    def table(self) -> str: ...
    @property
    def row_id(self) -> str: ...
    @property
    def revision(self) -> int: ...
    @property
    def operation(self) -> str: ...
    @property
    def changes(self) -> dict[str, Any]: ...
    @property
    def changed_at(self) -> datetime: ...
    @property
    def changed_by(self) -> str: ...


def plain(value: Any) -> Any:
    """A domain value as JSON: dates as ISO text, choices as codes, sets as sorted lists."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(plain(item) for item in value)
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def _stamp(stamp: Stamp | None) -> dict[str, Any] | None:
    return None if stamp is None else {k: plain(v) for k, v in asdict(stamp).items()}


def _object(obj: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    """A record object's own fields as JSON, its stamp as "record"."""
    skipped = {"stamp", *skip}
    data = {f.name: plain(getattr(obj, f.name)) for f in fields(obj) if f.name not in skipped}
    data["record"] = _stamp(obj.stamp)
    return data


def _contact(contact: Contact, conversation: Conversation | None) -> dict[str, Any]:
    data = _object(contact, skip={"person_id", "recorded_order"})
    data["private_to_carer"] = is_carer_conversation(contact) and not seen_by_cared_for(contact)
    data["conversation"] = {
        code: {"heading": _HEADINGS[code], "text": entry.text, "own_words": entry.own_words}
        for code, entry in (conversation.entries.items() if conversation else ())
    }
    steps = conversation.steps if conversation else []
    data["steps"] = [_object(step, skip={"contact_id"}) for step in steps]
    return data


def _goal(goal: Goal, reviews: list[Review]) -> dict[str, Any]:
    data = _object(goal, skip={"person_id"})
    how = status(goal, reviews)
    achievement, lifecycle = how.fhir
    data["status"] = how.value
    data["fhir"] = {"achievementStatus": achievement, "lifecycleStatus": lifecycle}
    data["reviews"] = [_object(review, skip={"goal_id"}) for review in reviews]
    return data


def _episode(episode: Episode, reviews: list[EpisodeReview]) -> dict[str, Any]:
    data = _object(episode, skip={"person_id"})
    data["within_48_hours"] = within_48_hours(episode)
    data["reviews"] = [_object(review, skip={"episode_id"}) for review in reviews]
    return data


def _plan(plan: ProgressionPlan, reviews: list[PlanReview]) -> dict[str, Any]:
    data = _object(plan, skip={"person_id", "steps"})
    data["steps"] = [
        {"words": step.words, "due_on": plain(step.due_on), "done_on": plain(step.done_on)}
        for step in plan.steps
    ]
    data["reviews"] = [_object(review, skip={"plan_id"}) for review in reviews]
    return data


def _as_carer(as_carer: AsCarer) -> dict[str, Any]:
    return {
        "cares_for": [_object(role, skip={"carer_id"}) for role in as_carer.roles],
        "offers": [_object(offer, skip={"carer_id"}) for offer in as_carer.offers],
        "plans": [_object(plan, skip={"carer_id"}) for plan in as_carer.plans],
        "reviews": [_object(review, skip={"carer_id"}) for review in as_carer.reviews],
    }


def export_person(
    file: PersonFile, history: Iterable[HistoryEntry], now: datetime
) -> dict[str, Any]:
    """The whole file as a JSON-ready dict, in the shape documented above, exported at `now`
    (the caller's clock, with its zone)."""
    person = _object(file.person, skip={"people_who_matter"})
    person["people_who_matter"] = [_object(who) for who in file.person.people_who_matter]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "person": person,
        "contacts": [
            _contact(contact, file.conversations.get(contact.id)) for contact in file.contacts
        ],
        "goals": [_goal(goal, file.reviews.get(goal.id, [])) for goal in file.goals],
        "short_term_help": [
            _episode(episode, file.episode_reviews.get(episode.id, [])) for episode in file.episodes
        ],
        "progression_plans": [
            _plan(plan, file.plan_reviews.get(plan.id, [])) for plan in file.plans
        ],
        "ladder": {str(step): words for step, words in LADDER.items()},
        "carers": [_object(role, skip={"cared_for_id"}) for role in file.carers],
        # The privacy rule again, at the door out: only what a carer agreed to share.
        "shared_by_carers": [
            {
                "carer_id": shared.carer_id,
                "carer_name": shared.carer_name,
                "contact": _contact(shared.contact, shared.conversation),
            }
            for shared in file.shared_by_carers
            if seen_by_cared_for(shared.contact)
        ],
        "as_carer": _as_carer(file.as_carer),
        "history": [
            {
                "seq": change.seq,
                "table": change.table,
                "row_id": change.row_id,
                "revision": change.revision,
                "operation": change.operation,
                "changes": change.changes,
                "changed_at": plain(change.changed_at),
                "changed_by": change.changed_by,
            }
            for change in history
        ],
    }

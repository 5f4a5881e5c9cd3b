"""Short-term help: reablement and its kin, measured as the council measures it.

Coventry's pattern: an OT sets goals with the person first, a provider works to them, and an OT
or social worker reviews weekly. The council counts help arriving within 48 hours of being asked
for, and what happened at two and six weeks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from assessor.choices import LabelledChoice
from assessor.goals import Reviewer
from assessor.in_error import stands
from assessor.stamps import Stamp
from assessor.validation import InvalidInput, format_date


class HelpKind(LabelledChoice):
    REABLEMENT = "reablement"
    RECUPERATION = "recuperation"
    REHABILITATION = "rehabilitation"
    RECOVERY = "recovery"
    OTHER = "other", "Other short-term help"


class HelpOutcome(LabelledChoice):
    NO_FURTHER_HELP = "no_further_help", "No further help needed"
    REDUCED_SUPPORT = "reduced_support", "Reduced support"
    LONG_TERM_SUPPORT = "long_term_support", "Long-term support needed"
    RESIDENTIAL_OR_NURSING = "residential_or_nursing", "Moved into residential or nursing care"
    HOSPITAL = "hospital", "Admitted to hospital"
    DIED = "died", "Died"


CHECKPOINT_WEEKS = (2, 6)
QUICK_HELP = timedelta(hours=48)


@dataclass
class Episode:
    """One episode of short-term help, from being asked for to its six-week outcome."""

    person_id: str
    kind: HelpKind
    asked_at: datetime
    provider: str = ""
    first_help_at: datetime | None = None
    outcome_2_weeks: HelpOutcome | None = None
    outcome_2_weeks_on: date | None = None
    outcome_2_weeks_early_because: str = ""
    outcome_6_weeks: HelpOutcome | None = None
    outcome_6_weeks_on: date | None = None
    outcome_6_weeks_early_because: str = ""
    id: str = ""
    stamp: Stamp | None = None
    outcome_2_weeks_in_error: str = ""  # why the recorded outcome was entered in error
    outcome_6_weeks_in_error: str = ""

    def started_on(self) -> date:
        """Outcomes are counted from when help first arrived (or was asked for, until then)."""
        return (self.first_help_at or self.asked_at).date()

    def due_on(self, weeks: int) -> date:
        return self.started_on() + timedelta(weeks=weeks)

    def outcome(self, weeks: int) -> tuple[HelpOutcome | None, date | None, str]:
        """The outcome at `weeks` weeks, its date and why early; one entered in error counts as
        not recorded (it is due again), though the record keeps it."""
        if not stands(self.outcome_in_error(weeks)):
            return None, None, ""
        return (
            getattr(self, f"outcome_{weeks}_weeks"),
            getattr(self, f"outcome_{weeks}_weeks_on"),
            getattr(self, f"outcome_{weeks}_weeks_early_because"),
        )

    def outcome_in_error(self, weeks: int) -> str:
        """Why the outcome recorded at `weeks` weeks was entered in error; "" if it was not."""
        return str(getattr(self, f"outcome_{weeks}_weeks_in_error"))

    def check(self) -> None:
        """Raise InvalidInput, in plain words, for an episode that cannot be stored."""
        if self.first_help_at is not None and self.first_help_at < self.asked_at:
            raise InvalidInput("Help cannot have arrived before it was asked for.")
        for weeks in CHECKPOINT_WEEKS:
            outcome, recorded_on, because = self.outcome(weeks)
            if outcome is None:
                continue
            if recorded_on is None:
                raise InvalidInput(f"Say when the {weeks}-week outcome was recorded.")
            due = self.due_on(weeks)
            if recorded_on < due and not because.strip():
                raise InvalidInput(
                    f"The {weeks}-week outcome is due on {format_date(due)}. To record it "
                    "earlier, say why (for example, they went into hospital)."
                )


EPISODE_FIELDS: frozenset[str] = frozenset(
    name for name in Episode.__dataclass_fields__ if name not in {"id", "stamp", "person_id"}
)


@dataclass
class EpisodeReview:
    """A weekly review of the help, linked to the goals it worked on. Append-only."""

    episode_id: str
    on: date
    reviewer: Reviewer = Reviewer.OT
    note: str = ""
    goal_ids: list[str] = field(default_factory=list)
    id: str = ""
    stamp: Stamp | None = None
    in_error_reason: str = ""  # why this review was entered in error; "" if it was not

    def check(self, episode: Episode, persons_goal_ids: set[str]) -> None:
        """Raise InvalidInput for a review before the help was asked for, or one naming
        goals that are not the person's."""
        if self.on < episode.asked_at.date():
            raise InvalidInput(
                f"A review on {format_date(self.on)} would come before the help was asked "
                f"for ({format_date(episode.asked_at)})."
            )
        if not set(self.goal_ids) <= persons_goal_ids:
            raise InvalidInput("A weekly review can only name the person's own goals.")


def within_48_hours(episode: Episode) -> bool | None:
    """Whether help arrived within 48 hours of being asked for; None while it has not."""
    if episode.first_help_at is None:
        return None
    return episode.first_help_at - episode.asked_at <= QUICK_HELP


@dataclass(frozen=True)
class DueOutcome:
    episode: Episode
    weeks: int
    due: date


def outcomes_due(episodes: Sequence[Episode], today: date, within: int = 7) -> list[DueOutcome]:
    """Two- and six-week outcomes not yet recorded and due within `within` days (or overdue),
    soonest first."""
    found = [
        DueOutcome(episode, weeks, episode.due_on(weeks))
        for episode in episodes
        for weeks in CHECKPOINT_WEEKS
        if episode.outcome(weeks)[0] is None
        and episode.due_on(weeks) <= today + timedelta(days=within)
    ]
    return sorted(found, key=lambda item: item.due)

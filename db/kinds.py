"""Every kind of record the store keeps, each as its record and its row (see `db.mapping`)."""

from __future__ import annotations

from assessor.carers import CarerOffer, CarerPlan, CarerReview, CaringRole
from assessor.goals import Goal, Review
from assessor.progression import PlanReview, ProgressionPlan
from assessor.record import AgreedStep, Contact, Entry, Person, PersonWhoMatters
from assessor.short_term import Episode, EpisodeReview
from db.mapping import RecordMap
from db.models import (
    AgreedStepRow,
    CarerOfferRow,
    CarerPlanRow,
    CarerReviewRow,
    CaringRoleRow,
    ContactRow,
    ConversationEntryRow,
    EpisodeReviewRow,
    EpisodeRow,
    GoalReviewRow,
    GoalRow,
    PersonRow,
    PersonWhoMattersRow,
    PlanReviewRow,
    PlanRow,
)

PERSON = RecordMap(Person, PersonRow)
PERSON_WHO_MATTERS = RecordMap(PersonWhoMatters, PersonWhoMattersRow)
CONTACT = RecordMap(Contact, ContactRow)
AGREED_STEP = RecordMap(AgreedStep, AgreedStepRow)
ENTRY = RecordMap(Entry, ConversationEntryRow)
GOAL = RecordMap(Goal, GoalRow)
GOAL_REVIEW = RecordMap(Review, GoalReviewRow)
EPISODE = RecordMap(Episode, EpisodeRow)
EPISODE_REVIEW = RecordMap(EpisodeReview, EpisodeReviewRow)
PLAN = RecordMap(ProgressionPlan, PlanRow)
PLAN_REVIEW = RecordMap(PlanReview, PlanReviewRow)
CARING_ROLE = RecordMap(CaringRole, CaringRoleRow)
CARER_OFFER = RecordMap(CarerOffer, CarerOfferRow)
CARER_PLAN = RecordMap(CarerPlan, CarerPlanRow)
CARER_REVIEW = RecordMap(CarerReview, CarerReviewRow)

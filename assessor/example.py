"""A small fictional caseload for trying the app and for demonstrations.

Every name, address and story here is invented. NHS numbers come from the NHS's published test
range (starting 999) with valid check digits. Ids are fixed, so loading it twice adds nothing.

Some people have goals with reviews, so every state shows: Peggy has three goals reviewed by
her OT, her reablement carers, her worker and herself (one achieved, one improving, one not
moving this week); Des's goal is near its target date and Eileen's has never been reviewed,
so both are due.

Des also has a finished spell of reablement from about seven weeks ago: asked for and arriving
within 48 hours, reviewed weekly by his OT against his reablement goal, with its two-week
outcome (reduced support) and six-week outcome (no further help needed) recorded on the days
they were due, so nothing of it is due now. Tomek is part-way through a nine-month progression
plan since his stroke, from step 2 to step 4 of the ladder, with some of its smaller steps done
and reviews showing him moving up a step.

Bernie cares for her aunt Eileen and, since Peggy's fall, looks in on Peggy too: both name her
as a carer on page one, and her own record links her to each. She was offered a carer's
conversation of her own and had one, private to her; it holds things she would not want either of
them to hear. She has two goals of her own, a carer's plan whose review is due within the week,
and two reviews showing she has come to feel supported. Peggy's daughter Grace, also named as
her carer, has no record yet, so she is still to be offered a conversation.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from assessor.carers import (
    CarerOffer,
    CarerPlan,
    CarerReview,
    CaringRole,
    OfferResponse,
    Supported,
)
from assessor.goals import Goal, GoalKind, Review, Reviewer
from assessor.progression import PlanReview, PlanStep, ProgressionPlan
from assessor.record import (
    AsCarer,
    ConsentHow,
    Contact,
    ContactPreference,
    Conversation,
    ConversationKind,
    Entry,
    Followed,
    InformationFormat,
    Person,
    PersonFile,
    PersonWhoMatters,
    Place,
    Relationship,
    Route,
)
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome
from assessor.validation import nhs_check_digit

_NAMESPACE = uuid.UUID("6f1c1d2e-2b7a-4f57-9a43-5a0e3c1b7d10")


def example_id(key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, key))


def nhs_number_in_test_range(serial: int) -> str:
    """A valid NHS number in the test range 999 000 0000 to 999 999 9999."""
    while True:
        first_nine = f"999{serial:06d}"
        check = nhs_check_digit(first_nine)
        if check is not None:
            return first_nine + str(check)
        serial += 1


@dataclass
class ExampleContact:
    contact: Contact
    entries: dict[str, Entry] = field(default_factory=dict)


@dataclass
class ExampleGoal:
    goal: Goal
    reviews: list[Review] = field(default_factory=list)  # oldest first


@dataclass
class ExampleEpisode:
    episode: Episode
    reviews: list[EpisodeReview] = field(default_factory=list)  # oldest first


@dataclass
class ExamplePlan:
    plan: ProgressionPlan
    reviews: list[PlanReview] = field(default_factory=list)  # oldest first


@dataclass
class ExamplePerson:
    person: Person
    contacts: list[ExampleContact]
    goals: list[ExampleGoal] = field(default_factory=list)
    episodes: list[ExampleEpisode] = field(default_factory=list)  # newest first
    plans: list[ExamplePlan] = field(default_factory=list)  # newest first
    as_carer: AsCarer = field(default_factory=AsCarer)

    def as_file(self) -> PersonFile:
        return PersonFile(
            person=self.person,
            contacts=[item.contact for item in self.contacts],
            conversations={
                item.contact.id: Conversation(item.contact.id, item.entries)
                for item in self.contacts
            },
            goals=[item.goal for item in self.goals],
            reviews={item.goal.id: list(item.reviews) for item in self.goals},
            episodes=[item.episode for item in self.episodes],
            episode_reviews={item.episode.id: list(item.reviews) for item in self.episodes},
            plans=[item.plan for item in self.plans],
            plan_reviews={item.plan.id: list(item.reviews) for item in self.plans},
            as_carer=self.as_carer,
        )


def _said(text: str) -> Entry:
    return Entry(text, own_words=True)


def _noted(text: str) -> Entry:
    return Entry(text, own_words=False)


def example_caseload(today: date) -> list[PersonFile]:
    """Seven people at different points, dated relative to today so the timeline looks live."""
    return [example.as_file() for example in _examples(today)]


def _examples(today: date) -> list[ExamplePerson]:

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    def contact(key: str, person: str, days: int, **kw: object) -> Contact:
        return Contact(person_id=example_id(person), on=ago(days), id=example_id(key), **kw)  # type: ignore[arg-type]

    def goal(
        key: str,
        person: str,
        words: str,
        *,
        set_days_ago: int,
        kind: GoalKind,
        set_by: str,
        expected: str,
        target_in_days: int | None = None,
        baseline: int = -2,
        reviews: Sequence[tuple[int, int, Reviewer, int | None, str]] = (),
    ) -> ExampleGoal:
        """A goal and its reviews, given oldest first as (days ago, rating, reviewer, the
        person's own score, note)."""
        goal_id = example_id(key)
        return ExampleGoal(
            Goal(
                person_id=example_id(person),
                words=words,
                set_on=ago(set_days_ago),
                set_by=set_by,
                kind=kind,
                target_date=None if target_in_days is None else ago(-target_in_days),
                expected=expected,
                baseline=baseline,
                id=goal_id,
            ),
            [
                Review(
                    goal_id=goal_id,
                    rating=rating,
                    on=ago(days),
                    reviewer=reviewer,
                    self_rating=own_score,
                    note=note,
                    id=example_id(f"{key}-review-{number}"),
                )
                for number, (days, rating, reviewer, own_score, note) in enumerate(reviews, 1)
            ],
        )

    def at(days: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(ago(days), time(hour, minute))

    def episode_reviews(
        key: str, reviewer: Reviewer, goal_ids: list[str], reviews: Sequence[tuple[int, str]]
    ) -> list[EpisodeReview]:
        """Weekly reviews of an episode, given oldest first as (days ago, note)."""
        return [
            EpisodeReview(
                episode_id=example_id(key),
                on=ago(days),
                reviewer=reviewer,
                note=note,
                goal_ids=list(goal_ids),
                id=example_id(f"{key}-review-{number}"),
            )
            for number, (days, note) in enumerate(reviews, 1)
        ]

    def plan_reviews(key: str, reviews: Sequence[tuple[int, int, str]]) -> list[PlanReview]:
        """A plan's reviews, given oldest first as (days ago, level on the ladder, note)."""
        return [
            PlanReview(
                plan_id=example_id(key),
                on=ago(days),
                level=level,
                note=note,
                id=example_id(f"{key}-review-{number}"),
            )
            for number, (days, level, note) in enumerate(reviews, 1)
        ]

    # Des's earlier spell of reablement: asked for 50 days ago, help arriving the next morning
    # (within 48 hours), so the two- and six-week outcomes fell due 35 and 7 days ago.
    des_help_started = 49
    des_spell_goal = example_id("des-goal-spell")
    tomek_plan_starts = 91  # about three months ago, for nine months
    bernie_phone = "07700 900505"
    bernie_talked = 16  # her carer's conversation, four days after she was offered one

    return [
        ExamplePerson(
            Person(
                id=example_id("peggy"),
                preferred_name="Peggy",
                first_names="Margaret Ann",
                family_name="Okafor",
                date_of_birth=date(1941, 3, 14),
                nhs_number=nhs_number_in_test_range(100),
                address="14 Larkspur Row, Fernley",
                postcode="LS6 9ZX",
                phone="0113 496 0101",
                contact_preference=ContactPreference.PHONE,
                information_format=InformationFormat.LARGE_PRINT,
                communication_needs="Hard of hearing in her left ear: sit on her right.",
                consent_to_record=True,
                consent_to_share=True,
                share_with="Her GP and her daughter Grace",
                consent_date=ago(12),
                consent_how=ConsentHow.BY_PHONE,
                route=Route.FAMILY_OR_FRIEND,
                route_detail="Her daughter Grace rang the contact centre.",
                presenting_problem="Since my fall I'm frightened of the stairs and I've stopped "
                "going to chapel.",
                people_who_matter=[
                    PersonWhoMatters(
                        "Grace Okafor",
                        Relationship.FAMILY,
                        "Daughter",
                        phone="07700 900101",
                        is_carer=True,
                    ),
                    PersonWhoMatters(
                        "Len Pickering", Relationship.NEIGHBOUR, "Next door, has a key"
                    ),
                    PersonWhoMatters(
                        "Bernie Kelly",
                        Relationship.FRIEND,
                        "Looks in most evenings since the fall",
                        phone=bernie_phone,
                        is_carer=True,
                        id=example_id("peggy-named-bernie"),
                    ),
                ],
            ),
            [
                ExampleContact(
                    contact(
                        "peggy-1",
                        "peggy",
                        12,
                        place=Place.PHONE,
                        kind=ConversationKind.CONNECT,
                        worker="Sam Patel",
                        followed=frozenset({Followed.INFORMATION_AND_ADVICE}),
                    ),
                    {"what_matters": _said("Getting back to chapel on a Sunday.")},
                ),
                ExampleContact(
                    contact(
                        "peggy-2",
                        "peggy",
                        1,
                        place=Place.TALKING_POINT,
                        kind=ConversationKind.CONNECT,
                        worker="Sam Patel",
                        followed=frozenset({Followed.INTRODUCTION, Followed.SHORT_TERM_HELP}),
                    ),
                    {
                        "what_matters": _said(
                            "Chapel, my garden, and not being a burden on Grace."
                        ),
                        "can_do": _noted(
                            "Washes and dresses herself. Cooks simple meals. Manages her money."
                        ),
                        "strengths_personal": _said("I was a school cook for thirty years."),
                        "strengths_family": _noted(
                            "Grace visits twice a week and does the big shop."
                        ),
                        "strengths_neighbourhood": _noted("Len next door checks on her daily."),
                        "strengths_community": _noted(
                            "Chapel friends would collect her if asked. Fernley Neighbourhood "
                            "Network runs a lunch club on Thursdays."
                        ),
                        "motivation": _said("I want to sing in the choir again."),
                        "routines": _noted("Up at seven, radio, garden if dry. Naps after lunch."),
                        "wants": _said("A rail on the stairs and somebody to go with at first."),
                    },
                ),
            ],
            goals=[
                goal(
                    "peggy-goal-stairs",
                    "peggy",
                    "Get up and down my stairs without being frightened.",
                    set_days_ago=12,
                    kind=GoalKind.REABLEMENT,
                    set_by="Sam Patel",
                    expected="Up and down the stairs on her own, holding the new rail, every day.",
                    target_in_days=30,
                    reviews=[
                        (10, -2, Reviewer.OT, 2, "Rail fitted. Three steps with me beside her."),
                        (8, -2, Reviewer.PROVIDER, 3, "Half the flight, a carer behind her."),
                        (6, -1, Reviewer.PROVIDER, None, "Whole flight daily, a carer watching."),
                        (4, -1, Reviewer.PERSON, 6, "I went up to bed on my own. Grace waited."),
                        (2, 0, Reviewer.OT, 8, "Up and down twice on her own with the rail."),
                    ],
                ),
                goal(
                    "peggy-goal-choir",
                    "peggy",
                    "Sing in the chapel choir again.",
                    set_days_ago=12,
                    kind=GoalKind.OWN,
                    set_by="Sam Patel",
                    expected="Singing with the choir at chapel on Sundays, with a lift there.",
                    target_in_days=45,
                    reviews=[
                        (9, -2, Reviewer.PERSON, 2, "I haven't been since the fall. I miss it."),
                        (5, -2, Reviewer.WORKER, 3, "Chapel friends offered a lift; not yet."),
                        (3, -2, Reviewer.PERSON, 4, "Grace says she'll take me this week."),
                        (1, -1, Reviewer.WORKER, 6, "Went with Grace and sang the last hymn."),
                    ],
                ),
                goal(
                    "peggy-goal-garden",
                    "peggy",
                    "Be out in my garden whenever it's dry.",
                    set_days_ago=12,
                    kind=GoalKind.RECUPERATION,
                    set_by="Sam Patel",
                    expected="Out in the garden on her own most dry days, sitting or weeding.",
                    target_in_days=30,
                    reviews=[
                        (10, -2, Reviewer.OT, 3, "Back step too high for her; half step ordered."),
                        (8, -2, Reviewer.PERSON, 3, "I look at it through the window."),
                        (6, -1, Reviewer.PROVIDER, None, "Half step fitted. Sat out 20 minutes."),
                        (2, -1, Reviewer.PROVIDER, 5, "Too wet to go out most days."),
                    ],
                ),
            ],
        ),
        ExamplePerson(
            Person(
                id=example_id("desmond"),
                preferred_name="Des",
                first_names="Desmond",
                family_name="Hartley",
                date_of_birth=date(1958, 11, 2),
                nhs_number=nhs_number_in_test_range(200),
                address="Flat 3, 22 Quarry Hill Court, Fernley",
                postcode="LS9 7QT",
                phone="07700 900202",
                contact_preference=ContactPreference.TEXT_MESSAGE,
                information_format=InformationFormat.EASY_READ,
                consent_to_record=True,
                consent_to_share=False,
                consent_date=ago(3),
                consent_how=ConsentHow.SPOKEN,
                route=Route.HOSPITAL,
                route_detail="Ward 7 discharge team.",
                presenting_problem="I'm going home on Friday and I don't know how I'll manage "
                "with one arm.",
            ),
            [
                ExampleContact(
                    contact(
                        "des-1",
                        "desmond",
                        3,
                        place=Place.HOSPITAL,
                        kind=ConversationKind.AT_RISK,
                        worker="Jo Whitcombe (OT)",
                        followed=frozenset({Followed.SHORT_TERM_HELP, Followed.ASSESSMENT}),
                    ),
                    {
                        "what_matters": _said("My own front door. I'm not going in a home."),
                        "can_do": _noted("Walks independently. Right arm in plaster for 6 weeks."),
                        "safety_change": _noted(
                            "Cannot prepare food or manage his medication one-handed."
                        ),
                        "emergency_plan": _noted(
                            "Reablement visits twice daily from discharge; key safe fitted; "
                            "his brother Ray is the first person to call."
                        ),
                        "wants": _said("Help for a few weeks, then leave me be."),
                    },
                )
            ],
            goals=[
                goal(
                    "des-goal-spell",
                    "desmond",
                    "Get my own meals and sort my tablets again, without anybody fussing.",
                    set_days_ago=des_help_started + 1,
                    kind=GoalKind.REABLEMENT,
                    set_by="Jo Whitcombe (OT)",
                    expected="Makes his own meals and takes his tablets from the blister pack.",
                    target_in_days=-7,
                    reviews=[
                        (42, -2, Reviewer.OT, 3, "A carer makes breakfast with him."),
                        (28, -1, Reviewer.OT, 5, "Tea and toast himself; help with hot meals."),
                        (14, 0, Reviewer.OT, 7, "Simple meals; tablets from the blister pack."),
                        (7, 1, Reviewer.PERSON, 8, "Better than I hoped, to be honest."),
                    ],
                ),
                goal(
                    "des-goal-meals",
                    "desmond",
                    "Make my own breakfast and a cup of tea with one hand.",
                    set_days_ago=3,
                    kind=GoalKind.REABLEMENT,
                    set_by="Jo Whitcombe (OT)",
                    expected="Makes breakfast and a hot drink safely one-handed, with the kit.",
                    target_in_days=4,
                    reviews=[
                        (2, -2, Reviewer.OT, 3, "Kettle tipper helped; could not open the bread."),
                        (1, -1, Reviewer.OT, 5, "Tea and toast with the tipper and spike board."),
                    ],
                ),
            ],
            episodes=[
                ExampleEpisode(
                    Episode(
                        person_id=example_id("desmond"),
                        kind=HelpKind.REABLEMENT,
                        asked_at=at(des_help_started + 1, 11, 15),
                        provider="Fernley Reablement Team",
                        first_help_at=at(des_help_started, 9, 30),
                        outcome_2_weeks=HelpOutcome.REDUCED_SUPPORT,
                        outcome_2_weeks_on=ago(des_help_started - 14),
                        outcome_6_weeks=HelpOutcome.NO_FURTHER_HELP,
                        outcome_6_weeks_on=ago(des_help_started - 42),
                        id=example_id("des-episode"),
                    ),
                    episode_reviews(
                        "des-episode",
                        Reviewer.OT,
                        [des_spell_goal],
                        [
                            (42, "Visits twice a day. Breakfast made with a carer beside him."),
                            (35, "Down to one visit a day; makes his own tea and toast."),
                            (28, "Morning visit only, to check on him. Cooking simple meals."),
                            (21, "Managing his meals; visits to prompt his tablets."),
                            (14, "Tablets from a blister pack on his own. Last visits planned."),
                            (7, "Managing everything himself. Help ended today."),
                        ],
                    ),
                ),
            ],
        ),
        ExamplePerson(
            Person(
                id=example_id("priya"),
                preferred_name="Priya",
                family_name="Raman",
                date_of_birth=date(1987, 6, 21),
                postcode="LS11 5PQ",
                email="priya.raman@example.org",
                contact_preference=ContactPreference.EMAIL,
                route=Route.SELF,
                presenting_problem="I need some time for myself. Caring for Dad is all day.",
            ),
            [
                ExampleContact(
                    contact(
                        "priya-1",
                        "priya",
                        5,
                        place=Place.PHONE,
                        kind=ConversationKind.CONNECT,
                        worker="Sam Patel",
                        followed=frozenset({Followed.SIGNPOSTED}),
                    ),
                    {"wants": _said("An afternoon a week where I'm not on call.")},
                )
            ],
        ),
        ExamplePerson(
            Person(
                id=example_id("winifred"),
                preferred_name="Win",
                first_names="Winifred",
                family_name="Ashby",
                date_of_birth=date(1936, 1, 30),
                nhs_number=nhs_number_in_test_range(300),
                address="The Old Forge, Back Lane, Kirkby Moor",
                postcode="HG4 4ZZ",
                information_format=InformationFormat.AUDIO,
                communication_needs="Registered blind.",
                consent_to_record=True,
                route=Route.GP,
                presenting_problem="Everyone keeps saying I should move but this is my home.",
            ),
            [
                ExampleContact(
                    contact(
                        "win-1",
                        "winifred",
                        40,
                        place=Place.HOME_VISIT,
                        kind=ConversationKind.LONG_TERM,
                        worker="Alex Morgan",
                        followed=frozenset({Followed.ASSESSMENT}),
                    ),
                    {
                        "good_life": _said(
                            "Staying here with my cat, and the wireless, and visitors."
                        ),
                        "who_to_involve": _noted("Her nephew Colin and her friend Dot."),
                    },
                )
            ],
        ),
        ExamplePerson(
            Person(
                id=example_id("tomasz"),
                preferred_name="Tomek",
                first_names="Tomasz",
                family_name="Nowak",
                date_of_birth=date(1972, 9, 8),
                postcode="LS12 3AB",
                information_format=InformationFormat.INTERPRETER,
                interpreter_language="Polish",
                route=Route.VOLUNTARY_SECTOR,
                presenting_problem="Since the stroke I can't work and the flat is too much.",
            ),
            [],
            plans=[
                ExamplePlan(
                    ProgressionPlan(
                        person_id=example_id("tomasz"),
                        starts_on=ago(tomek_plan_starts),
                        ends_on=ago(tomek_plan_starts - 274),
                        start_level=2,
                        target_level=4,
                        steps=[
                            PlanStep(
                                "Walk to the corner shop and back with my stick.",
                                due_on=ago(tomek_plan_starts - 42),
                                done_on=ago(tomek_plan_starts - 38),
                            ),
                            PlanStep(
                                "Cook a hot meal for myself three times a week.",
                                due_on=ago(tomek_plan_starts - 120),
                                done_on=ago(12),
                            ),
                            PlanStep(
                                "Take the bus to the Polish centre on my own.",
                                due_on=ago(tomek_plan_starts - 210),
                            ),
                        ],
                        id=example_id("tomek-plan"),
                    ),
                    plan_reviews(
                        "tomek-plan",
                        [
                            (61, 2, "To the shop with his physio; tired for the rest of the day."),
                            (31, 3, "Walks to the shop on his own most days."),
                            (5, 3, "Cooks for himself three days a week. The bus is next."),
                        ],
                    ),
                ),
            ],
        ),
        ExamplePerson(
            Person(
                id=example_id("eileen"),
                preferred_name="Eileen",
                family_name="Brannigan",
                date_of_birth=date(1949, 4, 4),
                nhs_number=nhs_number_in_test_range(400),
                postcode="LS6 9ZX",
                information_format=InformationFormat.BSL,
                contact_preference=ContactPreference.THROUGH_SOMEONE,
                route=Route.COMMUNITY_HEALTH,
                presenting_problem="Lonely since Frank died.",
                people_who_matter=[
                    PersonWhoMatters(
                        "Bernie Kelly",
                        Relationship.FAMILY,
                        "Niece; signs with her",
                        phone=bernie_phone,
                        is_carer=True,
                        id=example_id("eileen-named-bernie"),
                    ),
                ],
            ),
            [
                ExampleContact(
                    contact(
                        "eileen-1",
                        "eileen",
                        20,
                        place=Place.TALKING_POINT,
                        kind=ConversationKind.CONNECT,
                        worker="Sam Patel",
                        followed=frozenset({Followed.INTRODUCTION}),
                    ),
                    {
                        "what_matters": _said("Having someone to sign with."),
                        "strengths_community": _noted(
                            "Introduced to the Deaf club at Fernley community centre, Tuesdays."
                        ),
                    },
                )
            ],
            goals=[
                goal(
                    "eileen-goal-signing",
                    "eileen",
                    "Have someone to sign with every week.",
                    set_days_ago=35,
                    kind=GoalKind.OWN,
                    set_by="Fernley community health team",
                    expected="Signing with friends at the Deaf club most weeks.",
                ),
            ],
        ),
        ExamplePerson(
            Person(
                id=example_id("bernie"),
                preferred_name="Bernie",
                first_names="Bernadette",
                family_name="Kelly",
                date_of_birth=date(1968, 5, 9),
                nhs_number=nhs_number_in_test_range(500),
                address="27 Heron Walk, Fernley",
                postcode="LS6 4QW",
                phone=bernie_phone,
                contact_preference=ContactPreference.TEXT_MESSAGE,
                consent_to_record=True,
                consent_to_share=False,
                consent_date=ago(bernie_talked),
                consent_how=ConsentHow.SPOKEN,
                route=Route.OTHER,
                route_detail="Offered a carer's conversation when she came with her aunt Eileen "
                "to the Talking Point to sign for her.",
                presenting_problem="Between Auntie Eileen and Peggy there's nothing left over "
                "for me.",
            ),
            [
                ExampleContact(
                    contact(
                        "bernie-1",
                        "bernie",
                        bernie_talked,
                        place=Place.HOME_VISIT,
                        kind=ConversationKind.CARER,
                        worker="Sam Patel",
                        followed=frozenset(
                            {Followed.INFORMATION_AND_ADVICE, Followed.INTRODUCTION}
                        ),
                        shared_with_cared_for=False,
                    ),
                    {
                        "carer_time": _noted(
                            "About 15 hours a week for Eileen, mostly evenings, and 4 for Peggy "
                            "since her fall. Last break: a weekend in Whitby 18 months ago."
                        ),
                        "carer_feelings": _said(
                            "I love Auntie Eileen to bits, but some nights I sit in the car "
                            "outside hers for ten minutes before I go in, because I've nothing "
                            "left. I'd never want her to know that."
                        ),
                        "carer_practical": _noted(
                            "Signs for Eileen at every appointment and on the phone; her post and "
                            "forms. Peggy's evening tablets and a check she has eaten."
                        ),
                        "carer_health": _said(
                            "I'm not sleeping. I wake up sure I've forgotten something for one "
                            "of them."
                        ),
                        "carer_work_money": _noted(
                            "Teaching assistant at the school for deaf children; cut to three "
                            "days a week last year to fit the caring in."
                        ),
                        "carer_life": _said("I used to swim before work. I'd love that back."),
                        "carer_what_would_help": _said(
                            "Somebody else who can sign with Eileen one evening a week, and "
                            "knowing what happens to them both if I'm poorly."
                        ),
                        "carer_going_on": _said(
                            "I'll always look after Eileen. I'm glad to help Peggy, she fed me "
                            "at school for years, but I can't do every night. I haven't told "
                            "Grace that yet."
                        ),
                        "carer_emergency": _noted(
                            "Nothing in place. Agreed to write one: Maureen Hale from the Deaf "
                            "club signs and has a key to Eileen's; Grace Okafor for Peggy."
                        ),
                    },
                ),
            ],
            goals=[
                goal(
                    "bernie-goal-swimming",
                    "bernie",
                    "Go swimming before work twice a week again.",
                    set_days_ago=bernie_talked,
                    kind=GoalKind.OWN,
                    set_by="Sam Patel",
                    expected="Swimming twice a week, most weeks.",
                    target_in_days=45,
                    reviews=[(3, -1, Reviewer.PERSON, 6, "Went once this week. It was lovely.")],
                ),
                goal(
                    "bernie-goal-evening",
                    "bernie",
                    "One evening a week that's mine, knowing Eileen has someone to sign with.",
                    set_days_ago=bernie_talked,
                    kind=GoalKind.OWN,
                    set_by="Sam Patel",
                    expected="Wednesday evenings off, with the Deaf club befriender at Eileen's.",
                    target_in_days=60,
                    reviews=[
                        (
                            3,
                            -1,
                            Reviewer.WORKER,
                            7,
                            "First Wednesday off. Eileen liked the befriender.",
                        )
                    ],
                ),
            ],
            as_carer=AsCarer(
                roles=[
                    CaringRole(
                        carer_id=example_id("bernie"),
                        cared_for_id=example_id("eileen"),
                        what_they_do="Signs for her at appointments and on the phone, sees to her "
                        "post and forms, does her shopping and spends most evenings with her.",
                        hours_a_week=15,
                        since=ago(790),
                        live_together=False,
                        named_as_id=example_id("eileen-named-bernie"),
                        id=example_id("bernie-cares-for-eileen"),
                    ),
                    CaringRole(
                        carer_id=example_id("bernie"),
                        cared_for_id=example_id("peggy"),
                        what_they_do="Looks in most evenings since her fall: checks she has eaten "
                        "and takes her evening tablets.",
                        hours_a_week=4,
                        since=ago(19),
                        live_together=False,
                        named_as_id=example_id("peggy-named-bernie"),
                        id=example_id("bernie-cares-for-peggy"),
                    ),
                ],
                offers=[
                    CarerOffer(
                        carer_id=example_id("bernie"),
                        on=ago(20),
                        response=OfferResponse.WANTS_ONE,
                        note="Offered at the Talking Point, where she came to sign for Eileen.",
                        id=example_id("bernie-offer"),
                    ),
                ],
                plans=[
                    CarerPlan(
                        carer_id=example_id("bernie"),
                        made_on=ago(bernie_talked),
                        what_will_help="A Deaf club befriender to sign with Eileen on Wednesday "
                        "evenings. Grace to take two of Peggy's evenings. A swimming pass from "
                        "Fernley Carers Centre.",
                        breaks="Wednesday evenings off. A weekend away in the spring, with the "
                        "befriender and Grace covering.",
                        contingency="If Bernie is ill: Maureen Hale (Deaf club) signs for Eileen "
                        "and rings the contact centre; Grace Okafor covers Peggy's evenings. "
                        "Carer's emergency card from the Carers Centre.",
                        review_on=ago(-5),
                        id=example_id("bernie-plan"),
                    ),
                ],
                reviews=[
                    CarerReview(
                        carer_id=example_id("bernie"),
                        on=ago(bernie_talked),
                        supported=Supported.PARTLY,
                        words="Partly. It helps that somebody's finally asked about me.",
                        id=example_id("bernie-review-1"),
                    ),
                    CarerReview(
                        carer_id=example_id("bernie"),
                        on=ago(3),
                        supported=Supported.YES,
                        words="Yes. I had my first Wednesday off and nobody rang me.",
                        id=example_id("bernie-review-2"),
                    ),
                ],
            ),
        ),
    ]

"""Priya, Win and Tomek: early conversations, and a progression plan under way.

Kept apart from the other example people so no one file of the caseload grows too long.
"""

from __future__ import annotations

from datetime import date

from assessor.example.kit import (
    Dated,
    ExampleContact,
    ExamplePerson,
    ExamplePlan,
    example_id,
    nhs_number_in_test_range,
    noted,
    said,
)
from assessor.progression import PlanStep, ProgressionPlan
from assessor.record import (
    ContactPreference,
    ConversationKind,
    Followed,
    InformationFormat,
    Person,
    Place,
    Route,
)


def priya(today: date) -> ExamplePerson:
    dated = Dated(today)
    contact = dated.contact
    return ExamplePerson(
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
                {"wants": said("An afternoon a week where I'm not on call.")},
            )
        ],
    )


def winifred(today: date) -> ExamplePerson:
    dated = Dated(today)
    contact = dated.contact
    return ExamplePerson(
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
                    "good_life": said("Staying here with my cat, and the wireless, and visitors."),
                    "who_to_involve": noted("Her nephew Colin and her friend Dot."),
                },
            )
        ],
    )


def tomasz(today: date) -> ExamplePerson:
    dated = Dated(today)
    ago, plan_reviews = dated.ago, dated.plan_reviews
    tomek_plan_starts = 91  # about three months ago, for nine months
    return ExamplePerson(
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
    )

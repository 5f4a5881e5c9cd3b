"""Peggy and Des: goals under review and a finished spell of reablement.

Kept apart from the other example people so no one file of the caseload grows too long.
"""

from __future__ import annotations

from datetime import date

from assessor.example.kit import (
    BERNIE_PHONE,
    Dated,
    ExampleContact,
    ExampleEpisode,
    ExamplePerson,
    example_id,
    nhs_number_in_test_range,
    noted,
    said,
)
from assessor.goals import GoalKind, Reviewer
from assessor.record import (
    ConsentHow,
    ContactPreference,
    ConversationKind,
    Followed,
    InformationFormat,
    Person,
    PersonWhoMatters,
    Place,
    Relationship,
    Route,
)
from assessor.short_term import Episode, HelpKind, HelpOutcome


def peggy(today: date) -> ExamplePerson:
    dated = Dated(today)
    ago, contact, goal = dated.ago, dated.contact, dated.goal
    return ExamplePerson(
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
                PersonWhoMatters("Len Pickering", Relationship.NEIGHBOUR, "Next door, has a key"),
                PersonWhoMatters(
                    "Bernie Kelly",
                    Relationship.FRIEND,
                    "Looks in most evenings since the fall",
                    phone=BERNIE_PHONE,
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
                {"what_matters": said("Getting back to chapel on a Sunday.")},
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
                    "what_matters": said("Chapel, my garden, and not being a burden on Grace."),
                    "can_do": noted(
                        "Washes and dresses herself. Cooks simple meals. Manages her money."
                    ),
                    "strengths_personal": said("I was a school cook for thirty years."),
                    "strengths_family": noted("Grace visits twice a week and does the big shop."),
                    "strengths_neighbourhood": noted("Len next door checks on her daily."),
                    "strengths_community": noted(
                        "Chapel friends would collect her if asked. Fernley Neighbourhood "
                        "Network runs a lunch club on Thursdays."
                    ),
                    "motivation": said("I want to sing in the choir again."),
                    "routines": noted("Up at seven, radio, garden if dry. Naps after lunch."),
                    "wants": said("A rail on the stairs and somebody to go with at first."),
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
    )


def desmond(today: date) -> ExamplePerson:
    dated = Dated(today)
    ago, contact, goal, at = dated.ago, dated.contact, dated.goal, dated.at
    episode_reviews = dated.episode_reviews
    # His earlier spell of reablement: asked for 50 days ago, help arriving the next morning
    # (within 48 hours), so the two- and six-week outcomes fell due 35 and 7 days ago.
    des_help_started = 49
    des_spell_goal = example_id("des-goal-spell")
    return ExamplePerson(
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
            alerts="Key safe by the front door: his brother Ray holds the code",
            gp_practice="Quarry Hill Medical Practice",
            lives_alone=True,
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
                    "what_matters": said("My own front door. I'm not going in a home."),
                    "can_do": noted("Walks independently. Right arm in plaster for 6 weeks."),
                    "safety_change": noted(
                        "Cannot prepare food or manage his medication one-handed."
                    ),
                    "emergency_plan": noted(
                        "Reablement visits twice daily from discharge; key safe fitted; "
                        "his brother Ray is the first person to call."
                    ),
                    "wants": said("Help for a few weeks, then leave me be."),
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
    )

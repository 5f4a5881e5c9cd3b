"""Eileen and her niece Bernie, her carer: a carer's conversation, goals, plan and reviews.

Kept apart from the other example people so no one file of the caseload grows too long.
"""

from __future__ import annotations

from datetime import date

from assessor.carers import (
    CarerOffer,
    CarerPlan,
    CarerReview,
    CaringRole,
    OfferResponse,
    Supported,
)
from assessor.example.kit import (
    BERNIE_PHONE,
    Dated,
    ExampleContact,
    ExamplePerson,
    example_id,
    nhs_number_in_test_range,
    noted,
    said,
)
from assessor.goals import GoalKind, Reviewer
from assessor.person_file import AsCarer
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


def eileen(today: date) -> ExamplePerson:
    dated = Dated(today)
    contact, goal = dated.contact, dated.goal
    return ExamplePerson(
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
                    phone=BERNIE_PHONE,
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
                    "what_matters": said("Having someone to sign with."),
                    "strengths_community": noted(
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
    )


def bernie(today: date) -> ExamplePerson:
    dated = Dated(today)
    ago, contact, goal = dated.ago, dated.contact, dated.goal
    bernie_talked = 16  # her carer's conversation, four days after she was offered one
    return ExamplePerson(
        Person(
            id=example_id("bernie"),
            preferred_name="Bernie",
            first_names="Bernadette",
            family_name="Kelly",
            date_of_birth=date(1968, 5, 9),
            nhs_number=nhs_number_in_test_range(500),
            address="27 Heron Walk, Fernley",
            postcode="LS6 4QW",
            phone=BERNIE_PHONE,
            contact_preference=ContactPreference.TEXT_MESSAGE,
            consent_to_record=True,
            consent_to_share=False,
            consent_date=ago(bernie_talked),
            consent_how=ConsentHow.SPOKEN,
            route=Route.OTHER,
            route_detail="Offered a carer's conversation when she came with her aunt Eileen "
            "to the Talking Point to sign for her.",
            presenting_problem="Between Auntie Eileen and Peggy there's nothing left over for me.",
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
                    followed=frozenset({Followed.INFORMATION_AND_ADVICE, Followed.INTRODUCTION}),
                    shared_with_cared_for=False,
                ),
                {
                    "carer_time": noted(
                        "About 15 hours a week for Eileen, mostly evenings, and 4 for Peggy "
                        "since her fall. Last break: a weekend in Whitby 18 months ago."
                    ),
                    "carer_feelings": said(
                        "I love Auntie Eileen to bits, but some nights I sit in the car "
                        "outside hers for ten minutes before I go in, because I've nothing "
                        "left. I'd never want her to know that."
                    ),
                    "carer_practical": noted(
                        "Signs for Eileen at every appointment and on the phone; her post and "
                        "forms. Peggy's evening tablets and a check she has eaten."
                    ),
                    "carer_health": said(
                        "I'm not sleeping. I wake up sure I've forgotten something for one of them."
                    ),
                    "carer_work_money": noted(
                        "Teaching assistant at the school for deaf children; cut to three "
                        "days a week last year to fit the caring in."
                    ),
                    "carer_life": said("I used to swim before work. I'd love that back."),
                    "carer_what_would_help": said(
                        "Somebody else who can sign with Eileen one evening a week, and "
                        "knowing what happens to them both if I'm poorly."
                    ),
                    "carer_going_on": said(
                        "I'll always look after Eileen. I'm glad to help Peggy, she fed me "
                        "at school for years, but I can't do every night. I haven't told "
                        "Grace that yet."
                    ),
                    "carer_emergency": noted(
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
    )

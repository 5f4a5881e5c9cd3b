"""Page two's topics and the questions that sit beside them as prompts, never as required boxes.

The Three Conversations questions come from Partners for Change's model as the Leeds and Coventry
teams use it; the opening questions are Swindon's (seed 003). A carer's conversation has topics
of its own, from seed 003's paragraphs on carers and the Care Act's carer's assessment: time,
feelings and stress, practical problems, health, work and money, what would help, going on
caring, and what happens in an emergency.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessor.record import ConversationKind


@dataclass(frozen=True)
class Topic:
    """A heading on page two. `kinds` empty means every conversation but a carer's has it."""

    code: str
    heading: str
    hint: str
    kinds: frozenset[ConversationKind] = frozenset()

    def applies_to(self, kind: ConversationKind | None) -> bool:
        if self.kinds:
            return kind in self.kinds
        return kind is not ConversationKind.CARER


TOPICS: tuple[Topic, ...] = (
    Topic(
        "what_matters", "What matters to them", "What is important in their life, in their words."
    ),
    Topic("can_do", "What they can do", "Skills, abilities and what they manage well already."),
    Topic(
        "strengths_personal",
        "Their own strengths",
        "Interests, experience, resilience, what has helped before.",
    ),
    Topic(
        "strengths_family",
        "Family and friends",
        "Who is around them and what they are happy to do.",
    ),
    Topic(
        "strengths_neighbourhood",
        "Neighbours and neighbourhood",
        "People and places nearby: shop, neighbours, faith group.",
    ),
    Topic(
        "strengths_community",
        "Community groups and resources",
        "Groups, networks and services they use or could be introduced to.",
    ),
    Topic("motivation", "What motivates them", "What gets them up in the morning."),
    Topic("routines", "Lifestyle and routines", "A typical day and week."),
    Topic("wants", "What they want and expect", "What do you want, and what are you expecting?"),
    Topic(
        "safety_change",
        "What must change for them to be safe",
        "What needs to change to make them safe and in control again.",
        frozenset({ConversationKind.AT_RISK}),
    ),
    Topic(
        "emergency_plan",
        "Emergency plan",
        "Who does what, and who to call, if things go wrong.",
        frozenset({ConversationKind.AT_RISK}),
    ),
    Topic(
        "good_life",
        "What a good life looks like",
        "Their picture of a good life, to plan support around.",
        frozenset({ConversationKind.LONG_TERM}),
    ),
    Topic(
        "who_to_involve",
        "Who they want involved in planning",
        "People they want at the table when support is planned.",
        frozenset({ConversationKind.LONG_TERM}),
    ),
    *(
        Topic(code, heading, hint, frozenset({ConversationKind.CARER}))
        for code, heading, hint in (
            (
                "carer_time",
                "Time and breaks",
                "How much of their time caring takes, and when they last had a break.",
            ),
            (
                "carer_feelings",
                "Feelings and stress",
                "How caring feels and what worries them. Give time: carers often speak for "
                "the person first.",
            ),
            (
                "carer_practical",
                "Practical problems",
                "Day-to-day difficulties: lifting, nights, appointments, housework, getting out.",
            ),
            ("carer_health", "Their own health", "Sleep, physical and mental health."),
            (
                "carer_work_money",
                "Work, learning and money",
                "Their job or studies, and what caring costs them.",
            ),
            (
                "carer_life",
                "Their own life",
                "Friends, interests and what they would like time for, beyond caring.",
            ),
            (
                "carer_what_would_help",
                "What would help",
                "In their words: what would make caring easier or their life better.",
            ),
            (
                "carer_going_on",
                "Willing and able to go on caring?",
                "Whether they want to and can go on caring, and for how long.",
            ),
            (
                "carer_emergency",
                "If they could not care: contingency plan",
                "What would happen, and who would step in, if they were suddenly unable to care.",
            ),
        )
    ),
)

TOPIC_CODES: frozenset[str] = frozenset(topic.code for topic in TOPICS)

# Questions that may open up a topic, asked in the person's own terms; shown beside the topic
# being written, with the conversation's own questions.
TOPIC_QUESTIONS: dict[str, tuple[str, ...]] = {
    "what_matters": ("What is important to you?", "What makes a good day for you?"),
    "can_do": ("What do you manage well already?", "What have you found a way round?"),
    "strengths_personal": (
        "What are you good at, or used to enjoy?",
        "What has helped you through hard times before?",
    ),
    "strengths_family": (
        "Who is around you: family, friends?",
        "What are they happy to help with, and what would you rather they did not?",
    ),
    "strengths_neighbourhood": (
        "Who do you see nearby: neighbours, the shop, the chemist?",
        "Where do you like to go near home?",
    ),
    "strengths_community": (
        "Are you part of any group: faith, clubs, classes, volunteering?",
        "Is there something you would like to try, if someone went with you at first?",
    ),
    "motivation": (
        "What gets you up in the morning?",
        "What would you like to be able to do again?",
    ),
    "routines": ("Tell me about a usual day.", "What does your week look like?"),
    "wants": ("What do you want to happen?", "What are you expecting from us?"),
    "safety_change": ("What would make you feel safe right now?", "What is worrying you most?"),
    "emergency_plan": (
        "If things went wrong tonight, who would you call?",
        "Who has a key, and who should we tell?",
    ),
    "good_life": ("What does a good life look like for you?",),
    "who_to_involve": ("Who would you like with you when we plan your support?",),
    "carer_time": ("How many hours a week does caring take?", "When did you last have a break?"),
    "carer_feelings": ("How are you, really?", "What worries you most?"),
    "carer_practical": ("What is hardest day to day?", "What happens at night?"),
    "carer_health": ("How are you sleeping?", "Have you been able to see your own GP?"),
    "carer_work_money": ("Is caring affecting your work or studies?", "Is money a worry?"),
    "carer_life": ("What would you like time for, beyond caring?",),
    "carer_what_would_help": ("What would make the most difference to you?",),
    "carer_going_on": ("Do you want to go on caring, and can you?", "For how long?"),
    "carer_emergency": ("If you were suddenly unable to care, what would happen?",),
}

# Beside "What we agreed", at the end of the conversation.
AGREED_QUESTIONS: tuple[str, ...] = (
    "What will you do next, and who could help?",
    "Is there a day you would like it done by?",
    "When shall we talk again, and how?",
)

SWINDON_QUESTIONS: tuple[str, ...] = (
    "What was life like when you were younger?",
    "How did you live your life then?",
    "What do you want to recapture now?",
)

CARER_QUESTIONS: tuple[str, ...] = (
    "How are you? This time is about you, not only the person you care for.",
    "What does a usual day and week of caring look like?",
    "When did you last have a break? What would a break look like for you?",
    "How is caring affecting your health, your work and your money?",
    "Do you want to go on caring, and can you? For how long?",
    "If you were suddenly unable to care, what would happen?",
    "What would make the most difference to you?",
)

THREE_CONVERSATIONS_QUESTIONS: dict[ConversationKind, tuple[str, ...]] = {
    ConversationKind.CONNECT: (
        "How can I connect you to things that will help you get on with your life, based on "
        "your strengths and those of your family and neighbourhood?",
        "What do you want to do?",
        "What can I connect you to?",
    ),
    ConversationKind.AT_RISK: (
        "What needs to change to make you safe and regain control?",
        "How can I help make that happen?",
        "What do I have at my disposal, including small amounts of money and what I know of "
        "the community, to support you?",
        "How can we pull this together in an emergency plan, and how will I stay with you to "
        "make sure it works?",
    ),
    ConversationKind.LONG_TERM: (
        "What is a fair personal budget and where does the money come from?",
        "What does a good life look like?",
        "How can I help you use your resources to support the life you choose?",
        "Who do you want to be involved in support planning?",
    ),
}


def topics_for(kind: ConversationKind | None) -> tuple[Topic, ...]:
    """The topics page two shows for a conversation of this kind."""
    return tuple(topic for topic in TOPICS if topic.applies_to(kind))

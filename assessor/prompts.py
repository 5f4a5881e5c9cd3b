"""Page two's topics and the questions that sit beside them as prompts, never as required boxes.

The Three Conversations questions come from Partners for Change's model as the Leeds and Coventry
teams use it; the opening questions are Swindon's (seed 003).
"""

from __future__ import annotations

from dataclasses import dataclass

from assessor.record import ConversationKind


@dataclass(frozen=True)
class Topic:
    """A heading on page two. `kinds` empty means every conversation has it."""

    code: str
    heading: str
    hint: str
    kinds: frozenset[ConversationKind] = frozenset()

    def applies_to(self, kind: ConversationKind | None) -> bool:
        return not self.kinds or kind in self.kinds


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
)

TOPIC_CODES: frozenset[str] = frozenset(topic.code for topic in TOPICS)

SWINDON_QUESTIONS: tuple[str, ...] = (
    "What was life like when you were younger?",
    "How did you live your life then?",
    "What do you want to recapture now?",
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

"""Plain English for people who are not professionals: the service words printed documents
avoid, kept in `resources/plain_words.tsv` with the plain words to use instead, and plain
wording for the few domain labels that are service words."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from assessor.choices import LabelledChoice
from assessor.prompts import Topic
from assessor.record import Followed

PLAIN_WORDS_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "plain_words.tsv"

# Worker-facing labels that are service words, worded for the person reading the document;
# keyed by type and value, as choices of different types can share a value.
_PLAIN_LABELS: dict[tuple[type[LabelledChoice], str], str] = {
    (Followed, Followed.SIGNPOSTED.value): "Pointed to other help",
    (Followed, Followed.ASSESSMENT.value): "A fuller conversation about care and support",
}
_PLAIN_HEADINGS = {"carer_emergency": "If they could not care: what would happen"}


@cache
def plain_words() -> dict[str, str]:
    """Each service word (lower case) and its plain replacement, from the resources file."""
    pairs: dict[str, str] = {}
    for number, line in enumerate(PLAIN_WORDS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        service, tab, plain = line.partition("\t")
        if not tab or not service.strip() or not plain.strip():
            raise ValueError(
                f"{PLAIN_WORDS_FILE.name} line {number}: write the service word, a tab, then "
                "its plain words."
            )
        pairs[service.strip().lower()] = plain.strip()
    return pairs


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(plain_words(), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"\b(?:{alternatives})s?\b", re.IGNORECASE)


def service_words_in(text: str) -> list[str]:
    """The service words used in `text`, whole words in any case, as they appear there."""
    return [" ".join(match.group().split()) for match in _pattern().finditer(text)]


def plain_label(choice: LabelledChoice | None) -> str:
    """A choice's label in plain words; nothing for a choice not made."""
    if choice is None:
        return ""
    return _PLAIN_LABELS.get((type(choice), choice.value), choice.label)


def plain_heading(topic: Topic) -> str:
    return _PLAIN_HEADINGS.get(topic.code, topic.heading)

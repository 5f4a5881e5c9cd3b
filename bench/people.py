"""Fictional people, and stores full of them, for the benchmarks.

Nothing here is a real person. Preferred names come from a list of common given names; family
names are built from syllables so a 50,000-person caseload has tens of thousands of distinct
ones, as a real one does (a few common names, a long tail of rare ones). NHS numbers come only
from `nhs_number_in_test_range` (the 999 test range); postcodes are well formed for West and
North Yorkshire areas; phone numbers are in Ofcom's range kept for drama (07700 900xxx).
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

from assessor.example import nhs_number_in_test_range
from assessor.person_file import PersonFile
from assessor.prompts import topics_for
from assessor.record import (
    Contact,
    ConversationKind,
    Entry,
    Followed,
    Person,
    PersonWhoMatters,
    Place,
    Relationship,
)
from db.store import Store


def _words(text: str) -> list[str]:
    return text.split()


GIVEN_NAMES = _words("""
Abdul Ada Adam Agnes Aisha Alan Albert Alice Amir Amy Ann Anna Anwar Arthur Asif Audrey Barbara
Barry Beryl Betty Bilal Brenda Brian Carol Catherine Charles Chloe Christine Colin Connor Dariusz
Daniel David Dennis Derek Des Dorothy Doreen Edith Edna Eileen Elsie Emeka Emily Emma Eric Ethel
Fatima Florence Frank Gareth Gary Geoffrey George Gladys Gordon Grace Graham Hannah Harold Harry
Hazel Helen Ian Imran Irene Iris Jack Jacqueline James Jan Janet Jean Joan John Joseph Joyce Julie
Kamal Karen Kathleen Keith Kenneth Kevin Khalid Kofi Lakshmi Leonard Leslie Lily Linda Lorraine
Malcolm Margaret Marian Mark Mary Maureen Mavis Michael Mohammed Muriel Nadia Naveed Neil Nigel
Norman Olive Oliver Pamela Patricia Patrick Pauline Peggy Peter Phyllis Priya Rachel Rajesh Ray
Raymond Rita Robert Ronald Rose Ruth Sadia Samuel Sandra Sarah Shabana Sharon Sheila Shirley
Simon Stanley Stephen Susan Sylvia Tariq Terence Thomas Tomasz Tony Trevor Valerie Vera Violet
Walter Wendy William Winifred Yasmin Yusuf Zainab Zofia
""")

_ONSETS = _words("B Bl Br C Ch Cl Cr D Dr F Fl G Gr H J K L M N P Pr R S Sh St T Th W Wh Y")
_VOWELS = _words("a e i o u ai ea ee oo ou ar er or")
_MIDDLES = ["", "", "", *_words("b d g l m n r s t v ck ll nn rr tt mb nd rk st")]
_ENDINGS = _words("""
ton ley son well wood ford by ham field worth croft shaw man er ridge combe more stead hurst wick
dale thorpe bury ington ett ings ock ard en ow in ey ell all an ick ester over lin sey
""")

_TOWNS = ["Fernley", "Kirkby Moor", "Holtby Bridge", "Ashcombe", "Wrenthorpe Vale", "Marlow Fold"]
_STREET_KINDS = ["Road", "Street", "Lane", "Close", "Avenue", "Terrace", "Grove", "Court"]
_POSTCODE_AREAS = [("LS", 29), ("LS", 29), ("BD", 24), ("HG", 5), ("WF", 17), ("HX", 7)]
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters UK postcodes use after the space

_SINCE = [
    "my fall",
    "my husband died",
    "my wife went into a home",
    "the stroke",
    "I came out of hospital",
    "my eyesight got worse",
    "the operation on my hip",
    "I lost my job",
    "my son moved away",
]
_TROUBLE = [
    "I can't manage the stairs",
    "I don't go out much",
    "I struggle with the shopping",
    "I feel very lonely",
    "I can't get in the bath",
    "I worry about paying the bills",
    "I keep forgetting my tablets",
    "the garden has got on top of me",
    "I'm frightened of falling again",
]
_OTHER_PROBLEMS = [
    "I look after my {who} and I'm worn out.",
    "My {who} thinks I need help with cooking but I want to do it myself.",
    "I want to get back to the {place} on a Thursday.",
    "I need some time for myself; caring for my {who} is all day.",
]
_WHO = ["mum", "dad", "husband", "wife", "brother", "sister", "son", "daughter"]
_PLACES = ["lunch club", "library", "allotment", "mosque", "chapel", "community centre"]


def _syllable_name(rng: random.Random) -> str:
    stem = rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_MIDDLES)
    if rng.random() < 0.25:  # a longer name, with a second vowel before the ending
        stem += rng.choice("aeio") + rng.choice("dlmnrst")
    return re.sub(r"(.)\1\1", r"\1\1", stem + rng.choice(_ENDINGS))  # no "rrr"


def _family_name(rng: random.Random, common: list[str], weights: list[float]) -> str:
    """Common names repeat; rarer ones are made fresh; a few are double-barrelled or O'/Mac."""
    roll = rng.random()
    if roll < 0.03:
        return f"{_family_name(rng, common, weights)}-{_syllable_name(rng)}"
    if roll < 0.045:
        return "O'" + _syllable_name(rng)
    if roll < 0.06:
        return "Mac" + _syllable_name(rng).lower()
    if roll < 0.4:
        return rng.choices(common, weights)[0]
    return _syllable_name(rng)


def _postcode(rng: random.Random) -> str:
    area, districts = rng.choice(_POSTCODE_AREAS)
    inward = "".join(rng.choices(_INWARD_LETTERS, k=2))
    return f"{area}{rng.randint(1, districts)} {rng.randint(0, 9)}{inward}"


def _presenting_problem(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"Since {rng.choice(_SINCE)} {rng.choice(_TROUBLE)}."
    template = rng.choice(_OTHER_PROBLEMS)
    return template.format(who=rng.choice(_WHO), place=rng.choice(_PLACES))


def _date_of_birth(rng: random.Random) -> date:
    """1925 to 2005, weighted towards older people as adult social care is."""
    start, end = date(1925, 1, 1), date(2005, 12, 31)
    return start + timedelta(days=int(rng.triangular(0, (end - start).days, 9000)))


def generate_people(count: int, seed: int) -> list[Person]:
    """`count` fictional people; the same seed gives the same people."""
    rng = random.Random(seed)
    common = sorted({_syllable_name(rng) for _ in range(1000)})
    rng.shuffle(common)
    weights = [1 / (rank + 1) ** 0.7 for rank in range(len(common))]
    # Spread NHS numbers across the test range rather than numbering people one after another.
    step = max(2, min(25, 1_800_000 // max(count, 1)))
    serial = rng.randint(0, 1000)
    people = []
    for _ in range(count):
        preferred = rng.choice(GIVEN_NAMES)
        first_names = ""
        if rng.random() < 0.55:
            formal = preferred if rng.random() < 0.7 else rng.choice(GIVEN_NAMES)
            middle = f" {rng.choice(GIVEN_NAMES)}" if rng.random() < 0.5 else ""
            first_names = formal + middle
        nhs_number = ""
        if rng.random() < 0.7:
            nhs_number = nhs_number_in_test_range(serial)
            serial = int(nhs_number[3:9]) + rng.randint(1, step)
        people.append(
            Person(
                preferred_name=preferred,
                first_names=first_names,
                family_name=_family_name(rng, common, weights),
                other_names=_syllable_name(rng) if rng.random() < 0.08 else "",
                date_of_birth=_date_of_birth(rng),
                nhs_number=nhs_number,
                address=f"{rng.randint(1, 180)} {_syllable_name(rng)} "
                f"{rng.choice(_STREET_KINDS)}, {rng.choice(_TOWNS)}",
                postcode=_postcode(rng),
                phone=f"07700 900{rng.randint(0, 999):03d}" if rng.random() < 0.5 else "",
                presenting_problem=_presenting_problem(rng),
            )
        )
    return people


def build_store(data_dir: Path, count: int, seed: int) -> Store:
    """A store in `data_dir` holding `count` generated people, added 1,000 to a transaction."""
    store = Store.open(data_dir, "Bench", create=True)
    people = generate_people(count, seed)
    for start in range(0, count, 1000):
        store.add_files([PersonFile(person, [], {}) for person in people[start : start + 1000]])
    return store


# --- contacts and conversations ---------------------------------------------------------------

_SAID = {
    "what_matters": ["Getting out to the {place} again.", "Staying in my own home.", "My {who}."],
    "can_do": [
        "Washes and dresses without help.",
        "Cooks simple meals.",
        "Manages money and post.",
    ],
    "strengths_personal": ["Worked as a bus driver for thirty years.", "Loves crosswords."],
    "strengths_family": ["Their {who} visits twice a week.", "Their {who} does the big shop."],
    "strengths_neighbourhood": ["The neighbour has a key.", "The corner shop delivers."],
    "strengths_community": ["Goes to the {place} on Thursdays.", "Knows people at the {place}."],
    "motivation": ["I want to see my grandchildren grow up.", "I want to sing in the choir."],
    "routines": ["Up at seven, radio, then the paper.", "Naps after lunch, tea at five."],
    "wants": ["A rail on the stairs.", "Someone to go with the first few times."],
    "safety_change": ["Cannot reach the kettle safely.", "Misses tablets most evenings."],
    "emergency_plan": ["Their {who} is the first to call.", "Key safe fitted; pendant alarm."],
    "good_life": ["Pottering in the garden and seeing friends.", "Cooking for the family."],
    "who_to_involve": ["Their {who} and their GP.", "A friend from the {place}."],
}
_WORKERS = ["Sam Patel", "Jo Whitcombe (OT)", "Alex Morgan", "Kerry Lindqvist", "Dev Aramide"]


def _sentences(rng: random.Random, topic: str) -> str:
    chosen = rng.sample(_SAID[topic], k=min(len(_SAID[topic]), rng.randint(2, 3)))
    return " ".join(s.format(who=rng.choice(_WHO), place=rng.choice(_PLACES)) for s in chosen)


def add_contact_history(store: Store, person_id: str, count: int, seed: int) -> None:
    """Give a person `count` contacts over two years, each with every topic of page two filled,
    and three people who matter to them."""
    rng = random.Random(seed)
    for name, relationship in (("Grace", Relationship.FAMILY), ("Len", Relationship.NEIGHBOUR)):
        store.add_person_who_matters(person_id, PersonWhoMatters(name, relationship))
    store.add_person_who_matters(person_id, PersonWhoMatters("Dr Osei", Relationship.PROFESSIONAL))
    today = date.today()
    for number in range(count):
        kind = list(ConversationKind)[number % 3]
        contact = store.add_contact(
            Contact(
                person_id=person_id,
                on=today - timedelta(days=(count - number) * 30 + rng.randint(0, 20)),
                place=rng.choice(list(Place)),
                kind=kind,
                worker=rng.choice(_WORKERS),
                followed=frozenset(rng.sample(list(Followed), k=rng.randint(1, 2))),
            )
        )
        for topic in topics_for(kind):
            entry = Entry(_sentences(rng, topic.code), own_words=rng.random() < 0.4)
            store.set_entry(contact.id, topic.code, entry)

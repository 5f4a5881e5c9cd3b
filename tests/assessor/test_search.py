"""Finding people as the worker types: names, typos, NHS numbers, postcodes, duplicates."""

from __future__ import annotations

from datetime import date

import pytest

from assessor import example
from assessor.search import Findable, PeopleIndex, possible_duplicates

PEGGY = Findable(
    id="peggy",
    preferred_name="Peggy",
    first_names="Margaret Ann",
    family_name="Okafor",
    nhs_number=example.nhs_number_in_test_range(100),
    postcode="LS6 9ZX",
    date_of_birth=date(1941, 3, 14),
)
GRACE = Findable(
    id="grace",
    preferred_name="Grace",
    family_name="Okafor",
    postcode="LS6 2QT",
    date_of_birth=date(1968, 7, 1),
)
DES = Findable(
    id="des",
    preferred_name="Des",
    first_names="Desmond",
    family_name="Hartley",
    nhs_number=example.nhs_number_in_test_range(200),
    postcode="LS1 4AP",
    date_of_birth=date(1958, 11, 2),
)
PRIYA = Findable(
    id="priya",
    preferred_name="Priya",
    family_name="Raman",
    postcode="LS11 5PQ",
    date_of_birth=date(1987, 6, 21),
)
TOMEK = Findable(
    id="tomek",
    preferred_name="Tomek",
    first_names="Tomasz",
    family_name="Nowak",
    other_names="Tom",
)
ANNA = Findable(id="anna", preferred_name="Anna", family_name="Novak")
ANN = Findable(id="ann", preferred_name="Ann", family_name="de Souza")
SIOBHAN = Findable(id="siobhan", preferred_name="Siobhan", family_name="O'Brien-Walsh")

CASELOAD = [PEGGY, GRACE, DES, PRIYA, TOMEK, ANNA, ANN, SIOBHAN]


@pytest.fixture
def index() -> PeopleIndex:
    return PeopleIndex(CASELOAD)


def ids(index: PeopleIndex, query: str) -> list[str]:
    return [person.id for person in index.search(query).people]


# --- names ------------------------------------------------------------------------------------


def test_finds_by_preferred_name(index: PeopleIndex) -> None:
    """The name the person goes by finds them."""
    assert ids(index, "Peggy") == ["peggy"]


@pytest.mark.parametrize(("query", "expected"), [("Margaret", "peggy"), ("Tomasz", "tomek")])
def test_finds_by_first_names(index: PeopleIndex, query: str, expected: str) -> None:
    """Official first names find the person even though they go by another name."""
    assert ids(index, query) == [expected]


def test_finds_by_other_names(index: PeopleIndex) -> None:
    """Other names (previous or known-as) are searched too."""
    assert ids(index, "Tom") == ["tomek"]


def test_finds_everyone_with_a_family_name(index: PeopleIndex) -> None:
    """A family name lists everyone who shares it."""
    assert set(ids(index, "Okafor")) == {"peggy", "grace"}


def test_search_ignores_case(index: PeopleIndex) -> None:
    """Typing in lower or upper case makes no difference."""
    assert ids(index, "pEGGY") == ["peggy"]


def test_prefix_finds_as_you_type(index: PeopleIndex) -> None:
    """The first letters of a name are enough: "Mar" finds Margaret."""
    assert ids(index, "Mar") == ["peggy"]
    assert ids(index, "Marg") == ["peggy"]


def test_hyphenated_family_name_is_found_by_each_part(index: PeopleIndex) -> None:
    """A double-barrelled name is found by either half."""
    assert ids(index, "Walsh") == ["siobhan"]
    assert ids(index, "O'Brien") == ["siobhan"]


@pytest.mark.parametrize("query", ["OBrien", "O’Brien", "obrien-walsh"])
def test_apostrophes_are_optional(query: str, index: PeopleIndex) -> None:
    """O'Brien is found with or without the apostrophe, straight or curly."""
    assert ids(index, query) == ["siobhan"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Margret", "peggy"),  # a letter left out
        ("Okafer", "peggy"),  # a letter wrong
        ("Hartlley", "des"),  # a letter doubled
        ("Margaert", "peggy"),  # two letters swapped in a name of eight letters or more
    ],
)
def test_a_typo_in_a_name_still_finds_the_person(
    index: PeopleIndex, query: str, expected: str
) -> None:
    """One slip of the finger in a name of four letters or more is forgiven."""
    assert expected in ids(index, query)


@pytest.mark.parametrize(
    ("query", "expected"), [("Okafro", "peggy"), ("Rmaan", "priya"), ("Siobahn", "siobhan")]
)
def test_two_swapped_letters_in_a_short_name_still_find_the_person(
    index: PeopleIndex, query: str, expected: str
) -> None:
    """Swapping two neighbouring letters is the commonest typing slip; it is one typo.

    Plain Levenshtein distance counts a swap as two edits, so names of four to seven
    letters, which are allowed one typo, must not lose the person to a swap.
    """
    assert expected in ids(index, query)


@pytest.mark.parametrize("query", ["Dez", "Ane", "Tam"])
def test_words_under_four_letters_must_match_exactly(index: PeopleIndex, query: str) -> None:
    """Short words are not fuzzy-matched, or every three-letter name would match."""
    assert ids(index, query) == []


def test_long_names_forgive_two_typos(index: PeopleIndex) -> None:
    """Names of eight letters or more may have two letters wrong."""
    assert ids(index, "Margarrat") == ["peggy"]


def test_every_word_of_the_query_must_match(index: PeopleIndex) -> None:
    """A second word narrows the list rather than widening it."""
    assert ids(index, "Grace Okafor") == ["grace"]
    assert ids(index, "Okafor Peggy") == ["peggy"]
    assert ids(index, "Peggy Hartley") == []


def test_typo_in_one_of_several_words(index: PeopleIndex) -> None:
    """Each word of a longer query is forgiven its own typo."""
    assert ids(index, "Margret Okafor") == ["peggy"]


def test_exact_matches_come_before_fuzzy_ones(index: PeopleIndex) -> None:
    """Nowak exactly outranks Novak nearly, though Novak comes first alphabetically."""
    assert ids(index, "Nowak") == ["tomek", "anna"]
    assert ids(index, "Novak") == ["anna", "tomek"]


def test_unknown_name_finds_nobody(index: PeopleIndex) -> None:
    """A name nobody has gives an empty result with a total of zero."""
    result = index.search("Featherstonehaugh")
    assert result.people == []
    assert result.total == 0


def test_empty_query_lists_everyone_in_order(index: PeopleIndex) -> None:
    """Before anything is typed the whole caseload shows, in list order."""
    result = index.search("   ")
    assert result.total == len(CASELOAD)
    assert result.people == index.everyone()


# --- NHS numbers and postcodes ----------------------------------------------------------------


@pytest.mark.parametrize("query", ["9990001006", "999 000 1006", "999 000 1", "99900010"])
def test_finds_by_nhs_number_with_or_without_spaces(index: PeopleIndex, query: str) -> None:
    """The NHS number, whole or its first digits, finds the person however it is spaced."""
    assert PEGGY.nhs_number == "9990001006"
    assert ids(index, query) == ["peggy"]


def test_nhs_number_prefix_lists_everyone_starting_so(index: PeopleIndex) -> None:
    """The shared test-range start matches everyone with an NHS number, and only them."""
    assert set(ids(index, "999")) == {"peggy", "des"}


def test_wrong_nhs_number_finds_nobody(index: PeopleIndex) -> None:
    """A number nobody has does not fall back to partial matches."""
    assert ids(index, "9990002009") == []


@pytest.mark.parametrize("query", ["LS6 9ZX", "ls69zx", "ls6 9zx", "LS6 9"])
def test_finds_by_postcode_with_or_without_space(index: PeopleIndex, query: str) -> None:
    """A postcode finds the person whatever the spacing or case."""
    assert ids(index, query) == ["peggy"]


def test_outward_code_finds_everyone_in_the_district(index: PeopleIndex) -> None:
    """The outward code alone lists everyone whose postcode starts with it."""
    assert set(ids(index, "LS6")) == {"peggy", "grace"}


def test_postcode_search_is_a_prefix_of_the_postcode_without_its_space(
    index: PeopleIndex,
) -> None:
    """Documents the as-you-type behaviour: "LS1" also lists LS11 until more is typed.

    The space is dropped before matching, so an outward code matches longer districts that
    start with it; typing on ("LS1 4", "LS11") narrows the list.
    """
    assert set(ids(index, "LS1")) == {"des", "priya"}
    assert ids(index, "LS11") == ["priya"]
    assert ids(index, "LS1 4") == ["des"]


# --- limits, changes and order ----------------------------------------------------------------


def test_total_counts_every_match_while_people_is_capped() -> None:
    """The list shows the first few while the count says how many matched in all."""
    index = PeopleIndex(
        Findable(id=f"p{n:02d}", preferred_name=f"Person{n:02d}", family_name="Smith")
        for n in range(30)
    )
    result = index.search("Smith", limit=5)
    assert len(result.people) == 5
    assert result.total == 30
    assert [p.id for p in result.people] == ["p00", "p01", "p02", "p03", "p04"]


def test_put_replaces_a_renamed_person(index: PeopleIndex) -> None:
    """After a rename the old name no longer finds them and the new one does."""
    assert ids(index, "Peggy") == ["peggy"]  # the search views are built before the change
    index.put(Findable(id="peggy", preferred_name="Margo", family_name="Okafor-Reid"))
    assert ids(index, "Peggy") == []
    assert ids(index, "Margaret") == []
    assert ids(index, "Margo") == ["peggy"]
    assert ids(index, "Reid") == ["peggy"]
    assert len(index) == len(CASELOAD)


def test_put_adds_a_new_person(index: PeopleIndex) -> None:
    """Someone added while the list is showing is findable at once."""
    assert ids(index, "Winifred") == []
    index.put(Findable(id="win", preferred_name="Win", first_names="Winifred", family_name="Ashby"))
    assert ids(index, "Winifred") == ["win"]
    assert index.get("win") is not None
    assert len(index) == len(CASELOAD) + 1


def test_remove_takes_a_person_out_of_every_search(index: PeopleIndex) -> None:
    """A removed person is not found by name, NHS number or postcode."""
    assert ids(index, "Peggy") == ["peggy"]
    index.remove("peggy")
    assert ids(index, "Peggy") == []
    assert ids(index, "9990001006") == []
    assert ids(index, "LS6 9ZX") == []
    assert ids(index, "Okafor") == ["grace"]
    assert index.get("peggy") is None
    assert len(index) == len(CASELOAD) - 1


def test_removing_someone_not_there_does_nothing(index: PeopleIndex) -> None:
    """Removing an unknown id is harmless."""
    index.remove("nobody")
    assert len(index) == len(CASELOAD)


def test_everyone_is_ordered_by_family_name_then_preferred_name(index: PeopleIndex) -> None:
    """The caseload list runs by family name, ignoring case, then by preferred name."""
    assert [p.id for p in index.everyone()] == [
        "ann",  # de Souza
        "des",  # Hartley
        "anna",  # Novak
        "tomek",  # Nowak
        "siobhan",  # O'Brien-Walsh
        "grace",  # Okafor, Grace
        "peggy",  # Okafor, Peggy
        "priya",  # Raman
    ]


def test_display_name_is_preferred_then_family_name() -> None:
    """Lists show the name the person goes by."""
    assert PEGGY.display_name == "Peggy Okafor"
    assert Findable(id="x", preferred_name="Cher").display_name == "Cher"


# --- possible duplicates ----------------------------------------------------------------------


def test_same_nhs_number_is_a_possible_duplicate(index: PeopleIndex) -> None:
    """An NHS number already held flags that person, whatever the name."""
    candidate = Findable(id="new", preferred_name="M", nhs_number=PEGGY.nhs_number)
    assert [p.id for p in possible_duplicates(index, candidate)] == ["peggy"]


def test_similar_name_and_same_date_of_birth_is_a_possible_duplicate(
    index: PeopleIndex,
) -> None:
    """A misspelt family name with the same date of birth is flagged."""
    candidate = Findable(
        id="new", preferred_name="Margaret", family_name="Okafur", date_of_birth=PEGGY.date_of_birth
    )
    assert [p.id for p in possible_duplicates(index, candidate)] == ["peggy"]


def test_shared_first_name_and_date_of_birth_is_a_possible_duplicate(
    index: PeopleIndex,
) -> None:
    """A changed family name (marriage) with the same first name and birthday is flagged."""
    candidate = Findable(
        id="new", preferred_name="Priya", family_name="Sharma", date_of_birth=PRIYA.date_of_birth
    )
    assert [p.id for p in possible_duplicates(index, candidate)] == ["priya"]


def test_same_name_different_date_of_birth_is_not_a_duplicate(index: PeopleIndex) -> None:
    """Two people can share a name; a different birthday means a different person."""
    candidate = Findable(
        id="new", preferred_name="Peggy", family_name="Okafor", date_of_birth=date(1950, 1, 1)
    )
    assert possible_duplicates(index, candidate) == []


def test_same_name_without_date_of_birth_is_not_a_duplicate(index: PeopleIndex) -> None:
    """Without a date of birth or NHS number a name alone is not enough."""
    candidate = Findable(id="new", preferred_name="Peggy", family_name="Okafor")
    assert possible_duplicates(index, candidate) == []


def test_a_person_is_not_their_own_duplicate(index: PeopleIndex) -> None:
    """Editing someone does not flag them as a duplicate of themselves."""
    assert possible_duplicates(index, PEGGY) == []

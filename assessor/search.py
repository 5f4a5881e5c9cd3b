"""Finding people as the worker types: by any name, NHS number or postcode, forgiving a typo.

The index lives in memory, built once from the store and kept current as people are added or
renamed. SQLite's full-text search cannot forgive a misspelt name, and a caseload of 50,000 names
fits in a few megabytes, so a token index with edit-distance matching answers in milliseconds.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import islice
from typing import NamedTuple

# rapidfuzz (4 MB) is imported at the first word that may be misspelt, not at start.


class Findable(NamedTuple):
    """What the index knows of one person: enough to find them and to show them in a list.

    A named tuple rather than a dataclass: tens of thousands are made at start-up, and a
    tuple is made several times faster.
    """

    id: str
    preferred_name: str
    first_names: str = ""
    family_name: str = ""
    other_names: str = ""
    nhs_number: str = ""
    postcode: str = ""
    caseload_of: str = ""  # the worker whose caseload they are on ("" before sync knew)
    date_of_birth: date | None = None

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.preferred_name, self.family_name) if part)

    def name_tokens(self) -> set[str]:
        names = " ".join(
            (self.preferred_name, self.first_names, self.family_name, self.other_names)
        )
        return set(tokenise(names))

    def sort_key(self) -> tuple[str, str]:
        return (self.family_name.casefold(), self.preferred_name.casefold())


_WORD = re.compile(r"[\w'’-]+")


def tokenise(text: str) -> list[str]:
    """Lower-case name parts; hyphenated and apostrophised names also match by their parts."""
    tokens: list[str] = []
    for word in _WORD.findall(text.casefold()):
        plain = word.replace("'", "").replace("’", "")
        if plain:
            tokens.append(plain)
        if "-" in plain:
            tokens.extend(part for part in plain.split("-") if part)
    return tokens


def allowed_typos(token: str) -> int:
    """Short names must match closely; longer ones may have one or two letters wrong.

    Distances are optimal string alignment, so two letters typed the wrong way round
    ("Okafro") count as one slip, as a worker would see it.
    """
    if len(token) < 4:
        return 0
    return 1 if len(token) < 8 else 2


# A word that begins this many people's names as typed is taken as meant, not as a typo.
ENOUGH_EXACT = 100

_POSTCODE_START = re.compile(r"^[a-z]{1,2}\d")


@dataclass(frozen=True)
class SearchResult:
    """The first matches, best first, and how many matched in all."""

    people: list[Findable]
    total: int


class PeopleIndex:
    """An in-memory index of the caseload for search as you type."""

    def __init__(self, people: Iterable[Findable] = ()) -> None:
        self._people: dict[str, Findable] = {}
        # Lists rather than sets: most names belong to a few people, and a set of one costs
        # three times a list of one.
        self._by_token: defaultdict[str, list[str]] = defaultdict(list)
        for person in people:
            self._insert(person)
        self._views: _Views | None = None

    def __len__(self) -> int:
        return len(self._people)

    def get(self, person_id: str) -> Findable | None:
        return self._people.get(person_id)

    def name_of(self, person_id: str) -> str:
        """The name someone goes by, for a line that mentions them."""
        person = self.get(person_id)
        return person.display_name if person else "someone not on this caseload"

    def put(self, person: Findable) -> None:
        """Add a person, or replace what the index knew of them."""
        self.remove(person.id)
        self._insert(person)
        self._views = None

    def remove(self, person_id: str) -> None:
        old = self._people.pop(person_id, None)
        if old is None:
            return
        for token in old.name_tokens():
            ids = self._by_token[token]
            ids.remove(person_id)
            if not ids:
                del self._by_token[token]
        self._views = None

    def everyone(self) -> list[Findable]:
        """The whole caseload in list order: family name, then preferred name."""
        return self._current().in_order

    def born_on(self, day: date | None) -> list[Findable]:
        return self._current().by_birth.get(day, []) if day else []

    def with_nhs_number(self, nhs_number: str) -> list[Findable]:
        if not nhs_number:
            return []
        return [self._people[pid] for pid in self._current().nhs.starting_with(nhs_number)]

    def search(self, query: str, limit: int = 200) -> SearchResult:
        """People matching every word of the query, closest matches first."""
        compact = re.sub(r"\s", "", query).casefold()
        views = self._current()
        if not compact:
            return SearchResult(views.in_order[:limit], len(views.in_order))
        if compact.isdigit():
            return self._ranked([views.nhs.starting_with(compact)], limit)
        if _POSTCODE_START.match(compact) and not compact.isalpha():
            return self._ranked([views.postcode.starting_with(compact)], limit)
        return self._name_search(query, limit)

    # --- internals ----------------------------------------------------------------------------

    def _insert(self, person: Findable) -> None:
        self._people[person.id] = person
        for token in person.name_tokens():
            self._by_token[token].append(person.id)

    def _current(self) -> _Views:
        if self._views is None:
            self._views = _Views(self._people, self._by_token)
        return self._views

    def _name_search(self, query: str, limit: int) -> SearchResult:
        scores: dict[str, int] | None = None
        for word in tokenise(query):
            word_scores = self._word_matches(word)
            if scores is None:
                scores = dict(word_scores)
            else:
                scores = {
                    pid: scores[pid] + cost for pid, cost in word_scores.items() if pid in scores
                }
            if not scores:
                break
        by_cost: defaultdict[int, list[str]] = defaultdict(list)
        for pid, cost in (scores or {}).items():
            by_cost[cost].append(pid)
        return self._ranked([by_cost[cost] for cost in sorted(by_cost)], limit)

    def _word_matches(self, word: str) -> dict[str, int]:
        """Person ids whose names start with the word (cost 0) or nearly do (cost 1 or more).

        Typos are looked for only when few names start with the word as typed: a word that
        begins hundreds of names is no typo. Kept per word until the index changes: while
        typing "Peggy Okafor", "peggy" is looked up once, not at every letter of "okafor".
        """
        views = self._current()
        if word in views.word_cache:
            return views.word_cache[word]
        matches: dict[str, int] = {}
        for token in views.tokens.starting_with(word):
            matches.update(dict.fromkeys(self._by_token[token], 0))
        typos = allowed_typos(word)
        if typos and len(matches) < ENOUGH_EXACT:
            for token, distance in views.near(word, typos):
                for pid in self._by_token[token]:
                    matches.setdefault(pid, 1 + distance)
        views.word_cache[word] = matches
        return matches

    def _ranked(self, buckets: list[list[str]], limit: int) -> SearchResult:
        """The first `limit` people, best bucket first, each bucket in caseload order."""
        views = self._current()
        people: list[Findable] = []
        for bucket in buckets:
            wanted = limit - len(people)
            if wanted <= 0:
                break
            if len(bucket) * 8 > len(views.in_order):  # most people: walk the list instead
                members = set(bucket)
                people.extend(islice((p for p in views.in_order if p.id in members), wanted))
            else:
                positions = heapq.nsmallest(wanted, map(views.position.__getitem__, bucket))
                people.extend(views.in_order[i] for i in positions)
        return SearchResult(people, sum(len(bucket) for bucket in buckets))


class _SortedKeys:
    """Keys in order with the ids they belong to, for finding every key with a given start."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        ordered = sorted(pairs)
        self.keys = [key for key, _ in ordered]
        self.values = [value for _, value in ordered]

    def starting_with(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.keys, prefix)
        end = bisect.bisect_left(self.keys, prefix + "\uffff", lo=start)
        return self.values[start:end]


class _Views:
    """Orderings of the caseload, rebuilt only after a change and reused while typing."""

    def __init__(self, people: dict[str, Findable], by_token: dict[str, list[str]]) -> None:
        self.in_order = sorted(people.values(), key=Findable.sort_key)
        self.position = {p.id: i for i, p in enumerate(self.in_order)}
        self.tokens = _SortedKeys((token, token) for token in by_token)
        self.nhs = _SortedKeys((p.nhs_number, p.id) for p in people.values() if p.nhs_number)
        self.postcode = _SortedKeys(
            (p.postcode.replace(" ", "").casefold(), p.id) for p in people.values() if p.postcode
        )
        self._by_length: defaultdict[int, list[str]] = defaultdict(list)
        for token in self.tokens.keys:
            self._by_length[len(token)].append(token)
        self._heads: dict[int, tuple[list[str], list[list[str]]]] = {}
        self.word_cache: dict[str, dict[str, int]] = {}

    @cached_property
    def by_birth(self) -> dict[date, list[Findable]]:
        """People by date of birth, made when first asked for: only adding a person needs it."""
        by_birth: defaultdict[date, list[Findable]] = defaultdict(list)
        for person in self.in_order:
            if person.date_of_birth:
                by_birth[person.date_of_birth].append(person)
        return by_birth

    def near(self, word: str, typos: int) -> list[tuple[str, int]]:
        """Names within `typos` slips of the word, whole or as far as it has been typed."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        length = len(word)
        same_length_or_near = [
            token
            for size in range(length - typos, length + typos + 1)
            for token in self._by_length.get(size, ())
        ]
        found = [
            (same_length_or_near[i], int(distance))
            for _, distance, i in process.extract(
                word, same_length_or_near, scorer=OSA.distance, score_cutoff=typos, limit=None
            )
        ]
        heads, owners = self._token_heads(length)
        found += [
            (token, int(distance))
            for _, distance, i in process.extract(
                word, heads, scorer=OSA.distance, score_cutoff=typos, limit=None
            )
            for token in owners[i]
        ]
        return found

    def _token_heads(self, length: int) -> tuple[list[str], list[list[str]]]:
        """Distinct name starts of this length, each with the names that begin so."""
        if length not in self._heads:
            grouped: defaultdict[str, list[str]] = defaultdict(list)
            for token in self.tokens.keys:
                if len(token) > length:
                    grouped[token[:length]].append(token)
            self._heads[length] = (list(grouped), list(grouped.values()))
        return self._heads[length]


def looks_like_same_person(candidate: Findable, existing: Findable) -> bool:
    """Same NHS number, or the same date of birth and a similar name."""
    from rapidfuzz import fuzz

    if candidate.nhs_number and candidate.nhs_number == existing.nhs_number:
        return True
    if candidate.date_of_birth is None or candidate.date_of_birth != existing.date_of_birth:
        return False
    family_close = fuzz.ratio(candidate.family_name.casefold(), existing.family_name.casefold())
    if family_close >= 80:
        return True
    return bool(candidate.name_tokens() & existing.name_tokens())


def possible_duplicates(index: PeopleIndex, candidate: Findable) -> list[Findable]:
    """People already recorded who may be the one about to be added."""
    pool = {p.id: p for p in index.born_on(candidate.date_of_birth)}
    pool.update((p.id, p) for p in index.with_nhs_number(candidate.nhs_number))
    return [
        p for p in pool.values() if p.id != candidate.id and looks_like_same_person(candidate, p)
    ]

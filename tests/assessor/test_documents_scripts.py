"""Own words in any script, printed as typed: every character in a font that has it, right to
left where it is read so, shaped, and reading back from the PDF as the characters typed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from assessor.documents import DocumentKind, build, fonts, scripts
from assessor.documents.formats import STANDARD
from assessor.documents.unprintable import warning
from tests.assessor.documents_helpers import Example, drawn_in, load_example, text_of

# Fictional words in each script a worker met printed as empty boxes.
OWN_WORDS = {
    "Welsh": "Dw i eisiau cerdded at y dŵr a gweld yr ŷd.",
    "Vietnamese": "Tôi muốn được ở nhà với con gái tôi.",
    "Chinese": "我想和女儿一起住在家里。",
    "Japanese": "私は家で娘と一緒に暮らしたいです。",
    "Gurmukhi": "ਮੈਂ ਆਪਣੀ ਧੀ ਨਾਲ ਘਰ ਰਹਿਣਾ ਚਾਹੁੰਦਾ ਹਾਂ",
    "Bengali": "আমি আমার মেয়ের সাথে বাড়িতে থাকতে চাই",
    "Urdu": "میں اپنی بیٹی کے ساتھ گھر پر رہنا چاہتا ہوں",
    "Arabic": "أريد أن أبقى في البيت مع ابنتي",
    "emoji": "My garden 🌻 makes me 😀",
}
DIRECTION_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Example]:
    loaded = load_example(tmp_path_factory.mktemp("store"))
    yield loaded
    loaded.store.close()


@pytest.fixture(scope="module")
def plan(example: Example) -> bytes:
    """Des's plan with a goal in each script, in his own words."""
    file = example.files["Des"]
    first = file.goals[0]
    goals = [replace(first, id=f"goal-{name}", words=words) for name, words in OWN_WORDS.items()]
    return build(DocumentKind.MY_PLAN, replace(file, goals=goals), example.context("Des"), STANDARD)


def test_every_script_reads_back_as_typed(plan: bytes) -> None:
    text = DIRECTION_MARKS.sub("", text_of(plan))
    for name in ("Welsh", "Vietnamese", "Chinese", "Japanese", "Arabic", "Urdu", "emoji"):
        assert OWN_WORDS[name] in text, name
    for name in ("Gurmukhi", "Bengali"):  # vowel signs before a consonant are read before it
        typed = {char for char in OWN_WORDS[name] if not char.isspace()}
        assert typed <= set(text), (name, typed - set(text))


def test_every_character_is_drawn_in_a_font_that_has_it(plan: bytes) -> None:
    chars = drawn_in(plan).chars
    files = {fallback.name: fonts.find(fallback.file_name) for fallback in fonts.FALLBACKS}
    files[fonts.REGULAR] = fonts.find_primary()
    files[fonts.BOLD] = fonts.find_primary().with_name("AtkinsonHyperlegible-Bold.ttf")
    used: set[str] = set()
    for name, words in OWN_WORDS.items():
        for char in {char for char in words if not char.isspace()}:
            drawn = [each["fontname"].split("+")[-1] for each in chars if char in each["text"]]
            assert drawn, (name, char)
            for font in {each.removesuffix("-Regular") for each in drawn}:
                used.add(font)
                assert ord(char) in _cmap(files[font]), (name, char, font)
    assert {"NotoSans", "NotoSansArabic", "NotoSansBengali", "NotoSansGurmukhi"} <= used
    assert {"DroidSansFallback", "Symbola"} <= used


def test_arabic_is_right_to_left_and_its_letters_joined(plan: bytes) -> None:
    words = OWN_WORDS["Arabic"]
    lines: dict[float, list[dict[str, Any]]] = {}
    for each in drawn_in(plan).chars:
        if "Arabic" in each["fontname"] and not each["text"].isspace():
            lines.setdefault(round(each["top"]), []).append(each)
    letters = words.replace(" ", "")
    line = next(
        drawn
        for drawn in lines.values()
        if "".join(each["text"] for each in sorted(drawn, key=lambda each: -each["x0"])) == letters
    )  # read from the right, the line is the words as typed
    # Joined letters are narrower than the same letters standing alone.
    set_apart = sum(_advance("NotoSansArabic-Regular.ttf", letter) for letter in letters)
    printed = max(each["x1"] for each in line) - min(each["x0"] for each in line)
    assert printed < set_apart / 1000 * line[0]["size"]  # though it has spaces too


def test_a_character_no_font_has_is_named_with_where_it_is(example: Example) -> None:
    file = example.files["Des"]
    person = replace(file.person, presenting_problem="Falls at night \ue000 twice.")
    said = warning(replace(file, person=person))
    assert "U+E000 in page one, presenting problem" in said
    assert warning(file) == ""


def test_a_right_to_left_paragraph_is_wrapped_line_by_line() -> None:
    """Each printed line of a long Arabic answer reads on from the line above it."""
    style = scripts.laid_out(OWN_WORDS["Arabic"], _style(), 200).style
    assert style.alignment == 2  # right
    markup = scripts.paragraph(" ".join([OWN_WORDS["Arabic"]] * 3), _style(), 200)
    assert markup.count("<br/>") >= 2


def _style():  # a body style at 12 point
    from assessor.documents.layout import styles_for

    return styles_for(STANDARD).body


@cache
def _cmap(path: Path | None) -> set[int]:
    assert path is not None
    with TTFont(str(path), lazy=True) as font:
        return set(font.getBestCmap())


def _advance(file_name: str, letter: str) -> float:
    path = fonts.find(file_name)
    assert path is not None
    with TTFont(str(path), lazy=True) as font:
        glyph = font.getBestCmap()[ord(letter)]
        return font["hmtx"][glyph][0] * 1000 / font["head"].unitsPerEm


def test_accents_typed_as_two_characters_print_as_one() -> None:
    decomposed = unicodedata.normalize("NFD", "dŵr")
    assert scripts.markup(decomposed) == scripts.markup("dŵr")


def test_the_footer_names_them_in_their_own_script(example: Example) -> None:
    file = example.files["Des"]
    person = replace(file.person, preferred_name="سمير", first_names="سمير", family_name="حداد")
    renamed = replace(file, person=person)
    pdf = build(DocumentKind.MY_PLAN, renamed, example.context("Des"), STANDARD)
    footer = [each for each in drawn_in(pdf).chars if each["top"] > 780 and each["text"] == "س"]
    assert footer and all("NotoSansArabic" in each["fontname"] for each in footer)
    assert "My plan: سمير حداد" in DIRECTION_MARKS.sub("", text_of(pdf))


def test_brackets_stay_round_right_to_left_words_in_an_english_line() -> None:
    """Rule N0 of the bidirectional algorithm: “مرحبا (صديقي)” shows as “(صديقي) مرحبا”."""
    markup = scripts.markup("He wrote: “مرحبا (صديقي)” today")
    arabic_as_a = re.sub("<font[^>]*>.*?</font>", "A", markup)
    assert arabic_as_a == "He wrote: “(A)A” today"

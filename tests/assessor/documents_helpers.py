"""The example caseload printed from a real store, and ways to read the PDFs back."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pdfplumber
from pypdf import PdfReader

from assessor.documents import DocumentKind, PrintContext, build, people_mentioned
from assessor.documents.formats import STANDARD, PrintFormat
from assessor.example import example_caseload
from assessor.person_file import PersonFile
from assessor.team import Team
from db.store import Store

TODAY = date(2026, 11, 23)
TEAM = Team("North Leeds Adult Social Care", "0113 496 0000", "north.team@example.gov.uk")


@dataclass
class Example:
    """The example caseload in a store, each person's file by the name they go by; documents
    are built once and kept."""

    store: Store
    files: dict[str, PersonFile] = field(default_factory=dict)
    _built: dict[tuple[str, DocumentKind, PrintFormat], bytes] = field(default_factory=dict)
    _read: dict[tuple[str, DocumentKind, PrintFormat], Drawn] = field(default_factory=dict)

    def context(self, name: str) -> PrintContext:
        mentioned = people_mentioned(self.files[name])
        return PrintContext(TODAY, "Sam Patel", TEAM, self.store.display_names(mentioned))

    def pdf(self, name: str, kind: DocumentKind, fmt: PrintFormat = STANDARD) -> bytes:
        key = (name, kind, fmt)
        if key not in self._built:
            self._built[key] = build(kind, self.files[name], self.context(name), fmt)
        return self._built[key]

    def text(self, name: str, kind: DocumentKind, fmt: PrintFormat = STANDARD) -> str:
        return text_of(self.pdf(name, kind, fmt))

    def drawn(self, name: str, kind: DocumentKind, fmt: PrintFormat = STANDARD) -> Drawn:
        key = (name, kind, fmt)
        if key not in self._read:
            self._read[key] = drawn_in(self.pdf(name, kind, fmt))
        return self._read[key]


def load_example(folder: Path) -> Example:
    store = Store.open(folder, "Sam Patel", create=True)
    ids = store.add_files(example_caseload(TODAY))
    example = Example(store)
    for person_id in ids:
        file = store.person_file(person_id)
        example.files[file.person.preferred_name] = file
    return example


def text_of(pdf: bytes) -> str:
    """Every page's text in reading order, with runs of space and line breaks made single
    spaces so sentences broken over lines read whole."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@dataclass(frozen=True)
class Drawn:
    """What pdfplumber reads of each page: characters, with their font name and size in
    points, and rectangles (the boxes of the pictures of progress)."""

    chars: list[dict[str, Any]]
    rects: list[dict[str, Any]]


def drawn_in(pdf: bytes) -> Drawn:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return Drawn(
            [char for page in document.pages for char in page.chars],
            [rect for page in document.pages for rect in page.rects],
        )

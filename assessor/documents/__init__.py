"""Printed documents people take home, built with reportlab from plain records.

Every document follows the UK Association for Accessible Formats' clear-print guidance: one
clear sans-serif font embedded in the file (Atkinson Hyperlegible), left aligned, no italics,
headings as plain questions, dates written out, the person's own words in quotation marks and
said to be theirs. `build` makes any of them as PDF bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from assessor.choices import LabelledChoice
from assessor.documents.formats import PrintFormat
from assessor.person_file import PersonFile
from assessor.team import Team


class DocumentKind(LabelledChoice):
    MY_PLAN = "plan", "My plan"
    CARER_PLAN = "carer_plan", "My plan as a carer"
    RECORD = "record", "Record of our conversation"


@dataclass(frozen=True)
class PrintContext:
    """What a document needs beyond the person's own file: the day it is printed, the worker
    and team printing it, and the names of the other people it mentions (their carers, or the
    people a carer cares for), by id. `worker` is the name the worker gave, never a computer
    login: "" when there is none, and the document says "my worker"."""

    today: date
    worker: str
    team: Team = field(default_factory=Team)
    names: Mapping[str, str] = field(default_factory=dict)
    role: str = ""  # the worker's role as people read it, such as "social worker"


def people_mentioned(file: PersonFile) -> set[str]:
    """Ids of the other people a document may name: the person's carers, and the people a
    carer cares for. Only their names are printed."""
    return {role.carer_id for role in file.carers} | {
        role.cared_for_id for role in file.as_carer.roles
    }


def kinds_for(file: PersonFile) -> list[DocumentKind]:
    """The documents that can be printed for this person: a carer's plan only for a carer."""
    kinds = [DocumentKind.MY_PLAN, DocumentKind.RECORD]
    if file.as_carer.roles:
        kinds.insert(1, DocumentKind.CARER_PLAN)
    return kinds


def format_of(kind: DocumentKind, fmt: PrintFormat) -> PrintFormat:
    """The format a document is made in: Easy Read is made of My plan only, and the other
    documents print in clear print at its size."""
    return fmt if kind is DocumentKind.MY_PLAN else fmt._replace(easy_read=False)


def build(kind: DocumentKind, file: PersonFile, context: PrintContext, fmt: PrintFormat) -> bytes:
    """The document as PDF bytes, My plan in Easy Read when the format is Easy Read; what was
    entered in error is never printed."""
    from assessor.documents import carer_plan, conversation_record, easy_read, my_plan

    fmt = format_of(kind, fmt)
    if fmt.easy_read:
        return easy_read.build(file.counted(), context, fmt)
    makers = {
        DocumentKind.MY_PLAN: my_plan.build,
        DocumentKind.CARER_PLAN: carer_plan.build,
        DocumentKind.RECORD: conversation_record.build,
    }
    return makers[kind](file.counted(), context, fmt)

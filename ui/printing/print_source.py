"""Where printed documents come from, for the print window and batch printing alike: the
store, and who prints them, where and when. Kept apart from both windows, so batch printing
needs nothing of the preview's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assessor.documents import DocumentKind, PrintContext, build, people_mentioned
from assessor.documents.formats import format_for
from assessor.person_file import PersonFile
from assessor.team import Team
from assessor.your_details import Signature, signature
from ui.kit.clock import Today

if TYPE_CHECKING:
    from assessor.operations.store_port import StorePort


@dataclass(frozen=True)
class PrintSource:
    """Where printed documents come from: the store, and who prints them, where and when.

    Its methods read the store, so the windows call them in the background. Who prints is read
    from the data folder's settings each time (`signature`), so details the worker has just
    changed print at once; `worker` names them only where there is no data folder."""

    store: StorePort
    worker: str
    data_dir: Path | None
    today: Today

    def read(self, person_id: str) -> tuple[PersonFile, PrintContext]:
        """The person's file and what a document needs beyond it; a settings file that cannot
        be read stops here, with a message saying what to fix."""
        signed = (
            signature(self.data_dir)
            if self.data_dir is not None
            else Signature(self.worker, "", Team())
        )
        file = self.store.person_file(person_id)
        names = self.store.display_names(people_mentioned(file))
        context = PrintContext(self.today(), signed.name, signed.team, names, signed.role)
        return file, context

    def plan(self, person_id: str) -> tuple[str, bytes]:
        """Their name and their plan, in the format page one records for them."""
        file, context = self.read(person_id)
        fmt = format_for(file.person)
        return file.person.display_name, build(DocumentKind.MY_PLAN, file, context, fmt)


def file_name(kind: DocumentKind, name: str) -> str:
    """A name to save under, such as "My plan - Ada Lark.pdf", with nothing a folder forbids."""
    return re.sub(r'[\\/:*?"<>|]', "-", f"{kind.label} - {name}.pdf")

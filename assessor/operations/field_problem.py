"""A failed check that names the field it belongs to, so a form can show it beside that field
rather than guess from the message."""

from __future__ import annotations

from assessor.validation import InvalidInput


class FieldProblem(InvalidInput):
    """`field` is the name of the input at fault, as the operation's parameters name it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

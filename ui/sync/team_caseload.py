"""The caseload once the laptop syncs with its team: the worker's own people first, and on a
team lead's laptop whose caseload each person is on."""

from __future__ import annotations

from assessor.search import Findable
from ui.shell.caseload import CaseloadPanel

TEAM_LEAD = "team-lead"


def whose_caseload(person: Findable, worker: str) -> str:
    if not person.caseload_of or person.caseload_of == worker:
        return "Your caseload"
    return f"{person.caseload_of}’s caseload"


def show_team(caseload: CaseloadPanel, worker: str, role: str) -> None:
    """Own people first for everyone; whose caseload each is on for a team lead."""

    def own_first(people: list[Findable], limit: int) -> list[Findable]:
        mine = [p for p in people if p.caseload_of in ("", worker)]
        return (mine + [p for p in people if p.caseload_of not in ("", worker)])[:limit]

    caseload.first = own_first
    lead = role == TEAM_LEAD
    caseload.model.whose = (lambda p: whose_caseload(p, worker)) if lead else lambda _p: ""
    caseload.refresh()

"""A five-page large-print plan against a bare reportlab document (ratio). Aim: under 2.

Printing is reportlab's work either way; what Assessor adds is the embedded font, the clear-print
styles, the pictures of progress and the plan's sections. To see what that costs on this laptop,
whatever its speed, the script times two builds in the same run, alternating them:

- Assessor's "My plan" in 18 point large print for the example caseload's Peggy Okafor, given
  extra goals with reviews until the plan runs to five pages (each goal kept whole on its page);
- a bare reportlab document: two pages of plain paragraphs in Helvetica, a built-in font that
  needs no embedding.

It prints each one's median over the runs and the ratio of the medians, and the page counts, so
a figure is never quoted for a document of the wrong length.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from assessor.documents import DocumentKind, PrintContext, build, people_mentioned
from assessor.documents.formats import LARGE
from assessor.example import example_caseload, example_id
from assessor.goals import Goal, GoalKind, Review
from assessor.person_file import PersonFile
from assessor.team import Team
from db.store import Store

RUNS = 15
PLAN_PAGES = 5
BARE_PAGES = 2
_SENTENCE = (
    "Peggy wants to get to the shop at the corner on her own, and to be out in her garden "
    "whenever it is dry. "
)


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _context(store: Store, file: PersonFile, today: date) -> PrintContext:
    team = Team("North Leeds Adult Social Care", "0113 496 0000")
    return PrintContext(today, "Sam Patel", team, store.display_names(people_mentioned(file)))


def _five_page_plan(store: Store, person_id: str, today: date) -> tuple[PersonFile, PrintContext]:
    """Give the person goals, each with a review, until their plan runs to five pages."""
    for number in range(40):
        file = store.person_file(person_id)
        context = _context(store, file, today)
        pages = _pages(build(DocumentKind.MY_PLAN, file, context, LARGE))
        if pages == PLAN_PAGES:
            return file, context
        if pages > PLAN_PAGES:
            break
        goal = store.add_goal(
            Goal(
                person_id,
                f"Walk to the post box at the end of Larkspur Row ({number + 1})",
                today - timedelta(weeks=6),
                kind=GoalKind.OWN,
                target_date=today + timedelta(weeks=6),
            )
        )
        store.add_review(Review(goal.id, rating=-1, on=today - timedelta(weeks=1)))
    raise SystemExit(f"Could not make a plan of exactly {PLAN_PAGES} pages.")


def _bare(paragraphs: int) -> bytes:
    out = io.BytesIO()
    body = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(out, pagesize=A4).build(
        [Paragraph(_SENTENCE * 4, body) for _ in range(paragraphs)]
    )
    return out.getvalue()


def _bare_paragraphs() -> int:
    """Just enough plain paragraphs for two pages."""
    paragraphs = 1
    while _pages(_bare(paragraphs)) < BARE_PAGES:
        paragraphs += 1
    return paragraphs


def main() -> None:
    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder), "Bench", create=True)
        store.add_files(example_caseload(today))
        file, context = _five_page_plan(store, example_id("peggy"), today)
        store.close()
    paragraphs = _bare_paragraphs()
    works = {
        "plan": lambda: build(DocumentKind.MY_PLAN, file, context, LARGE),
        "bare": lambda: _bare(paragraphs),
    }
    times: dict[str, list[float]] = {name: [] for name in works}
    pages = {name: _pages(work()) for name, work in works.items()}  # also warms the fonts
    for _ in range(RUNS):
        for name, work in works.items():
            started = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - started)
    plan_ms, bare_ms = (statistics.median(times[name]) * 1000 for name in ("plan", "bare"))
    print(f"My plan, large print, {pages['plan']} pages: median {plan_ms:.1f} ms ({RUNS} runs)")
    print(f"Bare reportlab, {pages['bare']} pages: median {bare_ms:.1f} ms ({RUNS} runs)")
    print(f"Ratio: {plan_ms / bare_ms:.2f} (aim: under 2)")


if __name__ == "__main__":
    main()

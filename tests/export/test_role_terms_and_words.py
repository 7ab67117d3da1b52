"""Role descriptions: the term's end and its warning, and the plan's own words."""

from __future__ import annotations

import datetime as dt
import html as html_module
import io
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from govplanner.analysis import analyse
from govplanner.domain.model import Plan, Role
from govplanner.domain.vocabulary import Vocabulary, words
from govplanner.export.role_context import role_context
from govplanner.export.roles import export_role_descriptions, render_role
from govplanner.export.wording import term_alert, term_status
from tests.builders import role_id
from tests.export.plans import partnership

AS_OF = dt.date(2026, 3, 31)
FORUM_WORDS = Vocabulary(
    committee="forum", committees="forums", tier="level", tiers="levels", role="post", roles="posts"
)


def _role(plan: Plan, title: str, n: int = 1) -> Role:
    role = plan.role(role_id(title, n))
    assert role is not None
    return role


def _context(plan: Plan, role: Role, as_of: dt.date = AS_OF) -> dict[str, Any]:
    return role_context(plan, role, analyse(plan, as_of=as_of), today=as_of)


def _html(plan: Plan, role: Role, as_of: dt.date = AS_OF) -> str:
    analysis = analyse(plan, as_of=as_of)
    return render_role(plan, role, analysis, fmt="html", today=as_of).decode("utf-8")


def _glance(html: str) -> str:
    """The text of 'The role at a glance' table, tags removed."""
    table = html.split('<table class="facts"', 1)[1].split("</table>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table))


# -- terms -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "status"),
    [(-1, "ended"), (0, "ending"), (90, "ending"), (91, "later")],
)
def test_term_status_matches_the_term_findings(days_left: int, status: str) -> None:
    end = AS_OF + dt.timedelta(days=days_left)
    assert term_status(end, filled=True, as_of=AS_OF, warning_days=90) == status
    assert term_status(end, filled=False, as_of=AS_OF, warning_days=90) == ""
    assert term_status(None, filled=True, as_of=AS_OF, warning_days=90) == ""


def test_a_term_that_ended_carries_no_data_quality_warning() -> None:
    """The description says the term ended and what is due, never that the plan's data is
    out of date (TRM002's business, in check and the gap report)."""
    plan = partnership()
    director = _role(plan, "Medical Director")
    director.term_end = AS_OF - dt.timedelta(days=12)
    role = _context(plan, director)["role"]
    assert role["term_end"] == "19 March 2026"
    assert role["term_status"] == "ended"
    assert role["term_alert"] == (
        "The current term ended on 19 March 2026, so reappointment or recruitment to this "
        "role is due."
    )
    html = _html(plan, director)
    assert "Term 1 April 2025 to 19 March 2026" in _glance(html)
    assert "still shown as held" not in html
    assert "Dr Ada Jones" not in html.split("Status", 1)[0]


def test_a_term_ending_within_the_warning_window_is_said_plainly() -> None:
    plan = partnership()
    plan.term_warning_days = 60
    director = _role(plan, "Medical Director")
    director.term_end = AS_OF + dt.timedelta(days=45)
    role = _context(plan, director)["role"]
    assert role["term_status"] == "ending"
    assert role["term_alert"] == (
        "The current term ends in 45 days, on 15 May 2026, so reappointment or recruitment "
        "to this role is due."
    )
    assert "warning window" not in role["term_alert"]  # the tool's setting, not a board's
    assert "<strong>The current term ends in 45 days" in _html(plan, director)


def test_a_later_term_and_a_vacant_post_carry_no_warning() -> None:
    plan = partnership()
    director = _role(plan, "Medical Director")  # ends 31 March 2028
    vacant = _role(plan, "Clinical Lead", 2)
    vacant.term_end = AS_OF - dt.timedelta(days=3)
    later, empty = _context(plan, director)["role"], _context(plan, vacant)["role"]
    assert (later["term_end"], later["term_status"], later["term_alert"]) == (
        "31 March 2028", "later", "",
    )  # fmt: skip
    assert (empty["term_status"], empty["term_alert"]) == ("", "")
    assert "<strong>" not in _html(plan, director).split("</table>", 1)[0]


def test_the_analysis_date_decides_the_warning() -> None:
    plan = partnership()
    director = _role(plan, "Medical Director")
    end = director.term_end
    assert end is not None
    assert _context(plan, director, as_of=end - dt.timedelta(days=200))["role"]["term_alert"] == ""
    soon = _context(plan, director, as_of=end - dt.timedelta(days=10))["role"]
    assert soon["term_alert"].startswith("The current term ends in 10 days")


def test_term_alert_counts_one_day_and_today() -> None:
    kwargs: dict[str, Any] = {"holder": "Dr A", "as_of": AS_OF, "warning_days": 90}
    assert term_alert(AS_OF - dt.timedelta(days=1), **kwargs) == (
        "The current term ended on 30 March 2026, so reappointment or recruitment to this role "
        "is due."
    )
    assert term_alert(AS_OF + dt.timedelta(days=1), **kwargs).startswith(
        "The current term ends in 1 day, on 1 April 2026"
    )
    assert term_alert(AS_OF + dt.timedelta(days=2), **kwargs).startswith(
        "The current term ends in 2 days,"
    )
    assert term_alert(AS_OF, **kwargs).startswith("The current term ends today, on 31 March 2026")


def test_word_and_markdown_show_the_term_note(tmp_path: Path) -> None:
    plan = partnership()
    director = _role(plan, "Medical Director")
    director.term_end = AS_OF + dt.timedelta(days=12)
    analysis = analyse(plan, as_of=AS_OF)
    [docx] = export_role_descriptions(
        plan, tmp_path, analysis=analysis, role_names=["Medical Director"], today=AS_OF
    )
    doc = Document(io.BytesIO(docx.read_bytes()))
    term_cell = next(row.cells[1] for row in doc.tables[0].rows if row.cells[0].text == "Term")
    assert "reappointment or recruitment to this role is due" in term_cell.text
    assert any(run.bold for p in term_cell.paragraphs for run in p.runs if "is due" in run.text)
    md = render_role(plan, director, analysis, fmt="md", today=AS_OF).decode("utf-8")
    assert "<br>**The current term ends in 12 days, on 12 April 2026" in md


# -- words -------------------------------------------------------------------------------------


def test_the_context_carries_the_plans_words_as_plain_data() -> None:
    plan = partnership()
    plan.vocabulary = FORUM_WORDS
    ctx = _context(plan, _role(plan, "Clinical Lead"))
    assert ctx["words"] == words(plan).as_dict()
    assert ctx["words"]["Committees"] == "Forums"
    assert ctx["role"]["tiers"] == ["Programme level (thematic level)"]
    assert (
        "is a clinical and care professional leadership post with a seat on the Maternity "
        "Programme Board" in ctx["purpose"][0]
    )


def test_a_rendered_description_uses_the_plans_words() -> None:
    plan = partnership()
    plan.vocabulary = FORUM_WORDS
    lead = _role(plan, "Clinical Lead")
    html = _html(plan, lead)
    assert "<h2>The post at a glance</h2>" in html
    assert ">Post title</th>" in html
    assert ">Level</th>" in html  # not 'Level and level'
    assert "<h2>Forums</h2>" in html
    assert '<th scope="col" width="28%">Forum</th>' in html
    assert "<h3>On each forum</h3>" in html
    assert "Post description" in html
    md = render_role(plan, lead, analyse(plan, as_of=AS_OF), fmt="md", today=AS_OF).decode()
    assert "## The post at a glance" in md
    assert "### What each forum does" in md


def test_a_description_in_the_plans_words_leaves_no_default_word_of_ours() -> None:
    plan = partnership()
    plan.vocabulary = FORUM_WORDS
    lead = _role(plan, "Clinical Lead")
    html = _html(plan, lead)
    body = html.split("<body>", 1)[1].split('<p class="colophon">', 1)[0]
    text = html_module.unescape(re.sub(r"<[^>]+>", " ", body))
    # The framework's own wording (function summaries, activities) is the catalogue's; the
    # headings, labels and sentences the description builds must use the plan's words.
    ours = [
        line.strip()
        for line in text.splitlines()
        if re.search(r"\b(committees?|tiers?|roles?)\b", line, re.IGNORECASE)
    ]
    catalogue_lines = _catalogue_text(plan, lead)
    assert [line for line in ours if not any(c in line for c in catalogue_lines)] == []


def _catalogue_text(plan: Plan, role: Role) -> list[str]:
    """Text the description takes from the framework catalogue as it is."""
    ctx = _context(plan, role)
    texts = []
    for f in ctx["functions"]:
        texts += [f["summary"], f["direct_effect"].lower(), f["latent_effect"].lower()]
        texts += [w["text"] for w in f["level_wording"]] + [a["text"] for a in f["activities"]]
    texts += [s["description"] for s in ctx["person_specification"]["sources"]]
    texts += [line for line in ctx["purpose"][1:] if "level" in line]  # catalogue level texts
    return [t[:60] for t in texts if t]

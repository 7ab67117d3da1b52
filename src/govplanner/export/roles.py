"""Role descriptions: one document per role, in Word, PDF, HTML or Markdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from govplanner.analysis.result import Analysis
from govplanner.domain.errors import ExportError, TemplateRenderError
from govplanner.domain.model import Plan, Role
from govplanner.domain.names import name_key
from govplanner.export.docx_pipeline import WriteBehind
from govplanner.export.filenames import unique_file_names
from govplanner.export.role_context import Context, PlanIndex, role_context
from govplanner.export.templating import make_environment, render, shipped_templates_dir

if TYPE_CHECKING:
    from govplanner.export.docx_fast import FastDocxBuilder

__all__ = [
    "FORMATS",
    "HTML_TEMPLATE",
    "MARKDOWN_TEMPLATE",
    "REFERENCE_DOCX",
    "export_role_descriptions",
    "planned_file_names",
    "render_role",
    "role_context",
    "select_roles",
]

FORMATS = ("docx", "pdf", "html", "md")
HTML_TEMPLATE = "role_description.html.j2"
MARKDOWN_TEMPLATE = "role_description.md.j2"
REFERENCE_DOCX = "reference.docx"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def select_roles(
    plan: Plan, role_names: list[str] | None = None, *, include_non_clinical: bool = False
) -> list[Role]:
    """The roles to describe: the named ones (any kind), else every clinical role (or all).

    Names match titles without regard to case or outer spaces; a repeated title selects every
    role with that title. An unknown name is an error naming it.
    """
    if not role_names:
        return [r for r in plan.roles if r.clinical or include_non_clinical]
    wanted = {name_key(n): n for n in role_names}
    chosen = [r for r in plan.roles if name_key(r.title) in wanted]
    missing = sorted(set(wanted) - {name_key(r.title) for r in chosen})
    if missing:
        names = ", ".join(f"'{wanted[m].strip()}'" for m in missing)
        raise ExportError(f"The plan '{plan.name}' has no role called {names}.")
    return chosen


def export_role_descriptions(
    plan: Plan,
    out_dir: Path,
    *,
    analysis: Analysis | None = None,
    fmt: str = "docx",
    template_dir: Path | None = None,
    role_names: list[str] | None = None,
    include_non_clinical: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: dt.date | None = None,
) -> list[Path]:
    """Write one document per selected role into ``out_dir``; return the files written.

    ``progress(done, total)`` is called after each document; ``cancel()`` returning True stops
    the export before the next document (what was written is returned). Files are written
    atomically, replacing any of the same name. Terms are judged against ``analysis.as_of``.
    """
    if fmt not in FORMATS:
        raise ExportError(f"Unknown format '{fmt}'. Choose one of: {', '.join(FORMATS)}.")
    roles = select_roles(plan, role_names, include_non_clinical=include_non_clinical)
    out = _folder(out_dir)
    analysis = analysis if analysis is not None else _analyse(plan, today)
    renderer = _Renderer(fmt, template_dir)
    index = PlanIndex(plan, analysis)
    names = unique_file_names([(r.title, _qualifiers(index, r)) for r in roles], fmt)
    # Each file is written while the next document is made; cancel is asked again once the
    # write in flight is complete, so a stop still comes between documents.
    with WriteBehind(len(roles), progress) as writer:
        for role, name in zip(roles, names, strict=True):
            if cancel is not None and cancel():
                break
            context = role_context(plan, role, analysis, index=index, today=today)
            data = renderer.render(context)
            writer.wait()
            if cancel is not None and cancel():
                break
            writer.start(out / name, data)
    return writer.written


def planned_file_names(
    plan: Plan,
    fmt: str = "docx",
    *,
    role_names: list[str] | None = None,
    include_non_clinical: bool = False,
) -> list[str]:
    """The file names :func:`export_role_descriptions` would write, in the same order, so a
    caller can ask before replacing documents already in the folder."""
    roles = select_roles(plan, role_names, include_non_clinical=include_non_clinical)
    index = PlanIndex(plan, Analysis(findings=(), coverage=(), coverage_by_stage=()))
    return unique_file_names([(r.title, _qualifiers(index, r)) for r in roles], fmt)


def _analyse(plan: Plan, today: dt.date | None) -> Analysis:
    from govplanner.analysis import analyse

    return analyse(plan, as_of=today)


def _folder(out_dir: Path) -> Path:
    """The output folder, made if missing; a folder that cannot be made is an ExportError."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot create the folder {out}: {exc.strerror}.") from None
    return out


def render_role(
    plan: Plan,
    role: Role,
    analysis: Analysis,
    *,
    fmt: str = "html",
    template_dir: Path | None = None,
    today: dt.date | None = None,
) -> bytes:
    """One role's description as the bytes of a file in ``fmt`` (for previews and tests)."""
    if fmt not in FORMATS:
        raise ExportError(f"Unknown format '{fmt}'. Choose one of: {', '.join(FORMATS)}.")
    context = role_context(plan, role, analysis, today=today)
    return _Renderer(fmt, template_dir).render(context)


def _qualifiers(index: PlanIndex, role: Role) -> list[str]:
    """What tells two roles with the same title apart: their committees, then their holder."""
    names = [index.committees[c].name for c in role.committee_ids if c in index.committees]
    holder = index.holder(role)
    return [*names, holder] if holder else names


class _Renderer:
    """Renders contexts to file bytes in one format, with templates loaded once."""

    def __init__(self, fmt: str, template_dir: Path | None) -> None:
        self.fmt = fmt
        self.env = make_environment(template_dir, html=fmt != "md")
        self.docx: FastDocxBuilder | None = None
        if fmt == "docx":
            self.docx = _docx_builder(template_dir)

    def render(self, context: Context) -> bytes:
        if self.fmt == "md":
            return render(self.env, MARKDOWN_TEMPLATE, context).encode("utf-8")
        html = render(self.env, HTML_TEMPLATE, context)
        title = f"{context['role']['title']} – {context['words']['role']} description"
        if self.fmt == "html":
            return html.encode("utf-8")
        if self.docx is not None:
            return self.docx.build(
                html,
                title=title,
                subject=f"{context['plan']['name']}: {context['words']['role']} description",
                keywords=_keywords(context),
            )
        from govplanner.export.pdf import html_to_pdf

        running = f"{context['role']['title']} · {context['plan']['name']}"
        return html_to_pdf(html, title=title, running_title=running)


def _keywords(context: Context) -> list[str]:
    """The document's keywords: the post, its profession, bodies and committees, the plan."""
    role = context["role"]
    return [
        role["title"],
        role["profession"],
        *role["organisations"],
        *[c["name"] for c in context["committees"]],
        context["plan"]["name"],
        f"{context['words']['role']} description",
    ]


def _docx_builder(template_dir: Path | None) -> FastDocxBuilder:
    """A builder on the user's reference.docx if their folder has one, else the shipped one."""
    from govplanner.export.docx_fast import FastDocxBuilder

    folders = [Path(template_dir)] if template_dir else []
    folders.append(shipped_templates_dir())
    for folder in folders:
        candidate = folder / REFERENCE_DOCX
        if not candidate.is_file():
            continue
        from govplanner.export.reference_clean import read_reference

        data = read_reference(candidate)  # size limits; only the parts a reference lends
        try:
            return FastDocxBuilder(data)
        except Exception:  # python-docx raises several kinds for a damaged or foreign file
            raise TemplateRenderError(
                str(candidate), "this is not a Word document (.docx) usable as a reference"
            ) from None
    raise ExportError(f"No {REFERENCE_DOCX} found in {' or '.join(map(str, folders))}.")

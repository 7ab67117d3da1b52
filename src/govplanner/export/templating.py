"""The one jinja2 environment factory: sandboxed, strict, autoescaped HTML, user folder first."""

from __future__ import annotations

import importlib.resources
import re
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from govplanner.domain.errors import ExportError, TemplateRenderError
from govplanner.export.template_guard import (
    BoundedSandbox,
    GuardedLoader,
    TemplateLimitError,
    bound_filters,
    render_bounded,
)
from govplanner.files.text_safety import UNSAFE

#: The file every shipped-template folder must hold (used to recognise one).
MARKER = "role_description.html.j2"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def shipped_templates_dir() -> Path:
    """Shipped templates: ``govplanner/_templates`` in a wheel, else the repo's ``templates/``."""
    installed = Path(str(importlib.resources.files("govplanner"))) / "_templates"
    if (installed / MARKER).is_file():
        return installed
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if (checkout / MARKER).is_file():
        return checkout
    raise ExportError(
        "The shipped document templates are missing: looked in "
        f"{installed} and {checkout}. Reinstall govplanner."
    )


def make_environment(template_dir: Path | None = None, *, html: bool) -> jinja2.Environment:
    """A sandboxed environment that looks in ``template_dir`` (if given), then the shipped ones.

    Undefined names fail loudly (StrictUndefined); HTML output is autoescaped. The ``md``
    filter escapes user text for Markdown. Every value shown loses control and text-direction
    characters; the limits of :mod:`govplanner.export.template_guard` apply.
    """
    folders: list[Path] = []
    if template_dir is not None:
        folder = Path(template_dir)
        if folder.exists() and not folder.is_dir():
            raise ExportError(f"The template folder {folder} is a file, not a folder.")
        if not folder.is_dir():
            raise ExportError(f"The template folder {folder} does not exist.")
        folders.append(folder)
    folders.append(shipped_templates_dir())
    env = BoundedSandbox(
        loader=GuardedLoader([str(f) for f in folders], encoding="utf-8"),
        finalize=_clean,
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_escape
    bound_filters(env)
    return env


def _clean(value: object) -> object:
    """A value as shown: control and text-direction characters removed (they could break the
    document's XML or disguise text)."""
    return UNSAFE.sub("", value) if isinstance(value, str) else value


def markdown_escape(value: object) -> str:
    """User text made safe to drop into Markdown: one line, markup characters escaped."""
    text = " ".join(UNSAFE.sub("", str(value)).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render template ``name``; any failure is a TemplateRenderError naming file and line."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateRenderError(name, _not_found(env, name)) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateRenderError(
            _file_name(exc.filename, name), f"syntax error: {exc.message}", exc.lineno
        ) from None
    except UnicodeDecodeError:
        raise TemplateRenderError(name, "the file is not UTF-8 text") from None
    except TemplateLimitError as exc:
        raise TemplateRenderError(name, str(exc)) from None
    try:
        return render_bounded(template, context, html=bool(env.autoescape))
    except Exception as exc:  # any failure inside a template is the template's problem
        file_name, line = _template_position(exc, template.filename, name)
        raise TemplateRenderError(file_name, _describe(exc), line) from None


def _not_found(env: jinja2.Environment, name: str) -> str:
    loader = env.loader
    searched = getattr(loader, "searchpath", [])
    where = " or ".join(str(p) for p in searched) or "the template folders"
    return f"no template with this name in {where}"


def _file_name(filename: str | None, fallback: str) -> str:
    return Path(filename).name if filename else fallback


def _template_position(
    exc: BaseException, filename: str | None, name: str
) -> tuple[str, int | None]:
    """The template file and line the failure happened on (jinja2 rewrites the traceback)."""
    line: int | None = None
    file_name = _file_name(filename, name)
    if isinstance(exc, TemplateLimitError) and exc.where is not None:
        where_file, where_line = exc.where
        return _file_name(where_file, file_name), where_line
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(".j2") or frame.filename == filename:
            file_name, line = Path(frame.filename).name, frame.lineno
    if line is not None and isinstance(exc, TemplateLimitError):
        line += exc.extra_lines
    return file_name, line


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TemplateLimitError):
        return str(exc)
    if isinstance(exc, SecurityError):
        return (
            f"the template tried to reach something templates may not use "
            f"({str(exc).rstrip('.')}). Templates "
            "can only show the data they are given."
        )
    if isinstance(exc, jinja2.UndefinedError):
        return f"{exc.message} (check the spelling of the field name)"
    return f"{type(exc).__name__}: {exc}"

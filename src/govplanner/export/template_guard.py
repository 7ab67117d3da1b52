"""What a user's template may not do: reach files outside its folder, use files on this
computer, run for ever, produce unbounded output, or nest HTML deeper than any document needs.

The sandbox already keeps templates from Python's internals. This module adds the limits a
hostile or mistaken template needs on top: a loader that refuses links out of the template
folder and anything but small ordinary files; a sandbox that refuses operators and filters
that would build gigantic strings; and a renderer that streams the output, stopping it when
it grows too large, nests too deep or names a local file, and stopping any render that runs
too long (the template's own loop is interrupted, whatever it is doing).
"""

from __future__ import annotations

import bisect
import html
import os
import re
import stat
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

#: Largest template file read (the shipped ones are a few kilobytes).
MAX_TEMPLATE_BYTES = 1024 * 1024
#: Longest output of one render, in characters (a role description is about 20,000).
MAX_OUTPUT_CHARS = 5_000_000
#: Longest string, list or number one template expression may build.
MAX_VALUE_SIZE = 1_000_000
#: Longest a render may run, in seconds.
RENDER_SECONDS = 10.0
#: How much longer than that to wait for a render stuck in one long operation.
_GRACE_SECONDS = 5.0
#: Deepest nesting of HTML elements a rendered document may have.
MAX_HTML_DEPTH = 100

_SAFE_URL = re.compile(r"^\s*(?:https?:|mailto:|tel:|#|data:image/)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\s*\(\s*['\"]?([^'\")]*)", re.IGNORECASE)
_URL_ATTRIBUTES = frozenset({"src", "href", "background", "srcset", "poster", "data", "action"})
#: HTML elements that never have content, so never deepen the nesting.
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"]
)  # fmt: skip


class TemplateLimitError(Exception):
    """A template went past one of the limits; raised inside it, so its line is known.

    ``extra_lines`` is how far into the output the template was writing when it happened
    lies below the line it was on (its text is written a block at a time).
    """

    def __init__(
        self, problem: str, extra_lines: int = 0, where: tuple[str | None, int | None] | None = None
    ) -> None:
        super().__init__(problem)
        self.extra_lines = extra_lines
        self.where = where  # (template file, line) when found after the render


class GuardedLoader(jinja2.FileSystemLoader):
    """A file loader that reads only small ordinary files inside its folders.

    A link to a file in the same folder is fine; a link (or a path) that leads out of it,
    to ``/etc/shadow`` for instance, is refused, as are devices and pipes.
    """

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = os.path.join(folder, *pieces)
            if not os.path.lexists(filename):
                continue
            return _read_template(folder, filename, template, self.encoding)
        raise jinja2.TemplateNotFound(template)


def _read_template(
    folder: str, filename: str, template: str, encoding: str
) -> tuple[str, str, Callable[[], bool]]:
    root = os.path.realpath(folder)
    real = os.path.realpath(filename)
    if os.path.commonpath([root, real]) != root:
        raise TemplateLimitError(
            f"{template} is a link to {real}, outside the template folder; templates may "
            "only use files inside their own folder"
        )
    try:
        info = os.stat(real)
    except OSError as exc:
        raise jinja2.TemplateNotFound(template) from exc
    if not stat.S_ISREG(info.st_mode):
        raise TemplateLimitError(f"{template} is not an ordinary file")
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise TemplateLimitError(
            f"{template} is larger than {MAX_TEMPLATE_BYTES // 1024} KB, the most a template may be"
        )
    with open(real, "rb") as handle:
        data = handle.read(MAX_TEMPLATE_BYTES + 1)
    mtime = info.st_mtime
    return (
        data.decode(encoding),
        os.path.normpath(filename),
        lambda: os.path.isfile(real) and os.path.getmtime(real) == mtime,
    )


def _size(value: Any) -> int:
    if isinstance(value, (str, bytes, list, tuple)):
        return len(value)
    return 0


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with no operator or method able to build a gigantic value."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sized, count in ((left, right), (right, left)):
                if (
                    _size(sized)
                    and isinstance(count, int)
                    and _size(sized) * count > MAX_VALUE_SIZE
                ):
                    raise TemplateLimitError(_too_big("a repeated text or list"))
        elif operator == "**":
            if isinstance(right, int) and isinstance(left, int) and abs(left) > 1 and right > 64:
                raise TemplateLimitError(_too_big("a power"))
        elif operator == "+" and _size(left) + _size(right) > MAX_VALUE_SIZE:
            raise TemplateLimitError(_too_big("joined text"))
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_VALUE_SIZE:
                raise TemplateLimitError(_too_big(f"a call with the number {value}"))
        if _method_result_size(__obj, args) > MAX_VALUE_SIZE:
            raise TemplateLimitError(_too_big("the text this call makes"))
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        text = getattr(value, "__self__", None)
        if wrapped is not None and isinstance(text, str) and re.search(r"\d{6,}", text):

            def refuse(*_args: Any, **_kwargs: Any) -> str:
                raise TemplateLimitError(_too_big("a format width"))

            return refuse
        return wrapped


def _method_result_size(obj: Any, args: tuple[Any, ...]) -> int:
    """An upper bound on what a str method that multiplies its input would return."""
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return 0
    if name == "replace" and len(args) >= 2:
        return (len(owner) + 1) * max(1, _size(args[1]))
    if name == "join" and args and isinstance(args[0], (list, tuple)):
        return len(owner) * len(args[0]) + sum(_size(item) for item in args[0])
    return 0


def _too_big(what: str) -> str:
    return (
        f"{what} would be larger than {MAX_VALUE_SIZE:,} characters, the most a template may build"
    )


def bound_filters(env: jinja2.Environment) -> None:
    """Filters whose numeric argument sets an output size get that argument bounded."""
    for name in ("center", "indent", "wordwrap", "truncate", "format", "batch", "slice"):
        original = env.filters.get(name)
        if original is not None:
            env.filters[name] = _bounded(original, name)
    env.globals.pop("lipsum", None)  # lipsum(n) writes n paragraphs; no template needs it


def _bounded(original: Callable[..., Any], name: str) -> Callable[..., Any]:
    def checked(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[1:], *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > 10_000:
                raise TemplateLimitError(f"the '{name}' filter was given {value}, too large")
        if name == "format" and args and re.search(r"\d{5,}", str(args[0])):
            raise TemplateLimitError(_too_big("a format width"))
        return original(*args, **kwargs)

    # jinja2 passes the context or environment to filters that ask for it.
    for attr in ("jinja_pass_arg",):
        if hasattr(original, attr):
            setattr(checked, attr, getattr(original, attr))
    return checked


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(
    r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)


class _HtmlWatch:
    """Checks rendered HTML: nesting depth and references to local files.

    Regular expressions over the whole output once it is complete (output is bounded, so
    that is safe): an HTML parser in Python would cost more than the render itself.
    """

    def __init__(self) -> None:
        self.problem: str | None = None
        self.offset = 0  # where in the output the problem is

    def scan(self, text: str) -> bool:
        """True (with ``problem`` and ``offset`` set) if ``text`` breaks a rule."""
        depth = 0
        for match in _TAG.finditer(text):
            closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3)
            if tag in _VOID:
                pass
            elif closing:
                depth = max(0, depth - 1)
            elif not attrs.rstrip().endswith("/"):
                depth += 1
                if depth > MAX_HTML_DEPTH:
                    return self._fail(
                        f"the HTML is nested more than {MAX_HTML_DEPTH} elements deep, which no "
                        "document needs",
                        match.start(),
                    )
            if attrs and not closing and self._check_attributes(attrs, match.start()):
                return True
        for block in _STYLE_BLOCK.finditer(text):
            if self._check_css(block.group(1), block.start()):
                return True
        return False

    def _check_attributes(self, attrs: str, offset: int) -> bool:
        for match in _ATTRIBUTE.finditer(attrs):
            name = match.group(1).lower()
            value = html.unescape(next(v for v in match.groups()[1:] if v is not None))
            if name == "style" and self._check_css(value, offset):
                return True
            if name in _URL_ATTRIBUTES and value.strip() and not _SAFE_URL.match(value):
                return self._local(value, offset)
        return False

    def _check_css(self, css: str, offset: int) -> bool:
        for url in _CSS_URL.findall(css):
            if url.strip() and not _SAFE_URL.match(url):
                return self._local(url, offset)
        return False

    def _local(self, value: str, offset: int) -> bool:
        return self._fail(
            f"the template refers to '{value[:80]}', a file on this computer or an unknown "
            "kind of link; templates may link only to web (https:) or mail addresses",
            offset,
        )

    def _fail(self, problem: str, offset: int) -> bool:
        self.problem, self.offset = problem, offset
        return True


def render_bounded(template: jinja2.Template, context: Any, *, html: bool) -> str:
    """Render within the time and size limits; a TemplateLimitError (or the template's own
    error) is raised from inside the template, so its traceback gives the template's line.

    The render runs on a thread of its own whose tracer watches only the template's own code
    (frames of compiled templates), so the clock is checked on every line of the template
    without slowing anything else, and a debugger or coverage tool on the caller's thread is
    left alone.
    """
    result: list[str] = []
    failure: list[BaseException] = []
    deadline = time.monotonic() + RENDER_SECONDS

    def watch_line(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line" and time.monotonic() > deadline:
            raise RenderTimeoutError()
        return watch_line

    def watch_calls(frame: FrameType, event: str, arg: Any) -> Any:
        return watch_line if "__jinja_template__" in frame.f_globals else None

    def work() -> None:
        sys.settrace(watch_calls)
        try:
            result.append(_stream(template, context, html))
        except BaseException as exc:  # handed to the calling thread
            failure.append(exc)
        finally:
            sys.settrace(None)

    worker = threading.Thread(target=work, name="template-render", daemon=True)
    worker.start()
    worker.join(RENDER_SECONDS + _GRACE_SECONDS)
    if failure:
        raise failure[0]
    if not result:  # stuck outside the template's own code (one enormous operation)
        raise RenderTimeoutError()
    return result[0]


class RenderTimeoutError(TemplateLimitError):
    """Raised inside a template that ran for too long."""

    def __init__(self) -> None:
        super().__init__(
            f"the template ran for more than {RENDER_SECONDS:g} seconds (a loop that never "
            "ends, or a very large one)"
        )


def _innermost(stream: Any) -> Any:
    while getattr(stream, "gi_yieldfrom", None) is not None:
        stream = stream.gi_yieldfrom
    return stream


def _stream(template: jinja2.Template, context: Any, html: bool) -> str:
    """The output, chunk by chunk, noting where in the template each chunk came from."""
    parts: list[str] = []
    starts: list[int] = []  # output offset of each chunk
    places: list[tuple[Any, int]] = []  # (template, line of its compiled code) of each chunk
    total = 0
    stream: Any = template.generate(context)
    for chunk in stream:
        frame = _innermost(stream).gi_frame
        owner = frame.f_globals.get("__jinja_template__") if frame is not None else None
        places.append((owner, frame.f_lineno if frame is not None else 0))
        starts.append(total)
        parts.append(chunk)
        total += len(chunk)
        if total > MAX_OUTPUT_CHARS:
            # Thrown in where the template is, so the error names the template's line.
            stream.throw(
                TemplateLimitError(f"the output is larger than {MAX_OUTPUT_CHARS:,} characters")
            )
    text = "".join(parts)
    watch = _HtmlWatch()
    if html and watch.scan(text):
        index = max(0, bisect.bisect_right(starts, watch.offset) - 1)
        owner, code_line = places[index] if places else (None, 0)
        line = owner.get_corresponding_lineno(code_line) if owner is not None else None
        within = text.count("\n", starts[index] if starts else 0, watch.offset)
        raise TemplateLimitError(
            watch.problem or "",
            where=(owner.filename if owner else None, line + within if line else None),
        )
    return text

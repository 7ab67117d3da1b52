"""The one template environment: sandboxed, strict, escaped, user folder first, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2.sandbox import SandboxedEnvironment

from govplanner.domain.errors import ExportError, TemplateRenderError
from govplanner.export.templating import (
    make_environment,
    markdown_escape,
    render,
    shipped_templates_dir,
)

REPO = Path(__file__).resolve().parents[2]


def _user_template(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_shipped_templates_are_the_repos_templates_folder_in_a_checkout() -> None:
    folder = shipped_templates_dir()
    assert folder == REPO / "templates"
    assert (folder / "role_description.html.j2").is_file()
    assert (folder / "role_description.md.j2").is_file()
    assert (folder / "reference.docx").is_file()


def test_environment_is_sandboxed_and_escapes_html() -> None:
    env = make_environment(None, html=True)
    assert isinstance(env, SandboxedEnvironment)
    out = env.from_string("<p>{{ name }}</p>").render(name="<script>alert(1)</script>")
    assert out == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_markdown_environment_does_not_html_escape() -> None:
    env = make_environment(None, html=False)
    assert env.from_string("{{ name }}").render(name="A & B") == "A & B"


def test_user_folder_is_searched_before_the_shipped_templates(tmp_path: Path) -> None:
    folder = _user_template(tmp_path, "role_description.html.j2", "mine: {{ role.title }}")
    env = make_environment(folder, html=True)
    assert render(env, "role_description.html.j2", {"role": {"title": "X"}}) == "mine: X"
    # A template the user did not override still comes from the shipped folder.
    assert env.get_template("role_description.md.j2").filename is not None


def test_missing_user_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        make_environment(tmp_path / "nowhere", html=True)


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    folder = _user_template(tmp_path, "broken.html.j2", "line one\nline two\n{% if %}\n")
    env = make_environment(folder, html=True)
    with pytest.raises(TemplateRenderError) as caught:
        render(env, "broken.html.j2", {})
    error = caught.value
    assert error.template == "broken.html.j2"
    assert error.line == 3
    assert "broken.html.j2, line 3" in str(error)


def test_undefined_field_names_file_and_line(tmp_path: Path) -> None:
    text = "<h1>{{ role.title }}</h1>\n\n<p>{{ role.no_such_field }}</p>\n"
    folder = _user_template(tmp_path, "strict.html.j2", text)
    env = make_environment(folder, html=True)
    with pytest.raises(TemplateRenderError) as caught:
        render(env, "strict.html.j2", {"role": {"title": "Lead"}})
    assert caught.value.template == "strict.html.j2"
    assert caught.value.line == 3
    assert "no_such_field" in caught.value.problem


def test_error_in_an_included_template_names_that_template(tmp_path: Path) -> None:
    _user_template(tmp_path, "part.html.j2", "ok\n{{ missing }}\n")
    folder = _user_template(tmp_path, "main.html.j2", "{% include 'part.html.j2' %}\n")
    with pytest.raises(TemplateRenderError) as caught:
        render(make_environment(folder, html=True), "main.html.j2", {})
    assert (caught.value.template, caught.value.line) == ("part.html.j2", 2)


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ role.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_sandbox_escape_attempts_are_template_errors(tmp_path: Path, attack: str) -> None:
    folder = _user_template(tmp_path, "evil.html.j2", f"<p>fine</p>\n{attack}\n")
    env = make_environment(folder, html=True)
    with pytest.raises(TemplateRenderError) as caught:
        render(env, "evil.html.j2", {"role": {"title": "x"}})
    assert caught.value.template == "evil.html.j2"
    assert caught.value.line == 2


def test_sandbox_error_says_what_happened(tmp_path: Path) -> None:
    folder = _user_template(tmp_path, "evil.html.j2", "{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateRenderError, match="may not use"):
        render(make_environment(folder, html=True), "evil.html.j2", {})


def test_unknown_template_is_a_template_error() -> None:
    with pytest.raises(TemplateRenderError, match="no template with this name"):
        render(make_environment(None, html=True), "nothing_here.html.j2", {})


def test_template_that_is_not_utf8_is_a_template_error(tmp_path: Path) -> None:
    (tmp_path / "latin.html.j2").write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(TemplateRenderError, match="not UTF-8"):
        render(make_environment(tmp_path, html=True), "latin.html.j2", {})


def test_markdown_escape_neutralises_markup_and_joins_lines() -> None:
    assert markdown_escape("a *b* _c_ [d](e) <f> | #g\nh") == (
        r"a \*b\* \_c\_ \[d\](e) \<f\> \| \#g h"
    )

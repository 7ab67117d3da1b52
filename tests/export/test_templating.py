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


# -- what a template may not do (issue 16) ------------------------------------------------------


def _render_user(tmp_path: Path, text: str, *, html: bool = True, name: str = "t.html.j2") -> str:
    folder = _user_template(tmp_path, name, text)
    return render(make_environment(folder, html=html), name, {"role": {"title": "Lead"}})


def test_a_template_that_links_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is swordfish", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "role_description.html.j2").symlink_to(secret)
    env = make_environment(folder, html=True)
    with pytest.raises(TemplateRenderError, match="outside the template folder"):
        render(env, "role_description.html.j2", {})


def test_an_include_that_links_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is swordfish", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "part.html.j2").symlink_to(secret)
    (folder / "main.html.j2").write_text("<p>\n{% include 'part.html.j2' %}</p>", "utf-8")
    env = make_environment(folder, html=True)
    with pytest.raises(TemplateRenderError, match="outside the template folder") as caught:
        render(env, "main.html.j2", {})
    assert "swordfish" not in str(caught.value)


def test_a_link_inside_the_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "real.html.j2").write_text("<p>{{ role.title }}</p>", encoding="utf-8")
    (tmp_path / "alias.html.j2").symlink_to(tmp_path / "real.html.j2")
    env = make_environment(tmp_path, html=True)
    assert render(env, "alias.html.j2", {"role": {"title": "Lead"}}) == "<p>Lead</p>"


def test_a_device_as_a_template_is_refused(tmp_path: Path) -> None:
    (tmp_path / "role_description.html.j2").symlink_to("/dev/zero")
    env = make_environment(tmp_path, html=True)
    with pytest.raises(TemplateRenderError):
        render(env, "role_description.html.j2", {})


@pytest.mark.parametrize(
    "reference",
    [
        '<img src="/etc/hostname">',
        '<img src="file:///etc/hostname">',
        '<img src="logo.png">',
        '<a href="file:///C:/Users/alice/Documents/board.docx">x</a>',
        '<p style="background-image: url(/etc/hostname)">x</p>',
        "<style>p { background: url('file:///etc/hostname') }</style>",
        '<img src="\\\\server\\share\\logo.png">',
    ],
)
def test_a_template_may_not_use_files_on_this_computer(tmp_path: Path, reference: str) -> None:
    with pytest.raises(TemplateRenderError, match="a file on this computer") as caught:
        _render_user(tmp_path, f"<h1>x</h1>\n\n{reference}\n")
    assert caught.value.line == 3


def test_web_and_mail_links_and_inline_images_are_fine(tmp_path: Path) -> None:
    text = (
        '<a href="https://www.england.nhs.uk/">NHS England</a> <a href="mailto:a@b.nhs.uk">m</a>'
        ' <a href="#top">top</a> <img src="data:image/png;base64,iVBORw0KGgo=">'
    )
    assert _render_user(tmp_path, text) == text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{{ 'a' * 1000000000 }}", "larger than 1,000,000 characters"),
        ("{{ [1] * 1000000000 }}", "larger than 1,000,000 characters"),
        ("{{ 10 ** 100000000 }}", "a power"),
        ("{{ 'a'.center(1000000000) }}", "larger than"),
        ("{{ 'a'|center(1000000000) }}", "too large"),
        ("{{ '{:>1000000000}'.format(1) }}", "a format width"),
        ("{{ '%1000000000d'|format(1) }}", "a format width"),
        ("{% set s = 'a' * 999999 %}{{ s.replace('', s) }}", "larger than"),
    ],
)
def test_a_template_cannot_build_a_gigantic_value(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(TemplateRenderError, match=says) as caught:
        _render_user(tmp_path, "<p>\n" + text + "\n</p>")
    assert caught.value.line == 2


def test_a_template_that_runs_for_ever_is_stopped_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govplanner.export import template_guard

    monkeypatch.setattr(template_guard, "RENDER_SECONDS", 0.5)
    text = (
        "<p>start</p>\n{% for i in range(100000) %}{% for j in range(100000) %}"
        "{% if i < 0 %}x{% endif %}{% endfor %}{% endfor %}\n"
    )
    with pytest.raises(TemplateRenderError, match=r"ran for more than 0\.5 seconds") as caught:
        _render_user(tmp_path, text)
    assert caught.value.line == 2


def test_output_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govplanner.export import template_guard

    monkeypatch.setattr(template_guard, "MAX_OUTPUT_CHARS", 10_000)
    text = "<p>\n{% for i in range(100000) %}{{ 'abcdefghij' }}{% endfor %}\n</p>"
    with pytest.raises(TemplateRenderError, match="larger than 10,000 characters") as caught:
        _render_user(tmp_path, text)
    assert caught.value.line == 2


def test_deeply_nested_html_is_refused_with_the_templates_line(tmp_path: Path) -> None:
    text = "<h1>Role</h1>\n\n{% for i in range(5000) %}<div>{% endfor %}\n"
    with pytest.raises(TemplateRenderError, match="nested more than 100 elements") as caught:
        _render_user(tmp_path, text)
    assert caught.value.line == 3
    assert caught.value.template == "t.html.j2"


def test_shown_values_lose_control_and_direction_characters(tmp_path: Path) -> None:
    folder = _user_template(tmp_path, "t.html.j2", "<p>{{ role.title }}</p>")
    env = make_environment(folder, html=True)
    title = "Lead\x1b[2J\u202eexe.docx"
    assert render(env, "t.html.j2", {"role": {"title": title}}) == "<p>Lead[2Jexe.docx</p>"
    assert markdown_escape("a\x07b\u2066c") == "abc"

"""The JSON the commands print (issue 17): the same value as ``json.dumps`` would give, with
the structure indented and each record (a finding, a coverage row) on a line of its own."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govplanner.cli import json_text

_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=25,
)


@given(_values)
def test_the_text_is_the_same_json_value(value: Any) -> None:
    text = json_text.dumps(value)
    assert text.endswith("\n")
    assert json.loads(text) == value


def test_keys_that_are_not_text_are_written_as_json_writes_them() -> None:
    value: dict[Any, Any] = {2: [{"a": 1}], True: [[1]], None: [{}], 1.5: "x"}
    assert json.loads(json_text.dumps(value)) == json.loads(json.dumps(value))


def test_a_record_is_one_line_and_the_structure_is_indented() -> None:
    report = {
        "plan": "Example",
        "summary": {"critical": 1, "warning": 0},
        "findings": [
            {"code": "GAP001", "message": "Line one", "closed_by": ["rol_1", "rol_2"]},
            {"code": "CLN001", "message": "Élan, “quoted”", "closed_by": []},
        ],
        "coverage": [{"tier": "System", "functions": {"analytical": {"required": 2}}}],
        "empty": [],
    }
    assert json_text.dumps(report).splitlines() == [
        "{",
        '  "plan": "Example",',
        '  "summary": {"critical": 1, "warning": 0},',
        '  "findings": [',
        '    {"code": "GAP001", "message": "Line one", "closed_by": ["rol_1", "rol_2"]},',
        '    {"code": "CLN001", "message": "Élan, “quoted”", "closed_by": []}',
        "  ],",
        '  "coverage": [',
        '    {"tier": "System", "functions": {"analytical": {"required": 2}}}',
        "  ],",
        '  "empty": []',
        "}",
    ]


def test_records_inside_records_get_lines_of_their_own() -> None:
    value = {"before": {"roles": [{"id": "a"}, {"id": "b"}], "plan": "P"}}
    assert json_text.dumps(value).splitlines() == [
        "{",
        '  "before": {',
        '    "roles": [',
        '      {"id": "a"},',
        '      {"id": "b"}',
        "    ],",
        '    "plan": "P"',
        "  }",
        "}",
    ]


@given(_values)
def test_a_record_is_written_as_json_dumps_writes_it(value: Any) -> None:
    record = {"code": "GAP001", "value": value if not isinstance(value, (dict, list)) else 0}
    assert json_text.dumps(record) == json.dumps(record, ensure_ascii=False) + "\n"
    flat = [1, "two", None, 2.5, "é"]
    assert json_text.dumps(flat) == json.dumps(flat, ensure_ascii=False) + "\n"

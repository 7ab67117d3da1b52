"""Structure tags: Qt's text objects marked as the heading, paragraph or cell they fall in."""

from __future__ import annotations

from govplanner.export.pdf_pages import Page
from govplanner.export.pdf_tags import Element, Leaf, mark_content, placed, structure_objects

CONTENT = (
    b"q\n1 0 0 1 100 200 cm\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n0 -20 Td <0001> Tj\nET\nQ\n"
    b"q\n1 0 0 1 100 200 cm\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n0 -90 Td <0002> Tj\nET\nQ\n"
    b"q\n1 0 0 1 100 3400 cm\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n0 -20 Td <0003> Tj\nET\nQ\n"
)


def test_text_is_marked_as_the_element_it_falls_in_and_the_rest_is_an_artifact() -> None:
    elements = [
        Element("H2", ((0, 90, 210, 600, 240),)),
        Element("P", ((0, 90, 280, 600, 300),)),
        Element("P", ((1, 90, 210, 600, 240),)),  # on another page
    ]
    marked, indices = mark_content(CONTENT, 0, elements)
    assert indices == [0, 1]
    assert marked.count(b"BDC") == 2
    assert b"/H2 << /MCID 0 >> BDC\nBT" in marked
    assert b"/P << /MCID 1 >> BDC\nBT" in marked
    assert marked.count(b"/Artifact BMC\nBT") == 1  # the foot of the page: no element there
    assert marked.count(b"EMC") == 3


def test_a_cell_inside_a_larger_box_wins() -> None:
    elements = [Element("P", ((0, 0, 0, 1000, 1000),)), Element("TD", ((0, 90, 210, 200, 240),))]
    assert mark_content(CONTENT, 0, elements)[1][0] == 1


def test_leaves_are_placed_on_the_pages_they_were_cut_onto() -> None:
    leaves = [Leaf("P", (), (0, 0, 100, 30)), Leaf("TD", ("TR", 1, 2), (0, 90, 100, 130))]
    pages = [Page(0, 100), Page(100, 200, header=(80.0, 95.0))]
    first, cell = placed(leaves, pages, left=10, top=50)
    assert first.boxes == ((0, 10, 50, 110, 80),)
    # The cell runs over the break: its part on page 2 sits below the repeated header band.
    assert cell.boxes == ((0, 10, 140, 110, 150), (1, 10, 65, 110, 95))


def test_the_structure_tree_nests_lists_and_tables_and_points_at_the_marks() -> None:
    elements = [
        Element("H1", ()),
        Element("LI", (), ("L", 7)),
        Element("LI", (), ("L", 7)),
        Element("TH", (), ("TR", 3, 0, True)),  # a header row
        Element("TH", (), ("TR", 3, 1, False)),  # a row header in the body
        Element("TD", (), ("TR", 3, 1, False)),
        Element("P", ()),  # never drawn: left out
    ]
    objects, next_number = structure_objects(
        elements, [[0, 1], [2, 3, 4, 5]], pages=[40, 41], first=100, language="en-GB"
    )
    text = b" ".join(objects[n] for n in sorted(objects))
    assert objects[100].startswith(b"<< /Type /StructTreeRoot /K [101 0 R]")
    kinds = [
        objects[n].split(b"/S /")[1].split()[0] for n in sorted(objects) if b"/S /" in objects[n]
    ]
    assert kinds == [
        b"Document",
        b"H1",
        b"L",
        b"LI",
        b"LBody",
        b"LI",
        b"LBody",
        b"Table",
        b"THead",
        b"TR",
        b"TH",
        b"TBody",
        b"TR",
        b"TH",
        b"TD",
    ]
    heads = [objects[n] for n in sorted(objects) if b"/S /TH " in objects[n]]
    assert [h.endswith(b"/A << /O /Table /Scope /%s >> >>" % s) for h, s in
            zip(heads, (b"Column", b"Row"), strict=True)] == [True, True]  # fmt: skip
    assert not any(b"/A " in objects[n] for n in objects if b"/S /TD " in objects[n])
    assert b"/Type /MCR /Pg 41 0 R /MCID 2" in text
    assert b"/Lang (en-GB)" in objects[101]
    parent_tree = next_number - 1
    assert objects[parent_tree].startswith(b"<< /Nums [0 [")


def test_paths_are_artifacts_and_text_inside_is_left_alone() -> None:
    content = (
        b"q\n1 0 0 1 10 10 cm\n118 427 509 107 re\nf\nQ\n"
        b"q\n0 5 m\n5 5 l\n5 0 l\nh\nW* n\nQ\n" + CONTENT
    )
    marked, _ = mark_content(content, 0, [])
    assert b"/Artifact BMC\n118 427 509 107 re\nf\nEMC\n" in marked
    assert b"/Artifact BMC\n0 5 m\n5 5 l\n5 0 l\nh\nW* n\nEMC\n" in marked
    assert marked.count(b"BMC") == marked.count(b"EMC") == 5  # 2 paths and 3 text objects


def test_text_in_the_margins_is_the_running_head_or_foot() -> None:
    content = (
        b"q\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n200 -150 Td <0001> Tj\nET\nQ\n"
        b"q\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n1100 -3370 Td <0002> Tj\nET\nQ\n"
        b"q\n1 0 0 1 100 200 cm\nBT\n/F1 10 Tf 1 0 0 -1 0 0 Tm\n0 -900 Td <0003> Tj\nET\nQ\n"
    )
    marked, indices = mark_content(content, 0, [], margins=(260.0, 3272.0))
    assert indices == []
    head = b"/Artifact << /Type /Pagination /Subtype /Header >> BDC\nBT"
    foot = b"/Artifact << /Type /Pagination /Subtype /Footer >> BDC\nBT"
    assert marked.index(head) < marked.index(foot)
    assert marked.count(head) == marked.count(foot) == 1
    # Text in the body that no element holds (a repeated table header) is a plain artifact.
    assert marked.count(b"/Artifact BMC\nBT") == 1

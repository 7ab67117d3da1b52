"""A role's seats in words: whom it answers to, how it sits on each committee, what each does.

The role description's "Accountable to", "Sits on", the committees table and the seat-based
responsibilities all come from here, from the committees' accountable lines, chairs, kinds and
the role's seat memberships.

Accountable to (:func:`accountability`):

* For its seats as member or participant, the post answers to the chair of its
  **highest-level** committee(s) only, leaving out any committee that is itself accountable
  (directly or through others) to a committee the post sits on: that is where the post's
  accountability sits, while on the committees below it the post contributes under their
  chairs' direction of business without being accountable to each of them. A post on five
  committees therefore reads "the ICB Chair, as chair of the Integrated Care Board", not
  "the chair of" five committees; all its seats are listed apart (:func:`sits_on`).
  Top-level committees chaired by one post collapse into one line; those whose chair is
  not recorded are named together ("the chairs of the A and the B").
* For the committees the role **chairs**, it answers to the committees those are
  accountable to (their accountable lines). Chaired committees that meet in common, or
  that answer to the same committees, share one line. A chaired committee with no
  accountable line answers to the bodies it belongs to.
* Seats in attendance and as deputy are not accountability: they are shown only as seats.
  A post with no other line answers to the organisation(s) that employ, appoint or
  nominate it.

The plan records no line management (who employs or manages the post-holder), so the
rule is built only from the committees, their accountable lines and their chairs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from govplanner.domain.enums import CommitteeKind, Level, Membership
from govplanner.domain.governance import KIND_INFO
from govplanner.domain.model import Committee, Organisation, Plan, Role
from govplanner.domain.vocabulary import Words
from govplanner.export.wording import and_list, count, the


class SeatIndex(Protocol):
    """What these functions read from the export's plan index."""

    plan: Plan
    committees: dict[str, Committee]
    roles: dict[str, Role]
    organisations: dict[str, Organisation]
    #: committees-in-common group id -> its committees, in plan order
    group_members: dict[str, list[Committee]]
    words: Words

    def level(self, committee: Committee) -> Level | None: ...


_KIND_NOUNS: dict[CommitteeKind, Callable[[str], str]] = {
    CommitteeKind.DECISION: lambda word: f"a decision-making {word}",
    CommitteeKind.CLINICAL_FORUM: lambda _: "a clinical and care professional forum",
    CommitteeKind.ASSURANCE: lambda word: f"an assurance {word}",
    CommitteeKind.ADVISORY: lambda word: f"an advisory {word}",
}


def kind_phrase(kind: CommitteeKind, committee_word: str) -> str:
    """'an assurance committee', 'a clinical and care professional forum'."""
    return _KIND_NOUNS[kind](committee_word)


def kind_plural(kind: CommitteeKind, committees_word: str) -> str:
    """'assurance committees', 'clinical and care professional forums'."""
    if kind is CommitteeKind.CLINICAL_FORUM:
        return "clinical and care professional forums"
    return _KIND_NOUNS[kind](committees_word).split(" ", 1)[1]


def seat_text(idx: SeatIndex, role: Role, committee: Committee) -> str:
    """How the role sits on the committee: 'Chair', 'Member', 'Participant (non-voting)',
    'In attendance' or 'Deputy for the Director of Public Health'."""
    if committee.chair_role_id == role.id:
        return "Chair"
    membership = role.membership_on(committee.id) or Membership.MEMBER
    if membership is Membership.PARTICIPANT:
        return "Participant (non-voting)"
    if membership is Membership.ATTENDEE:
        return "In attendance"
    if membership is Membership.DEPUTY:
        deputised = idx.roles.get(role.deputy_for_id or "")
        return f"Deputy for the {deputised.title}" if deputised else "Deputy"
    return "Member"


def accountable_targets(idx: SeatIndex, committee: Committee) -> list[Committee]:
    return [idx.committees[t] for t in committee.accountable_to_ids if t in idx.committees]


def organisation_names(idx: SeatIndex, ids: list[str]) -> list[str]:
    return [idx.organisations[o].name for o in ids if o in idx.organisations]


def accountability(idx: SeatIndex, role: Role, committees: list[Committee]) -> list[str]:
    """Whom the post answers to, in as few lines as the seats allow (the rule is in the
    module's docstring, under "Accountable to")."""
    chaired = [c for c in committees if c.chair_role_id == role.id]
    seated = [
        c
        for c in committees
        if c not in chaired and role.membership_on(c.id) not in _NOT_ACCOUNTABLE
    ]
    lines: list[str] = []
    named: set[str] = {role.id}
    if seated:
        roots = _roots(idx, seated, {c.id for c in committees})
        top = [c for c in roots if _order(idx, c) == min(_order(idx, c) for c in roots)]
        lines += _member_lines(idx, top)
        named |= {c.chair_role_id for c in top if c.chair_role_id}
    lines += _chair_lines(idx, chaired, named)
    return lines or _organisation_line(idx, role)


def _organisation_line(idx: SeatIndex, role: Role) -> list[str]:
    """A post with no committee line answers to the bodies that employ or nominate it."""
    bodies = organisation_names(idx, role.organisation_ids)
    if not bodies:
        return []
    if len(bodies) == 1:
        return [f"{bodies[0]}, which employs, appoints or nominates the post"]
    return [f"{and_list(bodies)}, which jointly employ, appoint or nominate the post"]


#: Seats that carry no accountability to the committee's chair: the post attends or stands
#: in, answering to its own organisation.
_NOT_ACCOUNTABLE = (Membership.ATTENDEE, Membership.DEPUTY)


def _roots(idx: SeatIndex, seated: list[Committee], seat_ids: set[str]) -> list[Committee]:
    """The seated committees not accountable (through any chain of accountable lines) to
    another committee the post sits on: a sub-committee of the post's board is not a second
    line of accountability."""
    roots = []
    for committee in seated:
        seen, todo = {committee.id}, list(committee.accountable_to_ids)
        reaches = False
        while todo and not reaches:
            target = todo.pop()
            if target in seen:
                continue
            seen.add(target)
            reaches = target in seat_ids
            parent = idx.committees.get(target)
            if parent is not None:
                todo.extend(parent.accountable_to_ids)
        if not reaches:
            roots.append(committee)
    return roots or seated


def _order(idx: SeatIndex, committee: Committee) -> int:
    level = idx.level(committee)
    return level.order if level else 9


def _chair_lines(idx: SeatIndex, chaired: list[Committee], named: set[str]) -> list[str]:
    """One line per set of chaired committees; the targets' chair is named once, if shared."""
    groups: dict[str, list[Committee]] = {}
    for committee in chaired:
        ids = ",".join(committee.accountable_to_ids)
        key = f"group:{committee.group_id}" if committee.group_id else f"to:{ids}"
        if not ids and not committee.group_id:
            key = f"self:{committee.id}"
        groups.setdefault(key, []).append(committee)
    lines = []
    for key, members in groups.items():
        names = and_list([the(c.name) for c in members])
        if key.startswith("group:") and len(members) > 1:
            names += " (meeting in common)"
        targets: list[Committee] = []
        for committee in members:
            targets += [t for t in accountable_targets(idx, committee) if t not in targets]
        chairs = {t.chair_role_id for t in targets}
        chair_id = next(iter(chairs)) if len(chairs) == 1 else None
        if targets and chair_id and chair_id not in named and chair_id in idx.roles:
            whom = f"the {idx.roles[chair_id].title}, as chair of " + and_list(
                [the(t.name) for t in targets]
            )
        elif targets:
            whom = and_list([the(t.name) for t in targets])
        else:
            bodies = organisation_names(idx, members[0].organisation_ids)
            whom = and_list(bodies) if bodies else "the partner organisations it serves"
        lines.append(f"As chair of {names}: to {whom}")
    return lines


def _member_lines(idx: SeatIndex, top: list[Committee]) -> list[str]:
    by_chair: dict[str, list[Committee]] = {}
    unchaired: list[Committee] = []
    for committee in top:
        chair = idx.roles.get(committee.chair_role_id or "")
        if chair is None:
            unchaired.append(committee)
        else:
            by_chair.setdefault(chair.id, []).append(committee)
    lines = [
        f"The {idx.roles[chair_id].title}, as chair of " + and_list([the(c.name) for c in chaired])
        for chair_id, chaired in by_chair.items()
    ]
    if unchaired:
        chairs = "chair" if len(unchaired) == 1 else "chairs"
        lines.append(f"The {chairs} of " + and_list([the(c.name) for c in unchaired]))
    return lines


def sits_on(idx: SeatIndex, role: Role, committees: list[Committee]) -> list[str]:
    """Each seat as 'Audit Committee (member)' or 'Assembly (participant, non-voting)'."""
    seats = [_lower_first(seat_text(idx, role, c)).replace(" (non-voting)", ", non-voting")
             for c in committees]  # fmt: skip
    return [f"{c.name} ({seat})" for c, seat in zip(committees, seats, strict=True)]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def reporting_line(idx: SeatIndex, committee: Committee) -> list[str]:
    """The committee and, step by step, those it is accountable to; stops at a cycle.

    A step with several committees (a joint committee answers to each of its bodies' boards)
    names them together: 'ICB A Board and ICB B Board'.
    """
    chain, seen = [committee.name], {committee.id}
    step = [committee]
    while step:
        targets: list[Committee] = []
        for current in step:
            for target in accountable_targets(idx, current):
                if target.id not in seen:
                    seen.add(target.id)
                    targets.append(target)
        if targets:
            chain.append(and_list([t.name for t in targets]))
        step = targets
    if len(chain) == 1:
        chain[0] += f" (accountable to no other {idx.words.committee})"
    return chain


#: What a voting member does, by what the committee is for.
_MEMBER_DUTIES: dict[CommitteeKind, str] = {
    CommitteeKind.DECISION: "take part in its business and its decisions, with a vote",
    CommitteeKind.CLINICAL_FORUM: (
        "bring your professional view to its advice and leadership, with a vote"
    ),
    CommitteeKind.ASSURANCE: (
        "scrutinise the assurance it receives and agree its reports to the board, with a vote"
    ),
    CommitteeKind.ADVISORY: "contribute to the advice it gives, with a vote",
}
_CHAIR_DUTIES: dict[CommitteeKind, str] = {
    CommitteeKind.DECISION: "lead its decisions",
    CommitteeKind.CLINICAL_FORUM: "lead its professional advice",
    CommitteeKind.ASSURANCE: "lead its scrutiny without taking part in the management it reviews",
    CommitteeKind.ADVISORY: "lead the advice it gives",
}


def seat_duty(idx: SeatIndex, role: Role, committee: Committee) -> str:
    """What the seat asks of the post on one committee, worded by the committee's kind."""
    name = the(committee.name)
    if committee.chair_role_id == role.id:
        to = and_list([the(t.name) for t in accountable_targets(idx, committee)])
        reports = f", and account for its work to {to}" if to else ""
        quorate = ", see that it is quorate" if committee.quorum else ""
        return (
            f"Chair {name}: set its agenda, {_CHAIR_DUTIES[committee.kind]}{quorate} and keep "
            f"it within its terms of reference{reports}."
        )
    membership = role.membership_on(committee.id) or Membership.MEMBER
    if membership is Membership.DEPUTY:
        deputised = idx.roles.get(role.deputy_for_id or "")
        whom = f"the {deputised.title}" if deputised else "the member you deputise for"
        return f"On {name}, stand in for {whom} when they cannot attend."
    if membership is Membership.PARTICIPANT:
        duty = "take a full part in its discussions, without a vote"
    elif membership is Membership.ATTENDEE:
        duty = "attend to inform and advise its business, without a vote"
    else:
        duty = _MEMBER_DUTIES[committee.kind]
        if committee.quorum:
            duty += f", counting towards its quorum of {count(committee.quorum, 'member')}"
    return f"On {name}, {duty}."


def committee_notes(idx: SeatIndex, committee: Committee) -> list[str]:
    """Facts a reader needs about one committee: what it is, its bodies, its group, quorum."""
    w = idx.words
    notes = [
        f"{kind_phrase(committee.kind, w.committee).capitalize()} that "
        f"{KIND_INFO[committee.kind].does}."
    ]
    bodies = organisation_names(idx, committee.organisation_ids)
    if len(bodies) > 1:
        notes.append(f"A joint {w.committee} of {and_list(bodies)}, deciding for each of them.")
    elif bodies:
        notes.append(f"A {w.committee} of {bodies[0]}.")
    group = idx.plan.group(committee.group_id) if committee.group_id else None
    if group is not None:
        partners = [
            the(c.name) for c in idx.group_members.get(group.id, []) if c.id != committee.id
        ]
        if partners:
            notes.append(
                f"Meets in common with {and_list(partners)} ({group.name}), each still "
                "deciding for its own body."
            )
    if committee.quorum:
        clinical = (
            ", including a clinical or care professional member"
            if committee.quorum_clinical
            else ""
        )
        notes.append(f"Quorum: {count(committee.quorum, 'member')}{clinical}.")
    elif committee.quorum_clinical:
        notes.append("Its quorum must include a clinical or care professional member.")
    if committee.meeting_frequency:
        notes.append(f"Meets: {committee.meeting_frequency}.")
    return notes

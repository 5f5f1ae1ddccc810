"""The kept deadlines (desk.services.due_index) say what every open case's snapshot says, after any change."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from desk.services import due_index
from tests.conftest import DeskEnv

TODAY = date.today()
UNTIL = TODAY + timedelta(days=7)


def from_snapshots(env: DeskEnv, today: date = TODAY) -> list[tuple[int, str, date | None, bool]]:
    """What the panel listed before the deadlines were kept: each open case's snapshot, computed now."""
    from desk.procedure.deadlines import upcoming
    from desk.services.calendar_admin import calendar
    from desk.services.cases import list_cases, load_casefile

    with env.uow(write=False) as uow:
        cal = calendar(uow.session)
        found = [(row.id, d.rule, d.due, d.overdue) for row in list_cases(uow, status="open")
                 for d in upcoming(load_casefile(uow, row.id), cal, today) if d.due is None or d.due <= UNTIL]
    return sorted(found, key=lambda x: (x[2] or date.min, x[0]))


def kept(env: DeskEnv, *, limit: int = 500, today: date = TODAY) -> due_index.DueList:
    with env.uow() as uow:
        due_index.refresh(uow, due_index.stale(uow), today)
    with env.uow(write=False) as uow:
        assert due_index.stale(uow) == []
        return due_index.due_soon(uow, until=UNTIL, today=today, week_end=UNTIL, limit=limit)


def listed(found: due_index.DueList) -> list[tuple[int, str, date | None, bool]]:
    return [(i.case_id, i.deadline.rule, i.deadline.due, i.deadline.overdue) for i in found.items]


def stale(env: DeskEnv) -> list[int]:
    with env.uow(write=False) as uow:
        return due_index.stale(uow)


def test_kept_deadlines_are_the_snapshots_and_follow_every_change(desk_env: DeskEnv, tmp_path: Path) -> None:
    assert desk_env.run("demo", "--cases", "12").code == 0
    with desk_env.uow(write=False) as uow:
        open_ids = [row[0] for row in uow.session.execute(due_index._open_cases(uow))]
    assert sorted(stale(desk_env)) == sorted(open_ids)  # nothing kept yet: every open case
    first = kept(desk_env)
    expected = from_snapshots(desk_env)
    assert expected and listed(first) == expected
    assert first.total == len(expected)
    assert first.overdue == sum(1 for x in expected if x[3]) and first.undated == sum(1 for x in expected if not x[2])
    assert first.this_week == {x[0] for x in expected if x[2] and x[2] <= UNTIL}

    # a later day: the same kept deadlines, judged on that day (what falls due, what is overdue)
    later = TODAY + timedelta(days=30)
    assert listed(kept(desk_env, today=later))[: len(expected)] != [] and stale(desk_env) == []

    # an event recorded in one case: that case only is computed again
    case_id, rule = next((x[0], x[1]) for x in expected if x[1] == "R-NOTICE-WAIT")
    done = desk_env.run("record", str(case_id), "statement_waived", "--on", TODAY.isoformat())
    assert done.code == 0, done.err
    assert stale(desk_env) == [case_id]
    after = kept(desk_env)
    assert (case_id, rule) not in {(i.case_id, i.deadline.rule) for i in after.items}
    assert listed(after) == from_snapshots(desk_env)

    # the soonest only, counted all
    one = kept(desk_env, limit=1)
    assert len(one.items) == 1 and one.total == after.total and listed(one) == listed(after)[:1]

    # a calendar import: every open case again
    days = tmp_path / "fix.csv"
    days.write_text(f"{(TODAY + timedelta(days=3)).isoformat()},false,closure\n", encoding="utf-8")
    assert desk_env.run("calendar", "import", str(days)).code == 0
    assert sorted(stale(desk_env)) == sorted(open_ids)
    assert listed(kept(desk_env)) == from_snapshots(desk_env)

    # the agency's periods changed (陈述申辩期限): every open case again, the statement period moved
    changed = desk_env.run("settings", "set", "statement_working_days=5")
    assert changed.code == 0, changed.err
    assert sorted(stale(desk_env)) == sorted(open_ids)
    longer = kept(desk_env)
    assert listed(longer) == from_snapshots(desk_env)

"""Line breaking and line geometry for one paragraph.

Greedy filling at break opportunities (``text.can_break``: Chinese punctuation never starts or ends a line, so
the character before a closing mark moves down with it); spaces at a soft line end hang outside the measure;
a word wider than the line breaks anywhere. Tabs go to the next custom stop (left, centre, right, decimal) or
default stop, measured from the text area's left edge; a hanging indent is an implicit stop. Line heights follow
LibreOffice: *auto* spacing multiplies the font height and puts the extra below the text, *exact* places the
baseline at 80 % of the line, *at least* puts any extra above the text.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from desk.render.pdf.atoms import Atom
from desk.render.pdf.formats import ParaFormat, TabStop
from desk.render.pdf.text import SPACES, can_break, script

EPSILON = 0.01
EXACT_ASCENT = 0.8


@dataclass
class Leader:
    x0: float
    x1: float
    kind: str
    atom: Atom


@dataclass
class Line:
    atoms: list[Atom]
    xs: list[float]  # left edge of each atom, from the text area's left edge
    widths: list[float]  # final width of each atom (tabs resolved)
    height: float = 0.0
    baseline: float = 0.0  # from the top of the line
    leaders: list[Leader] = field(default_factory=list)
    last: bool = False  # the paragraph's last line, or ends with a line break
    plan: object = field(default=None, repr=False, compare=False)  # what ``draw.draw_line`` made of it


@dataclass
class Measure:
    """Where lines go: the text area width, the paragraph's indents and the tab settings."""

    width: float
    fmt: ParaFormat
    default_tab: float

    def start(self, first: bool) -> float:
        return self.fmt.left + (self.fmt.first_line if first else 0.0)

    @property
    def end(self) -> float:
        return self.width - self.fmt.right

    def next_stop(self, x: float, first: bool) -> TabStop:
        for stop in self.fmt.tabs:
            if stop.pos > x + EPSILON:
                return stop
        if first and self.fmt.first_line < 0 and x + EPSILON < self.fmt.left:
            return TabStop(self.fmt.left, "left", None)
        step = self.default_tab or 36.0
        return TabStop((int((x + EPSILON) // step) + 1) * step, "left", None)


def _segments(atoms: list[Atom]) -> list[tuple[int, int]]:
    """Unbreakable runs of atoms: ``[start, end)`` index pairs."""
    out = []
    start = 0
    chars = [a.char for a in atoms]
    for i in range(1, len(chars)):
        if _breakable(chars[i - 1], chars[i]):
            out.append((start, i))
            start = i
    if atoms:
        out.append((start, len(atoms)))
    return out


def _breakable(a: str, b: str) -> bool:
    """Whether a line may break between two atoms' characters ("" a picture, "\t" a tab, "\n" a line break)."""
    if a in "\t\n" or b in "\t\n":
        return True
    if not a or not b:  # pictures
        return b not in SPACES
    return can_break(a, b)


class _LineBuilder:
    def __init__(self, measure: Measure, first: bool) -> None:
        self.measure, self.first = measure, first
        self.x = measure.start(first)
        self.atoms: list[Atom] = []
        self.xs: list[float] = []
        self.widths: list[float] = []
        self.leaders: list[Leader] = []
        self.pending: tuple[int, TabStop, float] | None = None  # tab index, stop, x at the tab

    def content_end(self, extra: float = 0.0) -> float:
        """Right edge of the content if ``extra`` more were added (pending centre/right tabs resolved)."""
        if self.pending is None:
            return self.x + extra
        _, stop, at = self.pending
        following = self.x - at + extra
        return max(stop.pos, at + following) if stop.align == "right" else max(stop.pos + following / 2, at + following)

    def add(self, atom: Atom) -> None:
        width = atom.width
        if atom.char == "\t":
            self.resolve()
            stop = self.measure.next_stop(self.x, self.first)
            if stop.pos > self.measure.end and self.atoms:
                stop = TabStop(max(self.measure.end, self.x), "left", None)
            if stop.align == "left":
                width = max(stop.pos - self.x, 0.0)
            else:
                self.pending = (len(self.atoms), stop, self.x)
                width = 0.0
            if stop.leader:
                self.leaders.append(Leader(self.x, self.x + width, stop.leader, atom))
        self.atoms.append(atom)
        self.xs.append(self.x)
        self.widths.append(width)
        self.x += width

    def resolve(self) -> None:
        """Place the text after a centre/right tab now that it is complete."""
        if self.pending is None:
            return
        index, stop, at = self.pending
        self.pending = None
        following = self.x - at
        shift = max(stop.pos - at - (following if stop.align == "right" else following / 2), 0.0)
        if shift:
            self.widths[index] = shift
            for i in range(index + 1, len(self.xs)):
                self.xs[i] += shift
            self.x += shift
            for leader in self.leaders:
                if leader.atom is self.atoms[index]:
                    leader.x1 = leader.x0 + shift

    def line(self, last: bool) -> Line:
        self.resolve()
        return Line(self.atoms, self.xs, self.widths, leaders=self.leaders, last=last)


def break_lines(atoms: list[Atom], measure: Measure) -> list[Line]:
    lines: list[Line] = []
    builder = _LineBuilder(measure, True)
    limit = measure.end + EPSILON
    queue = deque(_segments(atoms))
    while queue:
        start, end = queue.popleft()
        if end - start == 1:  # most segments: one Chinese character, which fits unless the line is full
            atom = atoms[start]
            if (atom.char and atom.char not in SPACES and atom.char not in "\t\n" and builder.pending is None
                    and builder.x + atom.width - atom.auto_space <= limit):
                builder.add(atom)
                continue
        segment = atoms[start:end]
        if segment[0].char in "\t\n":
            builder.add(segment[0])
            if segment[0].char == "\n":
                lines.append(builder.line(last=True))
                builder = _LineBuilder(measure, False)
            continue
        if builder.content_end(_visible_width(segment)) <= measure.end + EPSILON:
            for atom in segment:
                builder.add(atom)
            continue
        if all(a.char in SPACES for a in builder.atoms):  # longer than a line: break it anywhere
            fit = _fitting(segment, builder.content_end(), measure.end)
            for atom in segment[:fit]:
                builder.add(atom)
            if fit == len(segment):
                continue
            start += fit
        queue.appendleft((start, end))
        lines.append(builder.line(last=False))
        builder = _LineBuilder(measure, False)
    lines.append(builder.line(last=True))
    return lines


def _visible_width(segment: list[Atom]) -> float:
    """Width of a segment without its trailing spaces and automatic space (they may hang past the line end)."""
    end = len(segment)
    while end and segment[end - 1].char in SPACES:
        end -= 1
    return sum(a.width for a in segment[:end]) - (segment[end - 1].auto_space if end else 0.0)


def _fitting(segment: list[Atom], x: float, end: float) -> int:
    """How many atoms of an over-long segment fit from ``x`` (at least one)."""
    count = 0
    for atom in segment:
        if x + atom.width > end + EPSILON and count:
            break
        x += atom.width
        count += 1
    return count


def set_heights(lines: list[Line], fmt: ParaFormat, empty: tuple[float, float]) -> None:
    """Line heights and baselines from the atoms' fonts and the paragraph's line spacing."""
    for line in lines:
        atoms = line.atoms if len(line.atoms) == 1 else [a for a in line.atoms if a.char != "\n"]
        ascent = max((a.ascent for a in atoms), default=empty[0])
        descent = max((a.descent for a in atoms), default=empty[1])
        natural = ascent + descent
        if fmt.line_rule == "exact":
            line.height, line.baseline = fmt.line, fmt.line * EXACT_ASCENT
        elif fmt.line_rule == "atLeast":
            line.height = max(fmt.line, natural)
            line.baseline = ascent + (line.height - natural)
        else:
            line.height = natural * fmt.line
            line.baseline = ascent if fmt.line >= 1 else ascent * fmt.line


def align(lines: list[Line], measure: Measure) -> None:
    """Shift or stretch each line for the paragraph's alignment."""
    mode = measure.fmt.align
    for line in lines:
        end = len(line.atoms)
        while end and line.atoms[end - 1].char in SPACES | {"\n"}:
            end -= 1
        if not end:
            continue
        right = line.xs[end - 1] + line.widths[end - 1]
        free = measure.end - right
        if mode in ("center", "right"):
            shift = free / 2 if mode == "center" else free
            line.xs = [x + shift for x in line.xs]
            for leader in line.leaders:
                leader.x0, leader.x1 = leader.x0 + shift, leader.x1 + shift
        elif (mode == "distribute" or (mode == "both" and not line.last)) and free > EPSILON:
            _justify(line, end, free)


def _justify(line: Line, end: int, free: float) -> None:
    """Spread ``free`` over the gaps after the last tab: between all characters when the line holds East Asian
    text, else at the spaces."""
    first = max((i + 1 for i, a in enumerate(line.atoms[:end]) if a.char == "\t"), default=0)
    body = line.atoms[first:end]
    if any(a.char and script(a.char) == "ea" for a in body):
        gaps = set(range(first + 1, end))
    else:
        gaps = {first + i + 1 for i, a in enumerate(body[:-1]) if a.char in SPACES}
    if not gaps:
        return
    step, shift = free / len(gaps), 0.0
    for i in range(first, len(line.xs)):
        if i in gaps:
            shift += step
        line.xs[i] += shift

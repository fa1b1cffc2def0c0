"""Drive the real app in a pseudo-terminal, type like an inspector, SIGKILL it, check the data.

Used by the reliability tests (a few runs in CI) and by ``benchmarks/soak.py`` (a hundred).

* :class:`Terminal` runs ``python -m tenant_inspect --data-dir D`` under an 80×24
  pseudo-terminal exactly as an inspector would run it, keeps reading its output (an app
  whose output is not read blocks) and turns it into plain text to wait for.
* :class:`KillSoak` owns one data folder for a whole series of runs. Each run starts the
  app, opens the interview (it resumes where the last run left it), moves to the next,
  untouched question and types an answer and notes there — one or more questions, with
  random gaps and pauses — and is SIGKILLed at a random moment (seeded): while starting,
  mid-word, just after leaving a field, during a pause, or just after Ctrl+Q. Every
  keystroke's send time is recorded.
* After each kill the database is checked with plain sqlite3: ``PRAGMA integrity_check``
  passes; every field typed in *earlier* runs still holds exactly what was found after its
  run (zero committed answers lost); each field typed in this run holds a prefix of what
  was typed (nothing garbled or reordered) that includes every character sent more than
  ``ALLOWED_LOSS`` seconds before the kill; a run that ended by itself (Ctrl+Q won the
  race) lost nothing at all; no text turned up in a question that was not typed in; and
  every finished backup in the backups folder is intact.

The next run starts the app on the same folder, so each kill is also followed by a
restart through whatever the kill left behind (a -wal file, a half-made backup, the
lock file of a dead process).
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover
    raise ImportError("the kill harness needs a POSIX pseudo-terminal")

import fcntl
import pty
import termios

ALLOWED_LOSS = 0.5  # seconds (DESIGN.md: at most ~0.5 s after typing pauses)
#: Pause after a new question is drawn, and after Tab, before typing on. Keys that reach
#: the app in the same burst as a Tab (or just as a question is drawn) can still be
#: delivered to the field being left: Textual hands a key to the focused widget's queue
#: before the Tab's focus change has run. Such text is saved, but in the wrong field —
#: the harness catches it ("saved ..., but typed ...") and it is reported to the runner's
#: owner. This harness is about kills, so it types like a person who looks first.
SETTLE = 0.2
PGDN = "\x1b[6~"
TAB = "\t"
CTRL_Q = "\x11"
ANSI = re.compile(
    r"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)
WORDS = [
    "repairs",
    "pledge",
    "intranet",
    "tenants",
    "estate",
    "complaints",
    "damp",
    "follow-up",
    "letter",
    "weeks",
    "manager",
    "compact",
    "panel",
    "scrutiny",
    "survey",
    "leaflet",
    "charter",
    "residents",
    "staff",
    "training",
    "feedback",
    "Kingfisher",
    "Heron",
    "caretaker",
    "boiler",
    "heating",
    "£250",
    "café",
    "12pt",
    "role",
    "department",
    "objective",
    "outcome",
    "evidence",
    "minutes",
    "meeting",
    "quarterly",
    "annual",
    "—",
    "it’s",
    "isn't",
    "(draft)",
    "2024/25",
    "email",
]


#: When a run is killed: while the app starts (home, opening the store, the start-up
#: backup ...), mid-word, just after leaving a field (Tab, PgDn), during a pause
#: in typing, or just after Ctrl+Q (the kill races the clean exit). Typing is
#: the common case, so it is drawn more often.
PLANS = ("startup", "typing", "typing", "typing", "leaving", "pause", "quit")


class Killed(Exception):
    """The scheduled kill happened: stop the script."""


class Terminal:
    """The app's pseudo-terminal: keys in, screen text out (escape codes removed)."""

    def __init__(self, data_dir: Path, *, rows: int = 24, cols: int = 80) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLUMNS": str(cols),
            "LINES": str(rows),
            "TEXTUAL_ANIMATIONS": "none",
        }
        env.pop("TEXTUAL", None)
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tenant_inspect", "--data-dir", str(data_dir)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.kill_at: float | None = None  # monotonic time at which the script kills the app
        self.killed_at: float | None = None
        self._text = ""
        self._all = ""
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # Always drain the terminal: an app whose output is not read blocks on writing.
        pending = ""
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            pending += chunk.decode("utf-8", "replace")
            cut = pending.rfind("\x1b")
            keep = pending[cut:] if cut >= 0 and len(pending) - cut < 64 else ""
            clean = ANSI.sub("", pending[: len(pending) - len(keep)])
            pending = keep
            with self._lock:
                self._text = (self._text + clean)[-200_000:]
                self._all = (self._all + clean)[-20_000:]

    @property
    def screen_text(self) -> str:
        """Everything drawn recently (for error messages)."""
        with self._lock:
            return self._all

    def _due(self) -> None:
        if self.kill_at is not None and time.monotonic() >= self.kill_at:
            self.kill()
            raise Killed

    def sleep(self, seconds: float) -> None:
        """Sleep, but kill on time if the kill falls inside the sleep."""
        end = time.monotonic() + seconds
        while True:
            self._due()
            now = time.monotonic()
            if now >= end:
                return
            wake = end if self.kill_at is None else min(end, self.kill_at)
            time.sleep(max(0.0, wake - now))

    def wait_for(self, text: str | tuple[str, ...], timeout: float = 20.0) -> str:
        """Wait until ``text`` (or any of several) has been drawn since the last call (then
        forget what was seen); the text that was."""
        wanted = (text,) if isinstance(text, str) else text
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._due()
            with self._lock:
                for one in wanted:
                    if one in self._text:
                        self._text = ""
                        return one
            if self.process.poll() is not None:
                raise AssertionError(
                    f"the app exited ({self.process.returncode}) before {text!r}; "
                    f"screen text: {self.screen_text[-1500:]!r}"
                )
            time.sleep(0.01)
        raise AssertionError(
            f"{text!r} did not appear within {timeout} s; screen text: {self.screen_text[-1500:]!r}"
        )

    def send(self, keys: str) -> float:
        """Send keys (killing first if the kill is due); return when they were sent."""
        self._due()
        os.write(self.master, keys.encode())
        return time.monotonic()

    def kill(self) -> None:
        if self.killed_at is None:
            self.killed_at = time.monotonic()
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill()
        with contextlib.suppress(OSError):
            os.close(self.master)


# ---------------------------------------------------------------------------
# Seeding
# ---------------------------------------------------------------------------


def open_first_interview(term: Terminal) -> None:
    """From the start: open the soak inspection, its interviews, the interview, question 1."""
    term.wait_for("Kill soak")
    term.send("\r")
    term.wait_for("Start interview")
    term.send("i")
    term.wait_for("Enter opens")
    term.send("\r")
    term.wait_for("Question 1 of")


def soak_questionnaire(questions: int) -> str:
    """A questionnaire of free-text questions only, so every question has an answer box."""
    lines = [
        'id = "kill-soak"',
        'title = "Kill soak interview"',
        'version = "1.0"',
        'kind = "interview"',
        'audience = "Staff"',
        "",
        "[[sections]]",
        'id = "all"',
        'title = "Everything"',
        "",
    ]
    for n in range(1, questions + 1):
        lines += [
            "[[sections.questions]]",
            f'id = "q{n:03d}"',
            f'text = "Question number {n}: what happens?"',
            'type = "text"',
            "",
        ]
    return "\n".join(lines)


def seed_soak(data_dir: Path, questions: int) -> str:
    """An inspection with one interview at its first question; returns the interview id."""
    from tenant_inspect import fieldwork, inspections
    from tenant_inspect.locations import resolve_data_dir
    from tenant_inspect.questionnaire import parse_questionnaire
    from tenant_inspect.store import open_store

    store = open_store(resolve_data_dir(data_dir))
    try:
        with store.write() as s:
            insp = inspections.create_inspection(s, title="Kill soak", landlord="Vale HA")
            area = inspections.add_area(s, insp.id, name="Repairs")
            interview = fieldwork.add_interview(
                s,
                insp.id,
                interviewee_role="Repairs Manager",
                area_id=area.id,
                questionnaire=parse_questionnaire(soak_questionnaire(questions), "kill-soak"),
                consent=True,
                status="in_progress",
                current_question="q001",
            )
            return interview.id
    finally:
        store.close()


# ---------------------------------------------------------------------------
# Reading back
# ---------------------------------------------------------------------------


def db_path(data_dir: Path) -> Path:
    return data_dir / "tenant-inspect.db"


def read_state(data_dir: Path, interview_id: str) -> tuple[str, dict[tuple[str, str], str]]:
    """(current question, {(question, "value" | "notes"): text}) with plain sqlite3."""
    conn = sqlite3.connect(db_path(data_dir))
    try:
        current = conn.execute(
            "SELECT current_question FROM interview WHERE id = ?", (interview_id,)
        ).fetchone()[0]
        fields: dict[tuple[str, str], str] = {}
        for key, value, notes in conn.execute(
            "SELECT question_key, value, notes FROM answer "
            "WHERE interview_id = ? AND deleted_at IS NULL",
            (interview_id,),
        ):
            if value:
                fields[(key, "value")] = value
            if notes:
                fields[(key, "notes")] = notes
        return current, fields
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


# ---------------------------------------------------------------------------
# One run
# ---------------------------------------------------------------------------


@dataclass
class Typed:
    """What was sent to one field in one run."""

    text: str = ""
    times: list[float] = field(default_factory=list)

    def add(self, ch: str, at: float) -> None:
        self.text += ch
        self.times.append(at)


@dataclass
class RunResult:
    seed: int
    plan: str
    kill_after: float  # seconds from launch
    exited_by_itself: bool
    typed_chars: int
    lost_chars: int
    oldest_lost_age: float  # seconds before the kill the oldest lost keystroke was sent
    must_keep: int  # characters sent more than ALLOWED_LOSS before the kill
    fields_checked: int

    def line(self) -> str:
        how = "exited by itself" if self.exited_by_itself else f"killed at {self.kill_after:.2f} s"
        return (
            f"seed {self.seed} {self.plan:<8} {how}: typed {self.typed_chars}, lost "
            f"{self.lost_chars} (oldest {self.oldest_lost_age:.3f} s before the kill), "
            f"{self.fields_checked} fields checked"
        )


def _text(rng: random.Random, words: tuple[int, int]) -> str:
    n = rng.randint(*words)
    return " ".join(rng.choice(WORDS) for _ in range(n))


class KillSoak:
    """A series of kill runs on one data folder (see the module docstring)."""

    def __init__(self, data_dir: Path, runs: int) -> None:
        self.data_dir = data_dir
        self.interview_id = seed_soak(data_dir, questions=3 * runs + 5)
        self.expected: dict[tuple[str, str], str] = {}  # committed after earlier runs
        self.results: list[RunResult] = []

    def run(
        self,
        seed: int,
        *,
        plan: str | None = None,
        max_questions: int = 2,
        words: tuple[int, int] = (3, 10),
    ) -> RunResult:
        """One run: start, type, kill (``plan``: when; chosen from the seed if None)."""
        rng = random.Random(seed)
        current, _ = read_state(self.data_dir, self.interview_id)
        start_n = int(current[1:])
        # The script: (field or None, keys) steps; None keys are navigation.
        script: list[tuple[tuple[str, str] | None, str]] = []
        for k in range(rng.randint(1, max_questions)):
            qid = f"q{start_n + 1 + k:03d}"
            script.append((None, PGDN))
            script += [((qid, "value"), ch) for ch in _text(rng, (1, words[1] // 2))]
            script.append((None, TAB))
            script += [((qid, "notes"), ch) for ch in _text(rng, words)]
        drawn = rng.choice(PLANS)
        plan = plan or drawn
        keys = [i for i, (f, _) in enumerate(script) if f is not None]
        nav = [i for i, (f, _) in enumerate(script) if f is None and i > 0]
        kill_step: int | None = None
        kill_delay = 0.0
        startup_kill: float | None = None
        if plan == "startup":
            startup_kill = rng.uniform(0.05, 1.2)
        elif plan == "typing":
            kill_step, kill_delay = rng.choice(keys), rng.uniform(0.0, 0.05)
        elif plan == "leaving":
            kill_step, kill_delay = rng.choice(nav or keys), rng.uniform(0.0, 0.03)
        elif plan == "pause":
            kill_step, kill_delay = rng.choice(keys), rng.uniform(0.2, 0.9)
        gaps = [rng.uniform(0.01, 0.06) for _ in script]
        for i in rng.sample(range(len(script)), k=min(2, len(script))):
            gaps[i] = rng.uniform(0.3, 0.8)  # a pause to think: the debounce path

        typed: dict[tuple[str, str], Typed] = {}
        term = Terminal(self.data_dir)
        exited = False
        try:
            if startup_kill is not None:
                term.kill_at = term.started + startup_kill
            term.wait_for("Kill soak")  # home: the inspection is listed
            term.send("\r")
            term.wait_for("Start interview")  # the dashboard's footer
            term.send("i")
            term.wait_for("Enter opens")  # the interview list's status line
            term.send("\r")
            term.wait_for(f"Question {start_n} of")  # the runner, resumed
            term.sleep(SETTLE)
            question = start_n
            for i, (target, keys_) in enumerate(script):
                if target is None and keys_ == PGDN:
                    term.send(PGDN)
                    question += 1
                    term.wait_for(f"Question {question} of")
                    term.sleep(SETTLE)
                else:
                    at = term.send(keys_)
                    if target is not None:
                        typed.setdefault(target, Typed()).add(keys_, at)
                if i == kill_step:
                    term.sleep(kill_delay)
                    term.kill()
                    raise Killed
                if keys_ == TAB:
                    term.sleep(SETTLE)  # see SETTLE: keys in the same burst as Tab go astray
                term.sleep(gaps[i])
            if plan == "quit":
                term.send(CTRL_Q)
                term.kill_at = time.monotonic() + rng.uniform(0.0, 2.0)  # quitting takes ~0.5-1 s
                while term.process.poll() is None:
                    term.sleep(0.01)
                exited = True
            else:  # every keystroke sent: kill now, whatever the plan said
                term.kill()
        except Killed:
            pass
        finally:
            term.close()
        killed_at = term.killed_at if term.killed_at is not None else time.monotonic()
        return self._check(seed, plan, term, typed, killed_at, exited)

    def _check(
        self,
        seed: int,
        plan: str,
        term: Terminal,
        typed: dict[tuple[str, str], Typed],
        killed_at: float,
        exited: bool,
    ) -> RunResult:
        """Check the folder after a run; every problem is listed, then the run fails.

        What was found is recorded as the new expectation even when the run fails,
        so one failure is reported once and does not spill into later runs.
        """
        where = f"run with seed {seed} ({plan})"
        problems: list[str] = []
        if exited and term.process.returncode != 0:
            problems.append(f"exit status {term.process.returncode} after Ctrl+Q")
        if integrity(db_path(self.data_dir)) != "ok":
            problems.append("the database failed PRAGMA integrity_check")
        _, saved = read_state(self.data_dir, self.interview_id)
        for key, value in self.expected.items():
            if saved.get(key, "") != value:
                problems.append(f"{key} changed after its run: {value!r} -> {saved.get(key)!r}")
        stray = set(saved) - set(self.expected) - set(typed)
        if stray:
            problems.append(f"text in fields nobody typed in: {sorted(stray)}")
        lost = must_keep = total = 0
        oldest = 0.0
        for key, t in typed.items():
            got = saved.get(key, "")
            total += len(t.text)
            need = sum(1 for at in t.times if at < killed_at - ALLOWED_LOSS)
            must_keep += need
            if not t.text.startswith(got):
                problems.append(f"{key} saved {got!r}, but typed {t.text!r}")
            elif exited and got != t.text:
                problems.append(f"clean exit, yet {key} lost {t.text[len(got) :]!r}")
            elif len(got) < need:
                problems.append(
                    f"{key} lost characters sent more than {ALLOWED_LOSS} s before the kill: "
                    f"saved {got!r}, typed {t.text!r}"
                )
            if len(got) < len(t.text) and t.text.startswith(got):
                lost += len(t.text) - len(got)
                oldest = max(oldest, killed_at - t.times[len(got)])
        for key in set(typed) | stray:
            self.expected[key] = saved.get(key, "")
        for backup in (self.data_dir / "backups").glob("*.db"):
            if integrity(backup) != "ok":
                problems.append(f"damaged backup {backup.name}")
        assert not problems, f"{where}: " + "; ".join(problems)
        result = RunResult(
            seed=seed,
            plan=plan,
            kill_after=killed_at - term.started,
            exited_by_itself=exited,
            typed_chars=total,
            lost_chars=lost,
            oldest_lost_age=oldest,
            must_keep=must_keep,
            fields_checked=len(self.expected),
        )
        self.results.append(result)
        return result

"""`b` on an SMPP account's Overview: the SMPP connection test.

The password is typed here. It stays in the field while the dialog is open, to test again, and
is gone when it closes: never saved, logged or audited. Each step shows as it starts and as it
ends, with its time, then what the test found in the user's words, with the next step.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Static

from smpp_tui.api import smpp_steps as steps
from smpp_tui.api.smpp_steps import Outcome, Step, Target, password_problem
from smpp_tui.session import threads
from smpp_tui.session.smpp_tests import EVERY, ConnectionTests
from smpp_tui.tui import bind_words, commands, words
from smpp_tui.tui.commands.modals import (
    ALLOW_ADDRESS,
    BIND_TEST,
    CLOSE_TEST,
    EDIT_PASSWORD,
    NEXT_ENDPOINT,
    TEST_AGAIN,
)
from smpp_tui.tui.screens.base import SaysWorkerFailures
from smpp_tui.tui.screens.form import PastedInput

ORDER = (steps.DNS, steps.TCP, steps.TLS, steps.BIND, steps.ENQUIRE, steps.UNBIND)
# Long enough to paste any password with a mistake in it: the check says what SMPP takes.
TYPED_MAX = 64


class StepReported(Message):
    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step


class TestFrame(VerticalScroll):
    """The dialog's body; focused once a test ends, so that its one-letter keys work."""


class ConnectionTestScreen(SaysWorkerFailures, ModalScreen[str | None]):
    """Dismissed with the address to allow (`a` after a connection closed unanswered)."""

    BINDINGS = commands.bindings(*BIND_TEST)
    AUTO_FOCUS = "#bind-password"

    def __init__(
        self,
        account: str,
        targets: list[Target],
        facts: Callable[[Target], bind_words.Facts],
        tests: ConnectionTests,
        *,
        demo: bool,
    ) -> None:
        super().__init__()
        self._account, self._targets, self._facts = account, targets, facts
        self._tests, self._demo = tests, demo
        self._chosen = 0
        self._steps: dict[str, Step] = {}
        self._outcome: Outcome | None = None
        self._testing = False
        self._countdown: Timer | None = None

    @property
    def target(self) -> Target:
        return self._targets[self._chosen]

    @property
    def under_way(self) -> bool:
        return self._testing

    @property
    def outcome(self) -> Outcome | None:
        """The last test's, None before one ends."""
        return self._outcome

    def compose(self) -> ComposeResult:
        with TestFrame(id="bind-test", classes="form-dialog"):
            yield Static(words.plain(f"SMPP connection test of {self._account}", style="bold"))
            yield Static(self._intro(), classes="form-intro")
            yield Static("Password (as OVHcloud e-mailed it)", classes="label")
            yield PastedInput(
                "", max_length=TYPED_MAX, password=True, id="bind-password", placeholder="••••••••"
            )
            yield Static(id="bind-endpoints", classes="form-intro")
            yield Static(id="bind-steps")
            yield Static(id="bind-result")
            yield Static(id="bind-hint")

    def on_mount(self) -> None:
        self._draw()

    def _intro(self) -> Text:
        said = Text(
            "Binds as a transceiver, then unbinds. The account has one transceiver: the test"
            " takes it for a moment, or is refused if your gateway holds it. The password is"
            " forgotten when this closes."
        )
        if self._demo:
            said.append(" Demo: the local SMSC's certificate is trusted.", style="dim")
        return said

    # keys

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_run()

    def action_run(self) -> None:
        if self._testing:
            return
        password = self.query_one("#bind-password", Input).value
        problem = password_problem(password)
        if problem is not None:
            self._say(Text(problem, style="bold red"))
            self.action_edit_password()
            return
        if not self._tests.start(self._account):
            self._say_wait()
            return
        self._testing, self._outcome, self._steps = True, None, {}
        self._draw()
        self.run_worker(self._test(self.target, password), exit_on_error=False, group="test")

    def action_endpoint(self, step: int) -> None:
        if not self._testing:
            self._chosen = (self._chosen + step) % len(self._targets)
            self._draw()

    def action_allow_address(self) -> None:
        if self._address_to_allow is not None:
            self.dismiss(self._address_to_allow)

    def action_edit_password(self) -> None:
        self.query_one("#bind-password", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "allow_address":
            return self._address_to_allow is not None
        return True

    @property
    def _address_to_allow(self) -> str | None:
        """This machine's address, when the SMSC closed the connection unanswered."""
        outcome = self._outcome
        if outcome is None or outcome.failure is None:
            return None
        closed = outcome.failure.kind == steps.CLOSED and outcome.failure.step == steps.BIND
        return outcome.source if closed else None

    # the test

    async def _test(self, target: Target, password: str) -> None:
        try:
            outcome = await threads.call(
                self._tests.run, self._account, target, password, self.post_message_step
            )
        finally:
            self._testing = False
        # Its steps whole: the last ones' messages may come after the answer.
        self._outcome, self._steps = outcome, {step.name: step for step in outcome.steps}
        self._draw()
        self.query_one(TestFrame).focus()
        self.refresh_bindings()
        if self._tests.wait(self._account) > EVERY:  # throttled: the countdown shows
            self._countdown = self.set_interval(1.0, self._tick)

    def post_message_step(self, step: Step) -> None:
        """From the test's thread: each step as it starts and ends."""
        self.post_message(StepReported(step))

    def on_step_reported(self, message: StepReported) -> None:
        if self._testing:
            self._steps[message.step.name] = message.step
            self._draw_steps()

    def _tick(self) -> None:
        if self._tests.wait(self._account) <= 0 and self._countdown is not None:
            self._countdown.stop()
            self._countdown = None
        self._draw_result()

    # what is shown

    def _draw(self) -> None:
        self._draw_endpoints()
        self._draw_steps()
        self._draw_result()

    def _draw_endpoints(self) -> None:
        shown = Text("Endpoint", style="dim")
        for index, target in enumerate(self._targets):
            chosen = index == self._chosen
            shown.append("\n▸ " if chosen else "\n  ", style="bold")
            shown.append_text(
                words.plain(bind_words.endpoint(target), style="bold" if chosen else "")
            )
        self.query_one("#bind-endpoints", Static).update(shown)

    def _draw_steps(self) -> None:
        shown = Text()
        for name in ORDER:
            step = self._steps.get(name)
            if step is not None:
                shown.append_text(_step_line(step))
        shown.rstrip()
        self._show("#bind-steps", shown)

    def _draw_result(self) -> None:
        outcome = self._outcome
        if self._testing:
            self._say(Text(f"Testing {bind_words.endpoint(self.target)}…", style="dim"))
        elif outcome is None:
            self._say(Text())
        else:
            facts = self._facts(self.target)
            if outcome.failure is None:
                said = bind_words.passed(outcome, facts)
            else:
                said = bind_words.failed(outcome.failure, outcome.source, facts)
            wait = self._tests.wait(self._account)
            if wait > EVERY or self._countdown is not None:
                said.append(f"\nNext test possible in {math.ceil(wait)} s.", style="yellow")
            self._say(said)
        self.query_one("#bind-hint", Static).update(self._hint())

    def _say_wait(self) -> None:
        wait = self._tests.wait(self._account)
        said = f"Next test of {self._account} in {math.ceil(wait)} s: "
        if wait > EVERY:
            said += "OVHcloud throttled its binds, and each attempt counts as one more."
        else:
            said += f"one test per account every {EVERY:g} s, so that OVHcloud does not"
            said += " throttle its binds."
        self._say(words.plain(said, style="yellow"))

    def _say(self, said: Text) -> None:
        self._show("#bind-result", said)

    def _show(self, where: str, text: Text) -> None:
        shown = self.query_one(where, Static)
        shown.update(text)
        shown.display = bool(text)  # no empty line where nothing is said yet

    def _hint(self) -> Text:
        key = commands.key_of
        hints = [f"{key(self, TEST_AGAIN)} tests", f"↑↓ {NEXT_ENDPOINT.label.lower()}"]
        if self._address_to_allow is not None:
            hints.append(f"{key(self, ALLOW_ADDRESS)} allows {self._address_to_allow}")
        if self._outcome is not None:
            hints.append(f"{key(self, EDIT_PASSWORD)} password")
        hints.append(f"{key(self, CLOSE_TEST)} closes")
        return Text(" · ".join(hints), style="dim")


def _step_line(step: Step) -> Text:
    if step.seconds is None:
        mark, style, took = "…", "dim", ""
    elif step.failed:
        mark, style, took = "✗", "red", bind_words.milliseconds(step.seconds)
    else:
        mark, style, took = "✓", "green", bind_words.milliseconds(step.seconds)
    line = Text(f"{mark} ", style=style)
    line.append(f"{step.name:<18}{took:>9}  ")
    line.append_text(words.plain(step.detail, limit=40, style="dim"))
    return line.append("\n")

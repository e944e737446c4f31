"""The first-run connect flow: from an application key to a validated, least-privilege consumer
key saved as a profile, then on to the accounts.

Nothing opens a browser (over SSH there is none): the validation URL is shown, with `c` to copy
it, and the screen checks every few seconds whether the user validated it.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, Header, Input, Static

from smpp_tui.api import checks
from smpp_tui.api.errors import ApiError, InvalidInput
from smpp_tui.config import ConfigError
from smpp_tui.session import connect
from smpp_tui.tui.clipboard import copy
from smpp_tui.tui.commands import Command, bindings, key_of
from smpp_tui.tui.commands.profiles import BACK_TO_FORM, CONNECT_SCREEN, COPY_URL
from smpp_tui.tui.screens.base import OpensAtTop, SmppScreen
from smpp_tui.tui.screens.form import FormFrame, PastedInput
from smpp_tui.tui.widgets.footer import KeysFooter

PROFILE_NAME = re.compile(r"[A-Za-z0-9_-]{1,32}")
ENDPOINT_MAX = 200  # a region, or an API URL


def rules_text() -> Text:
    rules = Text("The key will hold these rights, and nothing more:\n", style="dim")
    for rule in connect.required_rules():
        rules.append(f"  {rule.method:6} {rule.path}\n")
    return rules


def _field(label: str, name: str, **options: Any) -> ComposeResult:
    yield Static(label, classes="label")
    yield PastedInput(id=name, **options)


class ConnectScreen(OpensAtTop, SmppScreen):
    FIRST_FIELD = "#endpoint"
    POLL_EVERY = 3.0  # seconds between checks that the user validated the key
    DECLARED = CONNECT_SCREEN
    BINDINGS = bindings(*DECLARED)
    APP_ACTIONS_OFF = ("profiles",)  # a step of adding one

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="form", id="connect"):
            with FormFrame(id="form"):
                yield Static(Text("Connect an OVHcloud account", style="bold"), id="connect-title")
                yield Static(self._introduction(), id="intro")
                yield from _field(
                    "Region: ovh-eu, ovh-ca, ovh-us, or an API URL",
                    "endpoint",
                    value="ovh-eu",
                    max_length=ENDPOINT_MAX,
                )
                yield Static("", id="create-app")
                yield from _field("Application key", "application-key", max_length=checks.KEY_MAX)
                yield from _field(
                    "Application secret", "secret", password=True, max_length=checks.KEY_MAX
                )
                # A pasted list, one block a line, arrives whole.
                yield from _field(
                    "Only from these IPs (optional): 192.0.2.0/24, ...",
                    "ips",
                    joiner=", ",
                    max_length=checks.IP_BLOCKS_MAX,
                )
                yield from _field("Profile name", "name", value="default", max_length=32)
                yield Static("", id="connect-problem")
                yield Button("Request the key (enter)", id="request", variant="primary")
                yield Static(rules_text(), id="rules")
            with Vertical(id="waiting"):
                yield Static("", id="validation")
        yield KeysFooter()

    def _introduction(self) -> Text:
        return Text(
            "smpp-tui needs an OVHcloud API key. Create an application once (its key and secret)"
            " on the page shown for your region; smpp-tui then asks OVHcloud for a consumer key"
            " with only the rights it uses, which you validate by logging in to OVHcloud.\n"
            "tab moves between fields; enter requests the key."
        )

    def __init__(self) -> None:
        super().__init__()
        self._request: connect.CredentialRequest | None = None  # the key waiting for validation
        self._profile_name = ""  # the profile it will be saved as
        self._checks: Timer | None = None  # whether it was validated, every few seconds
        self._checking = False

    def on_mount(self) -> None:
        self._show_region()

    # the form

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "endpoint":
            self._show_region()

    def _show_region(self) -> None:
        endpoint = self._value("endpoint")
        region = next((r for r in connect.REGIONS if r.endpoint == endpoint), None)
        where = f"Create the application at {region.create_app_url}" if region else ""
        self.query_one("#create-app", Static).update(Text(where, style="bold"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._submit()

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value.strip()

    def _submit(self) -> None:
        try:
            form = self._read_form()
        except (ValueError, InvalidInput) as problem:
            self._problem(str(problem))
            return
        self._problem("Asking OVHcloud for a consumer key…", style="dim")
        self.query_one("#request", Button).disabled = True
        self.run_worker(self._ask(*form), exclusive=True, group="connect", exit_on_error=False)

    def _read_form(self) -> tuple[str, str, str, list[str], str]:
        endpoint = self._value("endpoint")
        regions = [region.endpoint for region in connect.REGIONS]
        if endpoint not in regions and not re.match(r"https?://\S+$", endpoint):
            raise ValueError(
                f"the region is one of {', '.join(regions)}, or an API URL such as"
                " https://eu.api.ovh.com/1.0"
            )
        key, secret, name = (
            self._value("application-key"),
            self._value("secret"),
            self._value("name"),
        )
        if not key or not secret:
            raise ValueError("give the application key and its secret (from the page above)")
        checks.application_key("application key", key)
        checks.application_key("application secret", secret)
        if not PROFILE_NAME.fullmatch(name):
            raise ValueError("a profile name is 1 to 32 letters, digits, - or _")
        if name in self.smpp_app.config.profiles:
            raise ValueError(f"a profile named {name} exists; choose another name")
        return endpoint, key, secret, checks.ip_blocks(self._value("ips")), name

    def _problem(self, message: str, style: str = "bold red") -> None:
        self.query_one("#connect-problem", Static).update(Text(message, style=style))

    async def _ask(self, endpoint: str, key: str, secret: str, ips: list[str], name: str) -> None:
        try:
            request = await self.smpp_app.call(connect.request_key, endpoint, key, secret, ips)
        except ApiError as error:
            self._problem(f"OVHcloud refused: {error}")
            return
        finally:
            self.query_one("#request", Button).disabled = False
        self._request, self._profile_name = request, name
        self._show_validation()
        self.query_one(ContentSwitcher).current = "waiting"
        self.refresh_bindings()
        self._checks = self.set_interval(self.POLL_EVERY, self._start_check, name="validation")

    def _stop_waiting(self) -> None:
        self._request = None
        if self._checks is not None:
            self._checks.stop()
            self._checks = None
        self.refresh_bindings()

    # waiting for the validation

    def _show_validation(self, note: str = "") -> None:
        assert self._request is not None
        copy, back = key_of(self, COPY_URL), key_of(self, BACK_TO_FORM)
        text = Text.assemble(
            ("Open this address in a browser, log in to OVHcloud and validate the key:\n\n", ""),
            (self._request.validation_url, "bold underline"),
            (
                f"\n\n{copy} copies it (OSC 52). This screen goes on by itself once it is"
                f" validated; {back} goes back to the form.\n",
                "dim",
            ),
            (note, "yellow"),
        )
        self.query_one("#validation", Static).update(text)

    def action_copy_url(self) -> None:
        if self._request is not None:
            copy(self.smpp_app, self._request.validation_url, "the validation URL")

    def action_back_to_form(self) -> None:
        self._stop_waiting()
        self.query_one(ContentSwitcher).current = "form"

    def offers(self, command: Command) -> bool | None:
        # Both are about the key being validated: only while waiting for it.
        return self._request is not None

    def _start_check(self) -> None:
        # A worker rather than the timer's own callback: a failure the check did not expect is
        # said (`on_worker_state_changed`), where one in a timer's callback ends the app.
        self.run_worker(self._check(), group="validation", exit_on_error=False)

    async def _check(self) -> None:
        request = self._request
        if request is None or self._checking:
            return
        self._checking = True
        try:
            validated = await self.smpp_app.call(connect.poll_validation, request)
        except ApiError as error:
            self._show_validation(f"Could not check: {error}. Trying again…")
            return
        finally:
            self._checking = False
        if validated and request is self._request:
            self._stop_waiting()
            self.run_worker(self._save(request), exit_on_error=False)

    async def _save(self, request: connect.CredentialRequest) -> None:
        """Save the validated key as a profile and go on; if it cannot be, revoke it."""
        app, name, path = self.smpp_app, self._profile_name, self.smpp_app.config_path
        if path is None:
            await self._not_saved(request, "there is no settings file to save it in")
            return
        try:
            session = await app.call(
                connect.save_and_open, request, name, path, read_only=app.forced_read_only
            )
        except Exception as error:  # a bug too: a validated key is never left behind unsaid
            known = isinstance(error, ConfigError | OSError | ApiError)  # else a bug's own words
            await self._not_saved(request, str(error) if known else repr(error))
            return
        app.config = session.config
        app.notify(f"Connected. Profile {name} saved to {path}.", markup=False)
        app.start_session(session)

    async def _not_saved(self, request: connect.CredentialRequest, why: str) -> None:
        """A validated key the app cannot keep is revoked, not left valid and unknown; the
        form says so, or why it could not be."""
        try:
            await self.smpp_app.call(connect.revoke, request)
        except ApiError as error:
            fate = (
                f"It could not be revoked either ({error}): it stays valid until you delete it"
                " from your OVHcloud account's API keys."
            )
        else:
            fate = "It was revoked, so no valid key is left behind: request a new one."
        self.query_one(ContentSwitcher).current = "form"
        self._problem(f"The key works, but the profile was not saved: {why}. {fate}")

"""`x` on the History tab: the SMS the filter selects written to a CSV file, with a progress
bar. `escape` cancels (nothing is left behind) or, once done, closes; `c` copies the path."""

from __future__ import annotations

import threading
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from smpp_tui.config.files import shown_path
from smpp_tui.session import threads
from smpp_tui.store.export import Cancelled, Export, Progress
from smpp_tui.tui import commands
from smpp_tui.tui.clipboard import copy
from smpp_tui.tui.commands.modals import CANCEL_EXPORT, COPY_PATH
from smpp_tui.tui.screens.base import ACTION_FAILURES, SaysWorkerFailures


class Progressed(Message):
    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress


class ExportScreen(SaysWorkerFailures, ModalScreen[None]):
    BINDINGS = commands.bindings(CANCEL_EXPORT, COPY_PATH)

    def __init__(self, export: Export, filter_words: str) -> None:
        super().__init__()
        self._export, self._filter = export, filter_words
        self._cancelled = threading.Event()
        self._written: Path | None = None
        self._ended = False
        self._last = Progress(0, None, "")

    def compose(self) -> ComposeResult:
        how = "OVHcloud's own export" if self._export.by_document else "read page by page"
        with Vertical(classes="form-dialog", id="export"):
            yield Static(Text("Export to CSV", style="bold"))
            yield Static(Text(f"{self._filter} · {how}"), classes="form-intro")
            yield Static(Text(shown_path(self._export.path)), id="export-path")
            yield ProgressBar(id="export-bar", show_eta=False)
            yield Static("", id="export-said")

    def on_mount(self) -> None:
        self.run_worker(self._run(), exit_on_error=False)

    async def _run(self) -> None:
        try:
            self._written = await threads.call(self._export.run, self._report, self._cancelled)
        except Cancelled:
            self.app.notify("Export cancelled: no file written.", markup=False)
            self.dismiss(None)
            return
        except (*ACTION_FAILURES, OSError) as error:
            self._end(Text(f"No file written: {error}", style="bold red"))
            return
        self._end(self._done())

    def _report(self, progress: Progress) -> None:
        """From the export's thread: the screen hears of it in its own time."""
        self.post_message(Progressed(progress))

    def on_progressed(self, message: Progressed) -> None:
        if self._ended:
            return  # a report heard after the end would hide what the end says
        progress, bar = message.progress, self.query_one(ProgressBar)
        self._last = progress
        bar.update(total=progress.total, progress=progress.done)
        said = Text(progress.phase)
        if progress.done or progress.total:
            total = f" of {progress.total:,}" if progress.total else ""
            said.append(f": {progress.done:,}{total} SMS")
        said.append(". ")
        said.append(f"{commands.key_of(self, CANCEL_EXPORT)} cancels.", style="dim")
        self.query_one("#export-said", Static).update(said)

    def _done(self) -> Text:
        count = self._export.written
        self.query_one(ProgressBar).update(total=1, progress=1)
        said = Text(f"{count:,} SMS written to ", style="bold green")
        said.append(shown_path(self._written) if self._written else "")
        keys = f"{commands.key_of(self, COPY_PATH)} copies the path"
        return said.append(f"\n{keys}; {commands.key_of(self, CANCEL_EXPORT)} closes.", "dim")

    def _end(self, said: Text) -> None:
        self._ended = True
        self.query_one("#export-said", Static).update(said)
        self.refresh_bindings()

    def action_cancel(self) -> None:
        if self._ended:
            self.dismiss(None)
        else:
            self._cancelled.set()

    def action_copy_path(self) -> None:
        if self._written is not None:
            copy(self.app, str(self._written), "the file's path")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "copy_path" or self._written is not None

"""What a crash prints: the traceback without the frames' locals, which Textual shows by
default and which may hold API keys (the `ovh` client's request headers, a profile being saved).

PRIVATE: Textual has no public hook for this; `App._fatal_error` is overridden here and only
here. Textual is pinned exactly, and tests/tui/test_crash.py fails if this name stops being
called (a crash would then show the locals it checks for).
"""

from __future__ import annotations

import rich
from rich.segment import Segments
from textual.app import App


class TracebackWithoutLocals(App[None]):
    def _fatal_error(self) -> None:
        from rich.traceback import Traceback  # only on a crash: it loads pygments and attrs

        self.bell()
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        rendered = self.console.render(traceback, self.console.options)
        self._exit_renderables.append(Segments(rendered))
        self._close_messages_no_wait()

"""A real process in a pseudo-terminal, its screen read as a user's terminal would draw it.

The benchmarks measure what a user waits for: from the command's start, or from a key sent, to
text on the screen. A reader thread feeds every byte the process writes to a pyte screen (a
VT100 emulator) and counts them; `wait_for` looks at that screen each time bytes arrive (not on
a timer: this process also runs the simulator the app talks to, and must leave it the time).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pyte

QUIT = "\x11"  # ctrl+q


def child_env(extra: dict[str, str] | None) -> dict[str, str]:
    """The process's environment: this one's, with a terminal, and bytecode cached as an
    installed package has it (a run with PYTHONDONTWRITEBYTECODE compiles every module)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "TERM": "xterm-256color", **(extra or {})}


class Terminal:
    def __init__(
        self,
        command: Sequence[str],
        *,
        size: tuple[int, int] = (120, 40),
        env: dict[str, str] | None = None,
    ) -> None:
        columns, lines = size
        self.screen = pyte.Screen(columns, lines)
        self._stream = pyte.ByteStream(self.screen)
        self.lock = threading.RLock()
        self._fed = threading.Condition(self.lock)  # bytes arrived
        self.bytes_read = 0
        self.arrived = 0.0  # when the last bytes came, before the emulator read them
        controller, child = os.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.started = self.arrived = time.perf_counter()
        self.process = subprocess.Popen(
            list(command),
            stdin=child,
            stdout=child,
            stderr=child,
            env=child_env(env),
            start_new_session=True,
            close_fds=True,
        )
        os.close(child)
        self._controller = controller
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = self._drain(os.read(self._controller, 65536))
            except OSError:
                return
            if not data:
                return
            arrived = time.perf_counter()
            with self._fed:
                self.bytes_read += len(data)
                self._stream.feed(data)
                self.arrived = arrived
                self._fed.notify_all()

    def _drain(self, data: bytes) -> bytes:
        """`data` and what else has come already: a screen redrawn arrives in pieces of a few
        KB, and the time of its last piece is not to be pushed back by reading the first."""
        while data and select.select([self._controller], [], [], 0)[0]:
            more = os.read(self._controller, 65536)
            if not more:
                break
            data += more
        return data

    def text(self) -> str:
        with self.lock:
            return "\n".join(self.screen.display)

    def line(self, y: int) -> str:
        with self.lock:
            return self.screen.display[y]

    def wait_for(self, condition: Callable[[], bool], timeout: float = 60.0) -> float:
        """Seconds from the start until `condition` holds, looked at as bytes arrive: to the
        arrival of the bytes that made it hold. Reading them with pyte, a terminal emulator in
        Python, takes a time of its own (~15 ms for a screen redrawn at 120x40) that a real
        terminal does not, and that is not the app's."""
        deadline = time.perf_counter() + timeout
        with self._fed:
            while not condition():
                left = deadline - time.perf_counter()
                if left <= 0 or self.process.poll() is not None:
                    raise TimeoutError(f"not seen in {timeout} s; the screen:\n{self.text()}")
                self._fed.wait(min(left, 0.1))
            return self.arrived - self.started

    def latency(self, sent: float, condition: Callable[[], bool]) -> float:
        """Seconds from `sent` (a `time.perf_counter()`) until `condition` holds (as above)."""
        return self.started + self.wait_for(condition) - sent

    def send(self, keys: str) -> None:
        os.write(self._controller, keys.encode())

    @contextlib.contextmanager
    def stopped(self) -> Iterator[None]:
        """The process stopped meanwhile (SIGSTOP): it takes no CPU from another's figure."""
        os.kill(self.process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.process.pid, signal.SIGCONT)

    def cpu_seconds(self) -> float:
        """User and system time of the process so far (Linux's /proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        """Quit as a user does (ctrl+q: both apps' quit), else end the process."""
        with contextlib.suppress(OSError):
            self.send(QUIT)
        for ending in (signal.SIGTERM, signal.SIGKILL):
            try:
                self.process.wait(3)
                break
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, ending)
        self.process.wait()
        os.close(self._controller)
        self._reader.join(2)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""The command line's exit codes, and the failure each stands for (the README lists them)."""

from __future__ import annotations

DONE = 0
REFUSED = 1  # by OVHcloud, or by a rule (an account that is not SUCCESS, a full list)
USAGE = 2  # the command line, a value given or the configuration is wrong; nothing was sent
UNREACHABLE = 3  # OVHcloud could not be reached, or answered with nonsense
CREDENTIALS = 4  # OVHcloud refused the keys, or their rights


class Usage(Exception):
    """What is wrong with the command line, and what is accepted; nothing was sent."""


class Refused(Exception):
    """A rule of OVHcloud's the command checks before sending (exit 1)."""


def code_of(error: Exception) -> int:
    """The exit code of a failure the command says on stderr."""
    from smpp_tui.api import errors
    from smpp_tui.config import ConfigError

    if isinstance(error, Usage | ConfigError | errors.ConfigurationError | errors.InvalidInput):
        return USAGE
    if isinstance(error, errors.Forbidden) and not error.code:
        return REFUSED  # a 403 of the resource's own (a deleted service), not of the keys
    if isinstance(error, errors.AuthError):
        return CREDENTIALS
    unreachable = (
        errors.Unreachable,
        errors.TimedOut,
        errors.ServerError,
        errors.RateLimited,
        errors.InvalidResponse,
    )
    if isinstance(error, unreachable):
        return UNREACHABLE
    return REFUSED

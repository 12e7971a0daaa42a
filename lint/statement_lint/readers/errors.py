"""How a reader says what went wrong with a file."""


class NotRegular(OSError):
    """The path names something other than a regular file (a FIFO, a device, a socket)."""


def reason(error: OSError) -> str:
    """What went wrong, in lower case: `permission denied`."""
    if isinstance(error, NotRegular):
        return str(error)
    return (error.strerror or str(error)).lower()

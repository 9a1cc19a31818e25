"""How the build, the tests and the benchmark start Jupyter kernels: over IPC, not TCP.

Over TCP a kernel's manager picks free ports and closes them before the kernel binds them, so
two kernels started at once by two processes can race for one port ("Address already in use",
"Kernel died before replying to kernel_info"), and each kernel warns on stderr that it runs
unencrypted. Unix sockets named after a fresh id in the temporary folder cannot collide, and
jupyter_client removes them when the kernel shuts down.
"""

import logging
import tempfile
import uuid
from pathlib import Path

from jupyter_client.manager import KernelManager
from traitlets import CaselessStrEnum, default


class IPCKernelManager(KernelManager):
    """A kernel manager whose kernels talk over Unix sockets with absolute, unique paths."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        # the same ipykernel, started through a launcher that drops one benign tornado warning
        command = super().format_kernel_cmd(extra_arguments)
        return [
            "edition.site.kernel_launcher" if part == "ipykernel_launcher" else part
            for part in command
        ]

    @default("ip")
    def _ip_default(self) -> str:
        # jupyter_client's default ("kernel-ipc") is relative to the working folder, which the
        # kernel and its client need not share, and numbered by looking for free names (a race).
        return str(Path(tempfile.gettempdir()) / f"edition-kernel-{uuid.uuid4().hex[:16]}")


class _ClosedStreamFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "Got events for closed stream" not in record.getMessage()


def quiet_closed_stream_warning() -> None:
    """A kernel's last messages can reach a ZMQ stream that nbclient has just closed; tornado then
    logs "Got events for closed stream" as a warning, now and then (more often under load), after
    the notebook has run and been read in full. Only that message is dropped: a filter on
    tornado's logger, which a later change of the logger's level does not undo."""
    logger = logging.getLogger("tornado.general")
    if not any(isinstance(f, _ClosedStreamFilter) for f in logger.filters):
        logger.addFilter(_ClosedStreamFilter())

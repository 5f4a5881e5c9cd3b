"""Whether there is a screen to show the app on, asked before Qt is started.

Started with no display (over ssh, from a service, in a container), Qt's xcb plugin aborts with
advice to reinstall the application, which is wrong and alarming. This says what is missing in
plain words instead, and that the command-line tools need no screen.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

NO_SCREEN = (
    "assessor: there is no screen to show the app on ({why}). Start it from the desktop, or "
    "over ssh with a forwarded display (ssh -X); the command-line tools need no screen "
    "(assessor --help)."
)
# Platforms that draw somewhere other than a desktop's display server.
SCREENLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")
LOCAL_DISPLAY = re.compile(r"^:(\d+)(\.\d+)?$")


def no_screen_reason(
    environ: Mapping[str, str],
    platform: str = sys.platform,
    exists: Callable[[Path], bool] = Path.exists,
) -> str | None:
    """The plain message to give when there is no screen to open a window on, or None.

    Only Linux and the BSDs have a display server that can be missing; a chosen Qt platform
    that needs none (offscreen, VNC, a framebuffer) is trusted as chosen.
    """
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen.startswith(SCREENLESS_PLATFORMS):
        return None
    if environ.get("WAYLAND_DISPLAY") and not chosen.startswith("xcb"):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        return NO_SCREEN.format(why="no DISPLAY is set")
    local = LOCAL_DISPLAY.match(display)
    if local and not exists(Path(f"/tmp/.X11-unix/X{local.group(1)}")):
        return NO_SCREEN.format(why=f"display {display} is not running")
    return None

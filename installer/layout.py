"""The layout of Desk's bundle: what installer/desk.spec produces, and what build-deb.sh and
installer/windows/desk.iss install from it (tests/unit/test_installer.py checks they agree).

    build/dist/desk/            BUNDLE
        desk[.exe]              CONSOLE: the command line, and on Linux the window too
        deskw.exe               WINDOWED (Windows only): the window without a console window
        _internal/              CONTENTS: Python, Qt, Desk and its data
            resources/icons/    ICONS: the window icon
"""

BUNDLE = "desk"
CONSOLE = "desk"
WINDOWED = "deskw"
CONTENTS = "_internal"
ICONS = "resources/icons"


def executables(windows: bool) -> list[str]:
    """The programs in the bundle's top folder, with their file names on that system."""
    return [f"{CONSOLE}.exe", f"{WINDOWED}.exe"] if windows else [CONSOLE]

"""The installers agree with what they install: the Inno Setup script names only files the PyInstaller spec's
bundle has (installer/layout.py) or the repository has, the versions agree everywhere, the icons are there in
every size, and the desktop entry starts a command Desk understands. (The Windows build itself runs on the
Windows runner, .github/workflows/windows.yml; the .deb is built, installed and run by installer/check-deb.sh.)"""

from __future__ import annotations

import configparser
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path, PureWindowsPath

import pytest
from PIL import Image

import desk
from desk.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
RESOURCES = ROOT / "resources"
ISS = INSTALLER / "windows" / "desk.iss"
ID = "org.desk.Desk"
sys.path.insert(0, str(INSTALLER))
import layout  # noqa: E402


def iss() -> tuple[dict[str, str], dict[str, list[dict[str, str]]]]:
    """The script's #defines, and each section's entries (``Key: "value"; Key: value`` lines) as dicts."""
    defines, sections, current = {}, {}, ""
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if m := re.fullmatch(r'#define (\w+) "(.*)"', line):
            defines[m[1]] = m[2]
        elif m := re.fullmatch(r"\[(\w+)\]", line):
            current = m[1]
            sections[current] = []
        elif not line.startswith("#") and ": " in line.split(";")[0]:
            entry = {}
            for key, value in re.findall(r'(\w+): ("(?:[^"]|"")*"|[^;]*)', line):
                value = value.strip()
                entry[key] = value[1:-1].replace('""', '"') if value.startswith('"') else value
            sections[current].append(entry)
        elif "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            sections[current].append({"=": key, "value": value})
    return defines, sections


def expand(text: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m[1]], text)


def setup_value(sections: dict[str, list[dict[str, str]]], key: str) -> str:
    return next(e["value"] for e in sections["Setup"] if e.get("=") == key)


def test_every_file_the_iss_installs_is_in_the_bundle_or_the_repository() -> None:
    defines, sections = iss()
    bundle = (ISS.parent / PureWindowsPath(defines["Bundle"]).as_posix()).resolve()
    assert bundle == ROOT / "build" / "dist" / layout.BUNDLE  # where the workflow's PyInstaller writes it
    top = set(layout.executables(windows=True)) | {layout.CONTENTS}
    installed = set()
    for entry in sections["Files"]:
        source = (ISS.parent / PureWindowsPath(expand(entry["Source"], defines)).as_posix()).resolve()
        if source.is_relative_to(bundle):
            inside = source.relative_to(bundle).parts
            assert inside[0] in top, f"{entry['Source']} is not in the bundle the spec makes ({sorted(top)})"
            if inside[0] == layout.CONTENTS:
                assert inside[1:] == ("*",) and "recursesubdirs" in entry["Flags"]
        else:
            assert source.is_file(), f"{source} does not exist"
        if entry["DestDir"] == "{app}":
            installed.add(source.name)
    assert installed >= set(layout.executables(windows=True))
    # what the shortcuts, the file association and the last page start is installed
    mentioned = re.findall(r"\{app\}\\([\w.]+)", ISS.read_text(encoding="utf-8"))
    assert mentioned and set(mentioned) <= installed | {layout.CONTENTS}


def test_the_spec_makes_the_layout_the_installers_rely_on() -> None:
    spec = (INSTALLER / "desk.spec").read_text(encoding="utf-8")
    for needed in ("name=layout.CONSOLE", "name=layout.WINDOWED", "contents_directory=layout.CONTENTS",
                   "name=layout.BUNDLE", "layout.ICONS"):
        assert needed in spec
    assert "if WINDOWS:" in spec.split("name=layout.WINDOWED")[0].rsplit("executables = [", 1)[1]
    # the icons the window finds beside the desk package (desk.ui.app.ICONS) are where the spec puts them
    from desk.ui import app

    assert app.ICONS.relative_to(ROOT).as_posix() == layout.ICONS


def test_the_workflow_builds_this_spec_and_this_script() -> None:
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in workflow
    assert "--distpath build/dist" in workflow and "installer/desk.spec" in workflow
    assert r"installer\windows\desk.iss" in workflow
    _, sections = iss()
    assert setup_value(sections, "OutputBaseFilename").startswith("desk-") and "build/desk-*-setup.exe" in workflow


def test_per_user_or_per_machine_and_the_uninstaller_keeps_the_data() -> None:
    _, sections = iss()
    assert setup_value(sections, "PrivilegesRequired") == "lowest"
    assert setup_value(sections, "PrivilegesRequiredOverridesAllowed") == "dialog"
    assert setup_value(sections, "DefaultDirName") == "{autopf}\\{#AppName}"
    assert "UninstallDelete" not in sections and "{localappdata}" not in ISS.read_text(encoding="utf-8").lower()
    assert any(e.get("Name", "").startswith("{group}") for e in sections["Icons"])  # the Start menu entry
    command = next(e for e in sections["Registry"] if e["Subkey"].endswith(r"shell\open\command"))
    assert command["ValueData"] == '"{app}\\deskw.exe" gui "%1"'
    args = build_parser().parse_args(["gui", "case.deskcase"])
    assert args.file == Path("case.deskcase")


def test_versions_agree() -> None:
    version = desk.__version__
    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"] == version
    defines, _ = iss()
    assert defines["AppVersion"] == version
    metainfo = ET.parse(RESOURCES / f"{ID}.metainfo.xml").getroot()
    assert metainfo.find("releases/release").get("version") == version  # type: ignore[union-attr]
    info = (RESOURCES / "desk-version-info.txt").read_text(encoding="utf-8")
    numbers = (*(int(n) for n in version.split(".")), 0)
    assert f"filevers={numbers}" in info and f"prodvers={numbers}" in info
    for field in ("FileVersion", "ProductVersion"):
        assert f"StringStruct('{field}', '{version}')" in info


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icon_sizes(size: int) -> None:
    with Image.open(RESOURCES / "icons" / f"desk-{size}.png") as png:
        assert png.size == (size, size) and png.mode == "RGBA"
        assert png.getpixel((size // 2, size // 2))[3] == 255  # drawn, not blank
        assert png.getpixel((0, 0))[3] == 0  # the rounded corner is transparent


def test_ico_holds_the_windows_sizes() -> None:
    with Image.open(RESOURCES / "desk.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_desktop_entry_starts_a_command_desk_understands() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(RESOURCES / f"{ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    command, *args = section["Exec"].split()
    assert command == "desk" and args == ["gui", "%f"]
    assert build_parser().parse_args(["gui"]).file is None  # started from the menu, no file
    assert section["Icon"] == ID and section["Type"] == "Application"
    mime = ET.parse(RESOURCES / f"{ID}.mime.xml").getroot()
    types = [t.get("type") for t in mime]
    assert section["MimeType"].rstrip(";").split(";") == types


def test_the_deb_installs_what_exists() -> None:
    script = (INSTALLER / "build-deb.sh").read_text(encoding="utf-8")
    for name in re.findall(r"resources/([\w$.{}-]+)", script):
        path = RESOURCES / name.replace("$ID", ID)
        assert "*" in name or path.exists(), path
    for font in ("fonts-arphic-uming", "fonts-arphic-ukai", "fonts-wqy-zenhei"):
        assert font in script
    assert "ln -s /opt/desk/desk" in script and "postrm" not in script and "DEBIAN/prerm" not in script

"""The files the battery points at: evidence bombs, links leaving a folder, broken and hostile packages."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pikepdf


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels, with a few bytes of image data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"\0" * 1000))
            + _chunk(b"IEND", b""))


def jpeg_claiming(width: int, height: int) -> bytes:
    sof = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xd8" + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof + b"\xff\xd9"


def pdf_bytes(password: str | None = None) -> bytes:
    with pikepdf.new() as pdf, io.BytesIO() as buf:
        pdf.add_blank_page()
        if password:
            pdf.save(buf, encryption=pikepdf.Encryption(owner=password, user=password))
        else:
            pdf.save(buf)
        return buf.getvalue()


def make_case_folder(folder: Path) -> Path:
    """A case file's folder: ``files/`` with good, hostile and linked-out files, and a file beside the folder."""
    files = folder / "files"
    files.mkdir(parents=True)
    (folder.parent / "outside.txt").write_text("secret", encoding="utf-8")
    (files / "ok.pdf").write_bytes(pdf_bytes())
    (files / "bomb.png").write_bytes(png_claiming(200_000, 200_000))
    (files / "bomb.jpg").write_bytes(jpeg_claiming(65_500, 65_500))
    (files / "encrypted.pdf").write_bytes(pdf_bytes("secret"))
    (files / "adir").mkdir()
    (files / ("n" * 201 + ".pdf")).write_bytes(pdf_bytes())
    os.symlink("/etc/passwd", files / "passwd_link")
    os.symlink("/etc", files / "etc")
    os.symlink("/dev/zero", files / "zero_link")
    return folder


def _encrypted_flag(data: bytes) -> bytes:
    """The same ZIP with every entry marked encrypted (general-purpose flag bit 0)."""
    out = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(sig)
        while at >= 0:
            out[at + offset] |= 0x01
            at = out.find(sig, at + 4)
    return bytes(out)


def _zip(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def zip_bomb(path: Path, size: int) -> None:
    """One entry expanding to ``size`` zero bytes, written in a stream (a few MB on disk)."""
    block = b"\0" * (1 << 24)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("data/big.bin", "w", force_zip64=True) as f:
        for _ in range(size // len(block)):
            f.write(block)


def many_entries_zip() -> bytes:
    """A ZIP64 end record claiming a billion entries."""
    count = 10**9
    record = (b"PK\x06\x06" + struct.pack("<QHHIIQQQQ", 44, 45, 45, 0, 0, count, count, 0, 0))
    locator = b"PK\x06\x07" + struct.pack("<IQI", 0, 0, 1)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return record + locator + end


def make_packages(tmp: Path) -> None:
    """The battery's packages for ``desk verify`` and its plain files and folders."""
    bag = {"bagit.txt": b"BagIt-Version: 1.0\n", "data/a.txt": b"hello" * 100}
    zip_bomb(tmp / "bomb.zip", 2 * 1024**3)
    (tmp / "bomb.png").write_bytes(png_claiming(200_000, 200_000))
    (tmp / "encrypted.zip").write_bytes(_encrypted_flag(_zip(bag)))
    (tmp / "bzip2.zip").write_bytes(_zip(bag, zipfile.ZIP_BZIP2))
    (tmp / "lzma.zip").write_bytes(_zip(bag, zipfile.ZIP_LZMA))
    (tmp / "tag_bomb.zip").write_bytes(_zip({"bagit.txt": b"\0" * (20 * 1024 * 1024)}))
    (tmp / "garbage.zip").write_bytes(os.urandom(4096))
    (tmp / "many.zip").write_bytes(many_entries_zip())
    (tmp / "truncated.zip").write_bytes(_zip(bag)[:150])
    (tmp / "afile").write_bytes(b"")
    (tmp / "adir").mkdir()

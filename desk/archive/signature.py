"""SM2 signatures (GB/T 32918, with SM3) for archive packages and audit anchors; the agency's key pair.

A package carries ``signature-sm2.txt`` at the top of its bag: the signature over its two tag manifests (which
cover ``bag-info.txt`` with the audit anchor and both payload manifests, hence every file), the agency's public
key and its fingerprint (the SM3 of the key). Re-sealing an edited package — manifests and tag manifests
recomputed — breaks the signature; re-signing it needs the agency's private key, which is kept sealed with a
passphrase (scrypt → SM4-CBC, with an HMAC-SHA256 that tells a wrong passphrase apart).

Pure functions: no database, no files (the services keep the key: ``desk.services.keys``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from desk.archive.checksums import new as new_hash

SIGNATURE_FILE = "signature-sm2.txt"
SIGNED_FILES = ("tagmanifest-sha256.txt", "tagmanifest-sm3.txt")
ALGORITHM = "SM2-with-SM3"
_N = int("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123", 16)
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class BadPassphrase(ValueError):
    """The passphrase does not open the sealed private key."""


@dataclass(frozen=True)
class KeyPair:
    private_key: str  # 64 hex digits
    public_key: str  # 128 hex digits (x ‖ y)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def _sm2(private_key: str, public_key: str) -> object:
    from gmssl import sm2

    crypt = sm2.CryptSM2(private_key=private_key, public_key="")
    # Not through the constructor: gmssl 3.2 "drops an 04 prefix" with ``lstrip("04")``, which eats every leading
    # 0 and 4 of a key whose x begins with 04 (1 key in 256 then signed what it could not verify).
    crypt.public_key = public_key
    return crypt


def fingerprint(public_key: str) -> str:
    """The SM3 of the public key's bytes, in hex."""
    h = new_hash("sm3")
    h.update(bytes.fromhex(public_key))
    return h.hexdigest()


def _scalar() -> str:
    return f"{secrets.randbelow(_N - 2) + 1:064x}"


def generate() -> KeyPair:
    from gmssl import sm2

    private_key = _scalar()
    crypt = sm2.CryptSM2(private_key=private_key, public_key="")
    public_key = crypt._kg(int(private_key, 16), sm2.default_ecc_table["g"])
    return KeyPair(private_key, public_key)


def sign(pair: KeyPair, data: bytes) -> str:
    """The SM2 signature (r ‖ s, hex) of ``data`` (SM3 with the default signer id), with a fresh secret nonce."""
    crypt = _sm2(pair.private_key, pair.public_key)
    return str(crypt.sign_with_sm3(data, _scalar()))  # type: ignore[attr-defined]


def valid(public_key: str, signature: str, data: bytes) -> bool:
    try:
        return bool(_sm2("", public_key).verify_with_sm3(signature, data))  # type: ignore[attr-defined]
    except (ValueError, TypeError, IndexError):
        return False


# -- the private key at rest
def _keys(passphrase: str, salt: bytes) -> tuple[bytes, bytes]:
    derived = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, dklen=48, **_SCRYPT)
    return derived[:16], derived[16:]


def seal_private(pair: KeyPair, passphrase: str) -> str:
    """``sm4-cbc$salt$iv$ciphertext$mac`` (base64 parts): the private key, readable only with ``passphrase``."""
    from gmssl import sm4

    salt, iv = secrets.token_bytes(16), secrets.token_bytes(16)
    enc_key, mac_key = _keys(passphrase, salt)
    crypt = sm4.CryptSM4()
    crypt.set_key(enc_key, sm4.SM4_ENCRYPT)
    body = bytes(crypt.crypt_cbc(iv, bytes.fromhex(pair.private_key)))
    mac = hmac.new(mac_key, iv + body, "sha256").digest()
    return "$".join(["sm4-cbc"] + [base64.b64encode(b).decode() for b in (salt, iv, body, mac)])


def open_private(sealed: str, public_key: str, passphrase: str) -> KeyPair:
    """The key pair, its private key unsealed with ``passphrase`` (``BadPassphrase`` when it does not fit)."""
    from gmssl import sm4

    scheme, *parts = sealed.split("$")
    salt, iv, body, mac = (base64.b64decode(p) for p in parts)
    enc_key, mac_key = _keys(passphrase, salt)
    if scheme != "sm4-cbc" or not hmac.compare_digest(hmac.new(mac_key, iv + body, "sha256").digest(), mac):
        raise BadPassphrase
    crypt = sm4.CryptSM4()
    crypt.set_key(enc_key, sm4.SM4_DECRYPT)
    return KeyPair(bytes(crypt.crypt_cbc(iv, body)).hex(), public_key)


# -- the package's signature file
def signed_bytes(tags: dict[str, bytes]) -> bytes:
    """What a package's signature covers: its tag manifests, in a fixed order, each ended by a NUL."""
    return b"".join(tags.get(name, b"") + b"\0" for name in SIGNED_FILES)


def signature_file(pair: KeyPair, tags: dict[str, bytes]) -> bytes:
    lines = [("Algorithm", ALGORITHM), ("Signed-Files", " ".join(SIGNED_FILES)), ("Public-Key", pair.public_key),
             ("Key-Fingerprint", pair.fingerprint), ("Signature", sign(pair, signed_bytes(tags)))]
    return "".join(f"{k}: {v}\n" for k, v in lines).encode("ascii")


@dataclass(frozen=True)
class PackageSignature:
    public_key: str
    fingerprint: str
    problem: str | None  # None: the signature holds; else unsigned | malformed | invalid


def check_package(tags: dict[str, bytes]) -> PackageSignature:
    """Does the package's signature hold over its tag manifests, with the key it names?"""
    if SIGNATURE_FILE not in tags:
        return PackageSignature("", "", "unsigned")
    fields = dict(line.partition(": ")[::2] for line in tags[SIGNATURE_FILE].decode("ascii", "replace").splitlines())
    key, signature = fields.get("Public-Key", ""), fields.get("Signature", "")
    if fields.get("Algorithm") != ALGORITHM or len(key) != 128 or not signature:
        return PackageSignature(key, fields.get("Key-Fingerprint", ""), "malformed")
    try:
        print_ = fingerprint(key)
    except ValueError:
        return PackageSignature(key, "", "malformed")
    if print_ != fields.get("Key-Fingerprint") or not valid(key, signature, signed_bytes(tags)):
        return PackageSignature(key, print_, "invalid")
    return PackageSignature(key, print_, None)


def anchor_statement(archive_number: str, anchor: str, package_sha256: str) -> bytes:
    """What a package's record in the database signs: its archive number, audit anchor and digest."""
    return f"desk-anchor/1\n{archive_number}\n{anchor}\n{package_sha256}\n".encode()

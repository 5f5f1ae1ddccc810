"""SM2 (GB/T 32918) signatures and the sealed private key, without a database."""

from __future__ import annotations

import pytest

from desk.archive import signature


def test_a_signature_holds_for_its_data_and_key_only() -> None:
    pair, other = signature.generate(), signature.generate()
    assert len(pair.private_key) == 64 and len(pair.public_key) == 128 and pair.fingerprint != other.fingerprint
    signed = signature.sign(pair, b"tagmanifest")
    assert signature.valid(pair.public_key, signed, b"tagmanifest")
    assert not signature.valid(pair.public_key, signed, b"tagmanifesT")
    assert not signature.valid(other.public_key, signed, b"tagmanifest")
    assert signature.sign(pair, b"tagmanifest") != signed  # a fresh secret nonce each time
    assert not signature.valid(pair.public_key, "00" * 64, b"tagmanifest")


def test_the_private_key_opens_with_its_passphrase_only() -> None:
    pair = signature.generate()
    sealed = signature.seal_private(pair, "correct horse")
    assert pair.private_key not in sealed
    assert signature.open_private(sealed, pair.public_key, "correct horse") == pair
    with pytest.raises(signature.BadPassphrase):
        signature.open_private(sealed, pair.public_key, "correct horsE")


def test_a_package_signature_file_names_the_key_and_covers_both_tag_manifests() -> None:
    pair = signature.generate()
    tags = {"tagmanifest-sha256.txt": b"a  bagit.txt\n", "tagmanifest-sm3.txt": b"b  bagit.txt\n"}
    tags[signature.SIGNATURE_FILE] = signature.signature_file(pair, tags)
    assert signature.check_package(tags) == signature.PackageSignature(pair.public_key, pair.fingerprint, None)
    for name in ("tagmanifest-sha256.txt", "tagmanifest-sm3.txt"):
        changed = {**tags, name: tags[name] + b"x"}
        assert signature.check_package(changed).problem == "invalid"
    assert signature.check_package({k: v for k, v in tags.items() if k != signature.SIGNATURE_FILE}).problem == (
        "unsigned")
    assert signature.check_package({**tags, signature.SIGNATURE_FILE: b"Algorithm: RSA\n"}).problem == "malformed"


def test_a_key_whose_x_begins_with_04_signs_and_verifies() -> None:
    # gmssl's constructor strips every leading 0 and 4 of such a key (lstrip("04")): 1 key in 256 failed.
    private_key = "b975d329bc3ff7ce0fe171568e4e32b385e17e4ab5e69274f6c67e146c2d4122"
    pair = signature.KeyPair(private_key, "04b45b8271ef43fca8a4ff716c2be9cfc7f42db3f43723881489b033f21ec24c"
                                          "58d1ae8f2beacf0f1a565d2ab65174fc1ac583ddd4d0e2a6797ba84dff212e50")
    assert signature.valid(pair.public_key, signature.sign(pair, b"hello"), b"hello")
    tags = {"tagmanifest-sha256.txt": b"a  bagit.txt\n", "tagmanifest-sm3.txt": b"b  bagit.txt\n"}
    tags[signature.SIGNATURE_FILE] = signature.signature_file(pair, tags)
    assert signature.check_package(tags).problem is None

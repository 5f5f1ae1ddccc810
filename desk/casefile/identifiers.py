"""Check digits of Chinese identifiers: ID numbers (GB 11643) and credit codes (GB 32100, GB 11714)."""

from __future__ import annotations

from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_number_check_digit(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def valid_id_number(value: str) -> bool:
    """A resident ID number: 18 characters, a real birth date, and the GB 11643 check digit."""
    if len(value) != 18 or not value[:17].isdigit() or not value[:17].isascii():
        return False
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    return id_number_check_digit(value[:17]) == value[17].upper()


def organization_code_check_digit(first8: str) -> str:
    total = sum(_ORG_CHARS.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    digit = 11 - total % 11
    return {10: "X", 11: "0"}.get(digit, str(digit))


def uscc_check_digit(first17: str) -> str:
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def valid_uscc(value: str) -> bool:
    """A unified social credit code: GB 32100 check character, and the embedded GB 11714 code."""
    code = value.upper()
    if len(code) != 18 or any(c not in _USCC_CHARS for c in code):
        return False
    if uscc_check_digit(code[:17]) != code[17]:
        return False
    org = code[8:17]
    if any(c not in _ORG_CHARS for c in org[:8]):
        return False
    return organization_code_check_digit(org[:8]) == org[8]

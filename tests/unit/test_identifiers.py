from __future__ import annotations

import pytest

from desk.casefile.identifiers import (
    id_number_check_digit,
    organization_code_check_digit,
    uscc_check_digit,
    valid_id_number,
    valid_uscc,
)


@pytest.mark.parametrize("value", ["420102199107153419", "11010519491231002X", "110105194912310021"[:17] + "X"])
def test_id_numbers(value: str) -> None:
    assert valid_id_number(value) is (id_number_check_digit(value[:17]) == value[17])


def test_id_number_examples() -> None:
    assert valid_id_number("11010519491231002X")  # the GB 11643 standard's own example
    assert valid_id_number("11010519491231002x")
    assert not valid_id_number("420102199107153418")
    assert not valid_id_number("420102199102303419")  # 30 February
    assert not valid_id_number("42010219910715341")


def test_uscc_examples() -> None:
    assert valid_uscc("91420100MA4KXR2L0X")
    assert not valid_uscc("91420100MA4KXR2L0Y")
    assert not valid_uscc("91420100MA4KXR2LOX")  # O is not in the GB 32100 alphabet
    assert uscc_check_digit("91420100MA4KXR2L0") == "X"
    assert organization_code_check_digit("MA4KXR2L") == "0"
    assert organization_code_check_digit("D2143569") == "X"  # GB 11714's worked example: D2143569-X

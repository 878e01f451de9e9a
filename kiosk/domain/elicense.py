"""E-license identifiers (GB/T 36904): 1.2.156.3005.2.<type code, 21>.<issuer code, 18>.
<serial>.<version, 3 digits>.<check character>, the check being ISO/IEC 7064 MOD 37,36 over
type ‖ issuer ‖ serial ‖ version (python-stdnum implements it). Some issuers compute it wrongly
in the wild: callers log a mismatch and keep the license."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum.iso7064 import mod_37_36

PREFIX = "1.2.156.3005.2."
_SHAPE = re.compile(r"^1\.2\.156\.3005\.2\.([0-9A-Z]{21})\.([0-9A-Z]{18})\.([0-9A-Za-z]+)\."
                    r"([0-9]{3})\.([0-9A-Z*])$")


class IdentifierError(ValueError):
    pass


@dataclass(frozen=True)
class LicenseIdentifier:
    type_code: str
    issuer_code: str
    serial: str
    version: str
    check: str

    @property
    def check_ok(self) -> bool:
        return expected_check(self.type_code, self.issuer_code, self.serial,
                              self.version) == self.check

    def __str__(self) -> str:
        return (f"{PREFIX}{self.type_code}.{self.issuer_code}.{self.serial}.{self.version}."
                f"{self.check}")


def expected_check(type_code: str, issuer_code: str, serial: str, version: str) -> str:
    body = (type_code + issuer_code + serial + version).upper()
    return str(mod_37_36.calc_check_digit(body))


def make_identifier(type_code: str, issuer_code: str, serial: str,
                    version: str = "001") -> LicenseIdentifier:
    return LicenseIdentifier(type_code, issuer_code, serial, version,
                             expected_check(type_code, issuer_code, serial, version))


def parse_identifier(text: str) -> LicenseIdentifier:
    m = _SHAPE.match(text)
    if not m:
        raise IdentifierError("not a GB/T 36904 e-license identifier")
    return LicenseIdentifier(*m.groups())

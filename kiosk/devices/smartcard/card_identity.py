"""The one `Identity` the flows see, made from what a PC/SC card yields (a passport's MRZ and
face, a social security card's fields): the card-to-identity mapping, nothing else."""

from __future__ import annotations

from kiosk.devices.smartcard.passport import PassportRead
from kiosk.devices.smartcard.social_security import SocialSecurityRead
from kiosk.domain.identity import Credential, Identity, Sex

_SEX = {"male": Sex.MALE, "female": Sex.FEMALE, "unspecified": Sex.UNSPECIFIED}


def identity_from_passport(read: PassportRead, reader: str = "") -> Identity:
    m = read.mrz
    return Identity(
        credential=Credential.PASSPORT, name=f"{m.surname} {m.given_names}".strip(),
        document_number=m.document_number, sex=_SEX.get(m.sex, Sex.UNKNOWN), birth=m.birth,
        nationality=m.nationality, expiry=m.expiry,
        photo=read.face.data if read.face else None,
        photo_format=read.face.format if read.face else None,
        verified=read.sod.verified, source_detail=f"{m.issuing_state} {reader}".strip(),
    )


def identity_from_social_security(read: SocialSecurityRead, reader: str = "") -> Identity:
    return Identity(
        credential=Credential.SOCIAL_SECURITY, name=read.name, id_number=read.ssn or None,
        document_number=read.card_number, sex=_SEX.get(read.sex, Sex.UNKNOWN),
        birth=read.birth, nationality="CHN", expiry=read.expiry, verified=False,
        source_detail=f"v{read.spec_version} {reader}".strip(),
    )

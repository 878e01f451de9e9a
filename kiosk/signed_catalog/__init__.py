"""The province's catalog, signed (The Update Framework, python-tuf): the publisher's side
(`kiosk catalog publish`: keys, metadata, the static repository) and the kiosk's side
(`kiosk catalog update` and the scheduled checks: ngclient from the provisioned root, the
downloaded catalog validated by the kiosk's own loader, kept, and swapped between visits).

docs/catalog-updates.md tells the whole story: roles, thresholds, expiry, rotation, attacks.
"""

"""Documents the kiosk prints: the A4 certificate (PDF, signed, with a verification QR code),
the thermal receipt and queue ticket, and the keys and payload format that let anyone verify a
certificate offline."""

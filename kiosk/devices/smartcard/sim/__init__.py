"""Virtual smart cards for vsmartcard-vpcd: they connect to vpcd (TCP 127.0.0.1:35963 for the
reader "Virtual PCD 00 00", 35964 for "00 01") and pcscd then sees them exactly as a card in a
USB reader. Product code: maintainers use them for demos and training, CI for every test."""

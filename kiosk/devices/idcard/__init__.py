"""The 2nd-generation resident ID card reader: SAM frame codec, text decoder, photo decoder
port, the pyserial reader adapter, and the reader simulator (a process on a pty)."""

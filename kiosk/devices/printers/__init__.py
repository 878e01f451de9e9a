"""Printers: the thermal receipt printer (ESC/POS, driven directly) and the A4 document
printer (CUPS), each with its simulator."""

"""The keypad for the key path (issue 20): a small USB keypad or any keyboard. The keys reach
the UI through the windowing system (libinput, Qt); this device only watches that the keypad is
there, so a pulled keypad shows on the status strip like any other device."""

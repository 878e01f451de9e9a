"""The headphone jack (issue 20): plugging headphones in puts the kiosk in audio mode, as a
first key press does. `jack.py` reads the jack switch the kernel reports for the sound card
(an input device with SW_HEADPHONE_INSERT), or a configured state where the hardware reports
nothing; `sim.py` is the simulated jack the trainer's panel and the tests plug."""

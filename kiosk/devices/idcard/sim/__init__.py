"""The ID card reader simulator: `reader.SamReaderSimulator` answers SAM frames on a pty, laying
cards shaped as `card.SampleCard`. Which cards exist (the sample deck) is the simulation's
business (`kiosk.sim.citizens`), not this package's."""

"""Scripted citizens: the headless front end that CI and integrators drive (`kiosk scenario run`).

`schema` is the typed scenario file, `rig` runs files on the real visit path against simulated
devices and a simulated backend, and `shipped/` holds the scenarios the project ships. This
package sits beside the touch UI (a front end), above the core it composes: it may import
`kiosk.app` and `kiosk.sim`; nothing in the core imports it."""

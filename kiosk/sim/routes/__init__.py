"""The simulated backend's routes, one module per part of the gateway contract
(kiosk/services/gateway.yaml), each a `routes(state)` list mounted on one app by
kiosk/sim/backend.py. Every handler is wrapped by `checked` (kiosk/sim/contract_check.py):
who may call it (the contract's `security`), its parameters and its body are checked before it
runs."""

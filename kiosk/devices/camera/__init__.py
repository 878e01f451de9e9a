"""The camera: OpenCV capture for real cameras, scripted scenes for the simulator, and QR codes
shown to it as credentials (decoded in a worker process). Frames live in memory only."""

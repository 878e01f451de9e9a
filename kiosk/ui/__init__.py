"""The Qt Quick front end: QML screens on top of the core, through a Python bridge."""

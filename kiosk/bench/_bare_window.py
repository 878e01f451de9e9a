"""The floor of `startup_first_frame_s`: a bare Qt Quick window with one line of CJK text in the
kiosk's font, started the same way (a fresh Python process, offscreen), to its first frame.
Prints "first-frame" then and exits. What the kiosk takes beyond this is its own."""

from __future__ import annotations

import sys

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

QML = b"""
import QtQuick
import QtQuick.Window
Window {
    width: 1920; height: 1080; visible: true
    Text { anchors.centerIn: parent; text: "\xe6\x82\xa8\xe5\xa5\xbd"
           font.family: "WenQuanYi Micro Hei"; font.pixelSize: 48 }
}
"""


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    QFontDatabase.addApplicationFont("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    engine = QQmlApplicationEngine()
    engine.loadData(QML, QUrl("bare.qml"))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)

    def first() -> None:
        print("first-frame", flush=True)
        app.exit(0)

    window.frameSwapped.connect(first)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

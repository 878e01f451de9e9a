import QtQuick
import QtQuick.Window
import Kiosk

Window {
    id: window
    objectName: "mainWindow"
    width: 1920
    height: 1080
    visible: true
    color: Theme.background
    title: "易办自助终端"
    flags: kioskFullscreen ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    visibility: kioskFullscreen ? Window.FullScreen : Window.Windowed

    required property bool kioskFullscreen

    // A kiosk window is never closed by the window manager or a key combination.
    onClosing: (close) => { close.accepted = allowClose }
    property bool allowClose: false

    onHeightChanged: Theme.scale = Math.max(0.5, height / 1080)
    Component.onCompleted: Theme.scale = Math.max(0.5, height / 1080)

    HomeScreen {
        id: home
        anchors.fill: parent
    }

    AttractScreen {
        id: attract
        objectName: "attractScreen"
        anchors.fill: parent
        visible: kiosk.attract
    }
}

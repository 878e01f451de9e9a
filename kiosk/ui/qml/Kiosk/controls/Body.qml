import QtQuick
import Kiosk

Text {
    textFormat: Text.PlainText
    property bool shareable: true  // shown to staff in a video call (kiosk/ui/screen_share.py)
    width: parent ? parent.width : implicitWidth
    wrapMode: Text.WordWrap
    color: Theme.text
    lineHeight: Theme.lineHeight
    font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
}

import QtQuick
import Kiosk

Text {
    textFormat: Text.PlainText  // every Text is plain: names and titles come from outside (tests/ui)
    property bool shareable: true  // shown to staff in a video call (kiosk/ui/screen_share.py)
    width: parent ? parent.width : implicitWidth
    wrapMode: Text.WordWrap
    color: Theme.text
    lineHeight: Theme.lineHeight
    font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: true }
    Accessible.role: Accessible.Heading
}

import QtQuick
import Kiosk

Text {
    width: parent ? parent.width : implicitWidth
    wrapMode: Text.WordWrap
    color: Theme.text
    lineHeight: Theme.lineHeight
    font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: true }
    Accessible.role: Accessible.Heading
}

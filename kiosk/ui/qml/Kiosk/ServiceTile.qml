import QtQuick
import Kiosk

Rectangle {
    id: tile
    property string glyph
    property string title
    property string subtitle
    signal activated()

    width: Math.round(460 * Theme.scale)
    height: Math.round(400 * Theme.scale)
    radius: Theme.radius
    color: tap.pressed ? Theme.primaryDark : Theme.primary

    Column {
        anchors.centerIn: parent
        spacing: Theme.spacing
        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.round(128 * Theme.scale); height: width; radius: width / 2
            color: Theme.textOnPrimary
            Text {
                anchors.centerIn: parent
                text: tile.glyph
                color: Theme.primary
                font { family: Theme.fontFamily; pixelSize: Theme.fontHuge; bold: true }
            }
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: tile.title
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontTitle; bold: true }
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: tile.subtitle
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
        }
    }
    TapHandler { id: tap; onTapped: tile.activated() }
}

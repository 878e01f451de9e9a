import QtQuick
import Kiosk

Rectangle {
    id: tile
    property bool shareable: true
    property string glyph
    property string title
    property string subtitle
    signal activated()

    implicitWidth: Math.round(440 * Theme.scale)
    implicitHeight: Math.round(360 * Theme.scale)
    radius: Theme.radius
    color: tap.pressed ? Theme.primaryDark : Theme.primary
    Accessible.role: Accessible.Button
    Accessible.name: title
    // keys: Tab reaches it, Enter or Space activates it; the ring shows where the focus is
    activeFocusOnTab: tile.visible
    Accessible.focusable: true
    Keys.onReturnPressed: tile.activated()
    Keys.onEnterPressed: tile.activated()
    Keys.onSpacePressed: tile.activated()
    FocusRing {}

    Column {
        anchors.centerIn: parent
        width: parent.width - Theme.spacing * 2
        spacing: Theme.spacing
        Rectangle {
            visible: tile.height >= Theme.fontHuge * 5  // a short tile keeps its words, not the glyph
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(Math.round(120 * Theme.scale), tile.height * 0.3); height: width; radius: width / 2
            color: Theme.textOnPrimary
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                text: tile.glyph
                color: Theme.primary
                font { family: Theme.fontFamily; pixelSize: Theme.fontHuge; bold: true }
            }
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: tile.title
            wrapMode: Text.WordWrap
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontTitle; bold: true }
        }
        Text {
            textFormat: Text.PlainText
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: tile.subtitle
            wrapMode: Text.WordWrap
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
        }
    }
    TapHandler { id: tap; onTapped: tile.activated() }
}

import QtQuick
import Kiosk

// A modal question over the screen: a scrim that swallows touches, a card with words and buttons.
Rectangle {
    id: dialog
    property string title
    property string message
    default property alias buttons: buttonRow.data
    anchors.fill: parent
    color: Theme.scrim
    TapHandler {}

    Rectangle {
        property bool shareable: true  // the question (its words and buttons)
        anchors.centerIn: parent
        width: Math.min(parent.width * 0.7, Math.round(1100 * Theme.scale * Theme.grow))
        height: col.implicitHeight + Theme.spacing * 4
        radius: Theme.radius
        color: Theme.surface
        border { color: Theme.border; width: Math.round(3 * Theme.scale) }
        Column {
            id: col
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing * 2 }
            spacing: Theme.spacing * 1.5
            Heading { text: dialog.title; font.pixelSize: Theme.fontTitle }
            Body { text: dialog.message; visible: text !== "" }
            Row { id: buttonRow; spacing: Theme.spacing; anchors.horizontalCenter: parent.horizontalCenter }
        }
    }
}

import QtQuick
import Kiosk

// The frame of every step screen: a heading, the spoken prompt, and content below.
Rectangle {
    id: screen
    property string title
    property string prompt: title
    default property alias content: body.data
    color: Theme.background

    Component.onCompleted: kiosk.visit.say(prompt)

    Heading {
        id: heading
        objectName: "screenTitle"
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing * 1.5; leftMargin: Theme.spacing * 2; rightMargin: Theme.spacing * 2 }
        text: screen.title
        font.pixelSize: Theme.fontTitle
    }
    Item {
        id: body
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom
                  leftMargin: Theme.spacing * 2; rightMargin: Theme.spacing * 2; topMargin: Theme.spacing }
    }
}

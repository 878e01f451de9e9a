import QtQuick
import Kiosk

// Where the keyboard focus is: a thick ring from Theme drawn just outside its control (the
// parent). Put one in every control that takes the Tab focus.
Rectangle {
    objectName: "focusRing"
    readonly property color ringColor: Theme.focusRing   // what the audit looks for
    readonly property real ringWidth: Theme.focusRingWidth
    visible: parent ? parent.activeFocus : false
    anchors { fill: parent; margins: -Theme.focusRingWidth * 1.5 }
    radius: (parent && parent.radius !== undefined ? parent.radius : 0) + Theme.focusRingWidth
    color: "transparent"
    border { color: ringColor; width: ringWidth }
}

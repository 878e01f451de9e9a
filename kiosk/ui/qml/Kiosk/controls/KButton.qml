import QtQuick
import Kiosk

// A touch button: words always (never colour or an icon alone), ≥ the theme's touch size.
Rectangle {
    id: b
    property bool shareable: true  // shown to staff in a video call (kiosk/ui/screen_share.py)
    property string text
    property bool primary: false
    property bool enabled: true
    signal clicked()

    implicitWidth: Math.max(Theme.touchMin * 2, label.implicitWidth + Theme.spacing * 2)
    implicitHeight: Math.max(Theme.touchMin, label.implicitHeight + Theme.spacing)
    radius: Theme.radius
    opacity: enabled ? 1 : 0.55
    color: primary ? (tap.pressed ? Theme.primaryDark : Theme.primary) : Theme.secondary
    border { color: Theme.border; width: primary ? 0 : Math.max(1, Math.round(2 * Theme.scale)) }
    Accessible.role: Accessible.Button
    Accessible.name: text
    // keys: Tab reaches it, Enter or Space activates it; the ring shows where the focus is
    property bool tabStop: true  // false: not on the key path (the trainers' simulator panel)
    activeFocusOnTab: b.enabled && b.visible && b.tabStop
    Accessible.focusable: true
    Keys.onReturnPressed: if (b.enabled) b.clicked()
    Keys.onEnterPressed: if (b.enabled) b.clicked()
    Keys.onSpacePressed: if (b.enabled) b.clicked()
    FocusRing {}

    Text {
        textFormat: Text.PlainText
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, b.width - Theme.spacing)
        text: b.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        color: b.primary ? Theme.textOnPrimary : Theme.textOnSecondary
        font { family: Theme.fontFamily; pixelSize: Theme.fontBody; bold: true }
    }
    TapHandler { id: tap; enabled: b.enabled; onTapped: b.clicked() }
}

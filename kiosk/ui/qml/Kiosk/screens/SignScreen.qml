import QtQuick
import QtQuick.Controls
import Kiosk

Screen {
    id: sign
    objectName: "signScreen"
    title: qsTr("告知承诺书")
    prompt: qsTr("请阅读承诺书全文，同意请在下方签名")
    property real zoom: 1.0
    Column {
        id: signColumn
        anchors.fill: parent
        spacing: Math.round(Theme.spacing / 2)
        Row {
            id: zoomRow
            spacing: Theme.spacing
            KButton { objectName: "zoomIn"; text: qsTr("放大文字"); onClicked: sign.zoom = Math.min(2.0, sign.zoom + 0.25) }
            KButton { objectName: "zoomOut"; text: qsTr("缩小文字"); onClicked: sign.zoom = Math.max(1.0, sign.zoom - 0.25) }
        }
        Flickable {
            width: parent.width
            // what is left after the pad, the buttons and the zoom row
            height: signColumn.height - zoomRow.height - pad.height - signButtons.height - signColumn.spacing * 3 - Theme.spacing
            contentHeight: commitmentText.implicitHeight
            clip: true
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
            Body {
                id: commitmentText
                objectName: "commitmentText"
                width: parent.width - Theme.spacing
                text: kiosk.visit.view.text || ""
                font.pixelSize: Math.round(Theme.fontBody * sign.zoom)
            }
        }
        SignaturePad {
            id: pad
            objectName: "signaturePad"
            property bool personal: true  // covered on a staff member's shared screen
            width: parent.width
            height: Math.max(Theme.touchMin * 2, signColumn.height * 0.26)
        }
        Row {
            id: signButtons
            spacing: Theme.spacing * 2
            KButton { objectName: "signSubmit"; primary: true; enabled: pad.signed; text: qsTr("同意并签名"); onClicked: kiosk.visit.answer(pad.strokes) }
            KButton { objectName: "signClear"; text: qsTr("重签"); onClicked: pad.clear() }
            KButton { objectName: "signDecline"; text: qsTr("不签署，到窗口办理"); onClicked: kiosk.visit.answer([]) }
            // without touch: sign on the keypad by confirming twice (recorded as a key signature)
            KButton {
                objectName: "signByKeys"
                property bool asked: false
                text: asked ? qsTr("再按一次，确认签署") : qsTr("用按键签署")
                onClicked: if (!asked) { asked = true; kiosk.visit.say(text) } else kiosk.visit.answer("keys-confirmed")
            }
        }
    }
}

import QtQuick
import Kiosk

Screen {
    objectName: "confirmScreen"
    title: qsTr("请核对信息")
    prompt: qsTr("请核对以下信息，无误请点“确认无误”")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing
        ListView {
            id: rows
            width: parent.width
            height: parent.height - confirmRow.height - Theme.spacing * 2
            clip: true
            spacing: Math.round(Theme.spacing / 2)
            cacheBuffer: 100000  // every row exists, so Tab reaches the ones below the fold too
            // room inside the clip for the focus ring drawn around a row
            readonly property int ringRoom: Math.ceil(Theme.focusRingWidth * 2.5)
            leftMargin: ringRoom; rightMargin: ringRoom; topMargin: ringRoom; bottomMargin: ringRoom
            model: kiosk.visit.view.rows
            delegate: Rectangle {
                id: row
                objectName: "confirmRow_" + index
                // ID numbers, phone numbers and addresses stay masked until the citizen asks
                property bool revealed: false
                // keys: each row is a stop; the voice says its label, and its value only when
                // asked (F2) with headphones in (kiosk/ui/audio_guide.py)
                property string spokenName: modelData.label
                property string spokenValue: modelData.value
                activeFocusOnTab: true
                Accessible.role: Accessible.ListItem
                Accessible.name: spokenName
                onActiveFocusChanged: if (activeFocus) rows.positionViewAtIndex(index, ListView.Contain)
                width: rows.width - rows.ringRoom * 2
                height: Math.max(Theme.touchMin, valueText.implicitHeight + Theme.spacing)
                color: Theme.surface; radius: Theme.radius / 2
                border { color: Theme.border; width: 1 }
                FocusRing {}
                Text {
                    textFormat: Text.PlainText
                    id: labelText
                    property bool shareable: true  // the field's name; its value is personal
                    anchors { left: parent.left; leftMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
                    width: parent.width * 0.25; wrapMode: Text.WordWrap
                    text: modelData.label; color: Theme.textMuted
                    font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
                }
                Text {
                    textFormat: Text.PlainText
                    id: valueText
                    objectName: "confirmValue"
                    property bool personal: true  // covered on a staff member's shared screen
                    anchors { left: labelText.right; leftMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
                    width: parent.width * 0.45 - (revealButton.visible ? revealButton.width + Theme.spacing : 0)
                    wrapMode: Text.WrapAnywhere
                    text: modelData.masked && !row.revealed ? modelData.masked : modelData.value
                    color: Theme.text
                    font { family: Theme.fontFamily; pixelSize: Theme.fontBody; bold: true }
                }
                KButton {
                    id: revealButton
                    objectName: "revealValue_" + index
                    visible: !!modelData.masked
                    anchors { left: valueText.right; leftMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
                    text: row.revealed ? qsTr("隐藏") : qsTr("显示")
                    onClicked: row.revealed = !row.revealed
                }
                Rectangle {   // where the value came from; pre-filled values are read-only
                    property bool shareable: true
                    anchors { right: parent.right; rightMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
                    width: badgeText.implicitWidth + Theme.spacing; height: badgeText.implicitHeight + Theme.spacing / 2
                    radius: height / 2; color: Theme.badge
                    border { color: Theme.badgeText; width: 1 }
                    Text {
                        textFormat: Text.PlainText
                        id: badgeText
                        anchors.centerIn: parent
                        text: modelData.source === "identity" ? qsTr("来自：身份证件")
                            : modelData.source === "license" ? qsTr("来自：电子证照")
                            : modelData.source === "record" ? qsTr("来自：部门数据")
                            : modelData.source === "joint" ? qsTr("来自：本次一并申请") : qsTr("您填写")
                        color: Theme.badgeText
                        font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
                    }
                }
            }
        }
        Row {
            id: confirmRow
            spacing: Theme.spacing * 2
            KButton { objectName: "confirmYes"; primary: true; text: qsTr("确认无误"); onClicked: kiosk.visit.answer(true) }
            KButton { objectName: "confirmNo"; text: qsTr("信息有误，不办了"); onClicked: kiosk.visit.answer(false) }
        }
    }
}

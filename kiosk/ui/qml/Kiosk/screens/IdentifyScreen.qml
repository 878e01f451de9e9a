import QtQuick
import Kiosk

Screen {
    objectName: "identifyScreen"
    title: qsTr("请放置身份证")
    prompt: qsTr("请将身份证放到读卡区，办理期间请不要拿走")
    property string where: kiosk.readerPosition
    Row {
        anchors.fill: parent
        spacing: Theme.spacing * 2
        Item {
            id: art
            property bool shareable: true  // where to put the card
            width: parent.width * 0.45; height: parent.height * 0.8
            Rectangle {   // the reader
                id: readerPad
                width: parent.width * 0.55; height: width * 0.45; radius: Theme.radius
                anchors.centerIn: parent
                anchors.verticalCenterOffset: Math.round(80 * Theme.scale)
                color: Theme.secondary; border { color: Theme.border; width: Math.round(3 * Theme.scale) }
                Text { textFormat: Text.PlainText; anchors.centerIn: parent; text: qsTr("读卡区"); color: Theme.textOnSecondary
                       font { family: Theme.fontFamily; pixelSize: Theme.fontBody; bold: true } }
            }
            Rectangle {   // the card, moving down onto the reader
                id: cardArt
                width: readerPad.width * 0.7; height: width * 0.63; radius: Theme.radius / 2
                x: readerPad.x + (readerPad.width - width) / 2
                color: Theme.primary
                Text { textFormat: Text.PlainText; anchors.centerIn: parent; text: qsTr("身份证"); color: Theme.textOnPrimary
                       font { family: Theme.fontFamily; pixelSize: Theme.fontBody; bold: true } }
                SequentialAnimation on y {
                    loops: Animation.Infinite
                    NumberAnimation { from: 0; to: readerPad.y - cardArt.height * 0.3; duration: 1400; easing.type: Easing.InOutQuad }
                    PauseAnimation { duration: 600 }
                }
            }
            Text {
                textFormat: Text.PlainText
                objectName: "readerArrow"
                anchors { horizontalCenter: parent.horizontalCenter; top: readerPad.bottom; topMargin: Theme.spacing }
                text: where === "left" ? qsTr("⬅ 读卡器在屏幕左侧") : where === "below" ? qsTr("⬇ 读卡器在屏幕下方") : qsTr("读卡器在屏幕右侧 ➡")
                color: Theme.text
                font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: true }
            }
        }
        Column {
            width: parent.width * 0.5
            spacing: Theme.spacing
            Heading { text: qsTr("也可以：") }
            Body { text: "• " + qsTr("将社会保障卡或电子护照放到读卡区") }
            Body { text: "• " + qsTr("打开手机上的电子身份码，对准摄像头") }
            Body { text: "• " + qsTr("没有证件？请点下方“呼叫工作人员”") }
            Rectangle {
                objectName: "identifyProblem"
                visible: kiosk.visit.problem !== ""
                width: parent.width; height: problemText.implicitHeight + Theme.spacing * 2
                radius: Theme.radius; color: Theme.surface
                border { color: Theme.error; width: Math.round(4 * Theme.scale) }
                Body { id: problemText; anchors.centerIn: parent; width: parent.width - Theme.spacing * 2
                       text: "⚠ " + kiosk.visit.problem; color: Theme.error; font.bold: true }
            }
        }
    }
}

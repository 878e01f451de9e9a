import QtQuick
import Kiosk

// 预约签到's end: the hall's number, large, with the booked time — or why not, and what to do
Screen {
    objectName: "checkedInScreen"
    property var r: kiosk.visit.view
    title: r.checkedIn ? qsTr("签到成功") : qsTr("未能签到")
    prompt: title + "。" + (r.words || "")
    Row {
        anchors.fill: parent
        spacing: Theme.spacing * 2
        Column {
            id: numberColumn
            visible: !!r.checkedIn
            width: visible ? Math.max(numberText.implicitWidth, parent.width * 0.3) : 0
            spacing: Theme.spacing
            Text {
                id: numberText
                textFormat: Text.PlainText
                objectName: "checkedInNumber"
                property bool shareable: true  // a queue number names no one
                text: r.number || ""
                color: Theme.primary
                font { family: Theme.fontFamily; pixelSize: Theme.fontHuge * 1.5; bold: true }
            }
            Body { objectName: "checkedInPriority"; visible: !!r.priority; text: qsTr("预约优先叫号"); font.bold: true }
            Body { objectName: "checkedInBooked"; visible: !!r.booked; text: qsTr("预约时间：%1").arg(r.booked || "") }
        }
        Column {
            width: parent.width - (numberColumn.visible ? numberColumn.width + parent.spacing : 0)
            spacing: Theme.spacing
            Body { objectName: "checkedInWords"; text: r.words || ""; font.bold: !r.checkedIn }
            Body { visible: !!r.checkedIn && !!r.printed; text: qsTr("请取走号码条，留意叫号。") }
            Body { text: qsTr("%1 秒后回到首页").arg(Math.max(0, kiosk.visit.secondsLeft)) }
            KButton { objectName: "checkedInHome"; primary: true; text: qsTr("回到首页"); onClicked: kiosk.visit.goHome() }
        }
    }
}

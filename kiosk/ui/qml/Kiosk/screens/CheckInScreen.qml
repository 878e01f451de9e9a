import QtQuick
import Kiosk

// 预约签到: the booked person identifies with any credential; the booking code, typed first,
// says which booking (several bookings, or one made on someone else's phone)
Screen {
    id: checkIn
    objectName: "checkInScreen"
    property var v: kiosk.visit.view
    property string code: ""
    title: qsTr("预约签到")
    prompt: qsTr("请预约人本人放置身份证件，或出示电子身份码")
    Row {
        anchors.fill: parent
        spacing: Theme.spacing * 2
        Column {
            width: parent.width - codePad.width - parent.spacing
            spacing: Theme.spacing
            Body { text: qsTr("请预约人本人把身份证、社会保障卡或电子护照放到读卡区，或在摄像头前出示手机上的电子身份码。"); font.bold: true }
            Body { text: qsTr("按时到达的优先叫号；早到或迟到的按现场取号排队。") }
            Body {
                objectName: "checkInWorking"
                visible: checkIn.v.step === "checking"
                text: qsTr("正在向大厅确认您的预约…")
                font.bold: true
            }
            Rectangle {
                objectName: "identifyProblem"
                visible: kiosk.visit.problem !== ""
                width: parent.width; height: checkInProblem.implicitHeight + Theme.spacing * 2
                radius: Theme.radius; color: Theme.surface
                border { color: Theme.error; width: Math.round(4 * Theme.scale) }
                Body { id: checkInProblem; anchors.centerIn: parent; width: parent.width - Theme.spacing * 2
                       text: "⚠ " + kiosk.visit.problem; color: Theme.error; font.bold: true }
            }
            Body { text: qsTr("有多个预约，或预约不是用本人手机办的？可以先输入8位预约码，再放置证件：") }
            Rectangle {
                width: parent.width; height: Theme.touchMin
                radius: Theme.radius / 2; color: Theme.surface
                border { color: Theme.border; width: Math.round(2 * Theme.scale) }
                Text {
                    textFormat: Text.PlainText
                    objectName: "bookingCode"
                    property bool personal: true  // what opens a booking: not for a shared screen
                    anchors { left: parent.left; leftMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
                    text: checkIn.code !== "" ? checkIn.code : qsTr("预约码（选填）")
                    color: checkIn.code !== "" ? Theme.text : Theme.textMuted
                    font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: checkIn.code !== "" }
                }
            }
        }
        NumericPad {
            id: codePad
            onKey: (k) => {
                checkIn.code = k === "⌫" ? checkIn.code.slice(0, -1)
                             : checkIn.code.length < 8 ? checkIn.code + k : checkIn.code
                kiosk.visit.setBookingCode(checkIn.code)
            }
        }
    }
}

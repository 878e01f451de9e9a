import QtQuick
import Kiosk

// 取号 on an end screen that sends the citizen to a counter: the offer, then the number (large),
// where to wait and how many are before it — or why there is no number.
Column {
    id: offer
    property var v: kiosk.visit.view
    visible: !!v.ticket
    width: parent ? parent.width : implicitWidth
    spacing: Theme.spacing
    KButton {
        objectName: "takeTicket"
        visible: offer.v.ticket === "offered"
        primary: true
        text: qsTr("取号到窗口办理")
        onClicked: kiosk.visit.takeTicket()
    }
    Body { visible: offer.v.ticket === "taking"; text: qsTr("正在取号…") }
    Text {
        textFormat: Text.PlainText
        objectName: "ticketNumber"
        property bool shareable: true  // a queue number names no one
        visible: !!offer.v.ticketNumber
        text: offer.v.ticketNumber || ""
        color: Theme.primary
        font { family: Theme.fontFamily; pixelSize: Math.round(Theme.fontHuge * 1.6); bold: true }
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("您的号码 %1").arg(offer.v.ticketNumber || "")
    }
    Body {
        objectName: "ticketWords"
        visible: !!offer.v.ticketWords
        text: offer.v.ticketWords || ""
        font.bold: true
    }
}

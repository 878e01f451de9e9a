import QtQuick
import Kiosk

Screen {
    objectName: "resultScreen"
    property var r: kiosk.visit.view
    title: r.outcome === "referred" ? qsTr("请到窗口由工作人员办理") : qsTr("本次未能办理")
    prompt: title + "。" + (r.reason || "")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing * 1.5
        Body { objectName: "resultReason"; text: r.reason || ""; font.bold: true }
        TicketOffer {}
        Body { text: qsTr("您的信息已从本机清除。") }
        Body { text: qsTr("%1 秒后回到首页").arg(Math.max(0, kiosk.visit.secondsLeft)) }
        KButton { objectName: "resultHome"; primary: true; text: qsTr("回到首页"); onClicked: kiosk.visit.goHome() }
    }
}

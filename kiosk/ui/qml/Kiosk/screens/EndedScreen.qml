import QtQuick
import Kiosk

Screen {
    objectName: "endedScreen"
    property string why: kiosk.visit.view.why || ""
    title: why === "card" ? qsTr("身份证已取走，本次办理已结束")
         : why === "timeout" ? qsTr("长时间没有操作，本次办理已结束")
         : qsTr("本次办理已结束")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing * 1.5
        Body { objectName: "endedReason"; visible: !!kiosk.visit.view.reason; text: kiosk.visit.view.reason || ""; font.bold: true }
        Body { text: qsTr("为保护您的隐私，您的信息已从本机清除。需要办理请重新开始。") }
        TicketOffer {}
        Body { text: qsTr("%1 秒后回到首页").arg(Math.max(0, kiosk.visit.secondsLeft)) }
        KButton { objectName: "endedHome"; primary: true; text: qsTr("重新开始"); onClicked: kiosk.visit.goHome() }
    }
}

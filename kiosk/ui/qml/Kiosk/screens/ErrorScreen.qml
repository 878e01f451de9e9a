import QtQuick
import Kiosk

Screen {
    objectName: "errorScreen"
    title: qsTr("抱歉，出了点问题")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing * 1.5
        Body { text: qsTr("本次办理没能完成，您的信息已从本机清除。请重新开始，或呼叫工作人员。") }
        Body { text: qsTr("%1 秒后回到首页").arg(Math.max(0, kiosk.visit.secondsLeft)) }
        KButton { objectName: "errorRestart"; primary: true; text: qsTr("重新开始"); onClicked: kiosk.visit.goHome() }
    }
}

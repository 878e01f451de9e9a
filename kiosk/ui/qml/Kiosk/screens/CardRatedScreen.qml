import QtQuick
import Kiosk

// 卡片评's end: thanks, or why the kiosk did not take it (too soon after the last one)
Screen {
    objectName: "cardRatedScreen"
    property var r: kiosk.visit.view
    title: r.recorded ? qsTr("谢谢您的评价") : qsTr("未能提交评价")
    prompt: r.words || title
    Column {
        anchors.fill: parent
        spacing: Theme.spacing * 1.5
        Body { objectName: "cardRatedWords"; text: r.words || ""; font.bold: true }
        Body { text: qsTr("%1 秒后回到首页").arg(Math.max(0, kiosk.visit.secondsLeft)) }
        KButton { objectName: "cardRatedHome"; primary: true; text: qsTr("回到首页"); onClicked: kiosk.visit.goHome() }
    }
}

import QtQuick
import Kiosk

// On every screen: back, start over, staff help, and the countdown when a wait is running.
Rectangle {
    id: nav
    implicitHeight: Math.round(Theme.touchMin * 1.4)
    color: Theme.stripBackground
    signal backRequested()
    signal startOverRequested()

    Row {
        anchors { left: parent.left; leftMargin: Theme.spacing * 1.5; verticalCenter: parent.verticalCenter }
        spacing: Theme.spacing
        KButton { objectName: "navBack"; text: qsTr("返回"); onClicked: nav.backRequested() }
        KButton { objectName: "navHome"; text: qsTr("重新开始"); onClicked: nav.startOverRequested() }
        KButton { objectName: "navStaff"; text: qsTr("呼叫工作人员"); onClicked: { kiosk.visit.staffHelp(); kiosk.help.ask() } }
    }
    // the hall's answer to "call staff": told, your place, who is coming, or where to go
    Text {
        objectName: "helpStatus"
        visible: kiosk.help.words !== ""
        anchors { horizontalCenter: parent.horizontalCenter; verticalCenter: parent.verticalCenter }
        width: Math.min(implicitWidth, nav.width * 0.45)
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        text: kiosk.help.words
        color: kiosk.help.phase === "go_to_counter" || kiosk.help.phase === "unavailable" ? Theme.warning : Theme.text
        font { family: Theme.fontFamily; pixelSize: Theme.fontBody; bold: true }
        onTextChanged: if (text !== "") kiosk.visit.say(text)
    }
    Text {
        objectName: "countdown"
        visible: kiosk.visit.secondsLeft >= 0 && kiosk.visit.secondsLeft <= 60
        anchors { right: parent.right; rightMargin: Theme.spacing * 1.5; verticalCenter: parent.verticalCenter }
        text: qsTr("剩余 %1 秒").arg(kiosk.visit.secondsLeft)
        color: kiosk.visit.secondsLeft <= 15 ? Theme.error : Theme.text
        font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: true }
    }
}

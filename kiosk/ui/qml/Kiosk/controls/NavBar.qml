import QtQuick
import Kiosk

// On every screen: back, start over, staff help, and the countdown when a wait is running.
Rectangle {
    id: nav
    property bool shareable: true
    implicitHeight: Math.round(Theme.touchMin * 1.4)
    color: Theme.stripBackground
    signal backRequested()
    signal startOverRequested()

    Row {
        id: navButtons
        anchors { left: parent.left; leftMargin: Theme.spacing * 1.5; verticalCenter: parent.verticalCenter }
        spacing: Theme.spacing
        KButton { objectName: "navBack"; text: qsTr("返回"); onClicked: nav.backRequested() }
        KButton { objectName: "navHome"; text: qsTr("重新开始"); onClicked: nav.startOverRequested() }
        KButton { objectName: "navStaff"; text: qsTr("呼叫工作人员"); onClicked: { kiosk.visit.staffHelp(); kiosk.help.ask() } }
        // a request that waits can be withdrawn at any time (it leaves the hall's list)
        KButton { objectName: "navWithdraw"; visible: kiosk.help.waiting; text: qsTr("取消求助"); onClicked: kiosk.help.withdraw() }
    }
    // the hall's answer to "call staff": told, your place, who is coming, or where to go
    Text {
        textFormat: Text.PlainText
        objectName: "helpStatus"
        visible: kiosk.help.words !== ""
        // between the buttons and the countdown, never over either
        anchors { left: navButtons.right; leftMargin: Theme.spacing * 1.5
                  right: parent.right; rightMargin: Math.round(260 * Theme.scale)
                  verticalCenter: parent.verticalCenter }
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        elide: Text.ElideRight
        horizontalAlignment: Text.AlignHCenter
        text: kiosk.help.words
        color: kiosk.help.phase === "go_to_counter" || kiosk.help.phase === "unavailable" ? Theme.warning : Theme.text
        font { family: Theme.fontFamily; pixelSize: Theme.fontBody; bold: true }
        onTextChanged: if (text !== "") kiosk.visit.say(text)
    }
    Text {
        textFormat: Text.PlainText
        objectName: "countdown"
        visible: kiosk.visit.secondsLeft >= 0 && kiosk.visit.secondsLeft <= 60
        anchors { right: parent.right; rightMargin: Theme.spacing * 1.5; verticalCenter: parent.verticalCenter }
        text: qsTr("剩余 %1 秒").arg(kiosk.visit.secondsLeft)
        color: kiosk.visit.secondsLeft <= 15 ? Theme.error : Theme.text
        font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: true }
    }
}

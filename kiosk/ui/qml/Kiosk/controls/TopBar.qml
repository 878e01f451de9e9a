import QtQuick
import Kiosk

// Name, site and clock; the citizen's display choices (language, elder mode, contrast, voice).
Rectangle {
    id: bar
    property bool shareable: true
    height: Math.round(Theme.touchMin * 1.5)
    color: Theme.primary

    function weekday(day) {  // 0 Sunday .. 6 Saturday
        return [qsTr("星期日"), qsTr("星期一"), qsTr("星期二"), qsTr("星期三"), qsTr("星期四"),
                qsTr("星期五"), qsTr("星期六")][day]
    }

    Row {
        anchors { left: parent.left; leftMargin: Theme.spacing * 1.5; verticalCenter: parent.verticalCenter }
        spacing: Theme.spacing
        Rectangle {
            width: Math.round(bar.height * 0.66); height: width; radius: Theme.radius
            color: Theme.accent
            anchors.verticalCenter: parent.verticalCenter
            Text {
                textFormat: Text.PlainText
                anchors.centerIn: parent
                text: "易"
                color: Theme.textOnPrimary
                font { family: Theme.fontFamily; pixelSize: Theme.fontTitle; bold: true }
            }
        }
        Column {
            anchors.verticalCenter: parent.verticalCenter
            Text {
                textFormat: Text.PlainText
                objectName: "appTitle"
                text: qsTr("易办自助终端")
                color: Theme.textOnPrimary
                font { family: Theme.fontFamily; pixelSize: Theme.fontTitle; bold: true }
            }
            Text {
                textFormat: Text.PlainText
                text: kiosk.siteName
                color: Theme.textOnPrimary
                font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
            }
        }
    }

    Column {
        id: clock
        anchors { right: parent.right; rightMargin: Theme.spacing * 1.5; verticalCenter: parent.verticalCenter }
        Text {
            textFormat: Text.PlainText
            id: clockTime
            anchors.right: parent.right
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontTitle; bold: true }
        }
        Text {
            textFormat: Text.PlainText
            id: clockDate
            anchors.right: parent.right
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
        }
        // the kiosk's clock (its configured zone), not the machine's: kiosks run in UTC
        function tick() {
            const face = kiosk.clockFace()
            clockTime.text = face.time
            clockDate.text = face.date + " " + bar.weekday(face.weekday)
        }
        Timer { interval: 1000; running: true; repeat: true; triggeredOnStart: true; onTriggered: clock.tick() }
        Connections { target: kiosk.visit; function onDisplayChanged() { clock.tick() } }
    }
}

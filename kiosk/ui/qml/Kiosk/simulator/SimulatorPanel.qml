import QtQuick
import Kiosk

// Trainers only (--simulate with ui.simulator_panel): act as the citizen and the hardware.
Rectangle {
    id: panel
    objectName: "simulatorPanel"
    color: Theme.simBanner
    border { color: Theme.border; width: 1 }
    property bool headphonesIn: false
    property bool keypadIn: true
    Flickable {
        anchors.fill: parent
        anchors.margins: Math.round(Theme.spacing / 2)
        contentHeight: col.implicitHeight
        clip: true
        Column {
            id: col
            width: parent.width
            spacing: Math.round(Theme.spacing / 3)
            Text { textFormat: Text.PlainText; text: qsTr("模拟器面板（培训用）"); color: Theme.simBannerText; font { family: Theme.fontFamily; pixelSize: Theme.fontSmall; bold: true } }
            Repeater {
                model: kiosk.sim.cards
                KButton { tabStop: false; objectName: "simPlace_" + modelData.id; width: col.width; text: qsTr("放身份证：") + modelData.label; onClicked: kiosk.sim.placeCard(modelData.id) }
            }
            KButton { tabStop: false; objectName: "simLift"; width: col.width; text: qsTr("拿走身份证"); onClicked: kiosk.sim.liftCard() }
            KButton { tabStop: false; objectName: "simSsc"; width: col.width; text: qsTr("放社保卡"); onClicked: kiosk.sim.insertSsc() }
            KButton { tabStop: false; objectName: "simQr"; width: col.width; text: qsTr("出示电子身份码"); onClicked: kiosk.sim.showQr() }
            KButton { tabStop: false; objectName: "simFaceGenuine"; width: col.width; text: qsTr("本人面向摄像头"); onClicked: kiosk.sim.face("genuine") }
            KButton { tabStop: false; objectName: "simFaceImpostor"; width: col.width; text: qsTr("他人冒用"); onClicked: kiosk.sim.face("impostor") }
            KButton { tabStop: false; objectName: "simFaceNone"; width: col.width; text: qsTr("无人"); onClicked: kiosk.sim.face("no_face") }
            KButton { tabStop: false; objectName: "simPaperOut"; width: col.width; text: qsTr("回执打印机缺纸"); onClicked: kiosk.sim.paper(false) }
            KButton { tabStop: false; objectName: "simPaperOk"; width: col.width; text: qsTr("装纸"); onClicked: kiosk.sim.paper(true) }
            KButton { tabStop: false;
                objectName: "simHeadphones"; width: col.width
                text: panel.headphonesIn ? qsTr("拔出耳机") : qsTr("插入耳机")
                onClicked: { panel.headphonesIn = !panel.headphonesIn; kiosk.sim.plugHeadphones(panel.headphonesIn) }
            }
            KButton { tabStop: false;
                objectName: "simKeypad"; width: col.width
                text: panel.keypadIn ? qsTr("拔出按键盘") : qsTr("插上按键盘")
                onClicked: { panel.keypadIn = !panel.keypadIn; kiosk.sim.plugKeypad(panel.keypadIn) }
            }
        }
    }
}

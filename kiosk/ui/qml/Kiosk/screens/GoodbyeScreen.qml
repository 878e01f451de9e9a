import QtQuick
import Kiosk

Screen {
    objectName: "goodbyeScreen"
    title: qsTr("感谢您的使用，再见")
    prompt: qsTr("感谢您的使用。请带好您的证件和文件")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing * 1.5
        Heading { text: qsTr("请带好您的身份证和打印的文件") ; color: Theme.ok }
        Body { text: qsTr("您的信息已从本机清除。") }
        KButton { objectName: "goodbyeHome"; primary: true; text: qsTr("回到首页"); onClicked: kiosk.visit.goHome() }
    }
}

import QtQuick
import Kiosk

// 政策找人: asked after the citizen's own application is in; nothing is looked up without a yes
Screen {
    objectName: "offersConsentScreen"
    title: qsTr("查询您可享受的政策")
    prompt: qsTr("要为您查询可以享受的惠民政策吗？查询请点“为我查询”")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing * 1.5
        Body { text: qsTr("政务服务平台可以根据您的年龄、参保、户籍和残疾人登记等信息，查找您可以享受的政策，例如高龄津贴、育儿补贴、居民医保，能在这里直接申请的点一下即可申请（免申即享）。") }
        Body { text: qsTr("查询只用于这一次，查到的结果不保存在本机；不查询也不影响您刚才办理的事项。") }
        Row {
            spacing: Theme.spacing * 2
            KButton { objectName: "offersConsentYes"; primary: true; text: qsTr("为我查询"); onClicked: kiosk.visit.answer(true) }
            KButton { objectName: "offersConsentNo"; text: qsTr("不用了"); onClicked: kiosk.visit.answer(false) }
        }
    }
}

import QtQuick
import Kiosk

Screen {
    objectName: "workingScreen"
    property string step: kiosk.visit.view.step || ""
    readonly property var steps: ["pull_licenses", "fill_form", "materials", "decide", "submit", "print"]
    title: step === "pull_licenses" ? qsTr("正在获取您的电子证照")
         : step === "decide" ? qsTr("正在审核")
         : step === "submit" ? qsTr("正在提交")
         : step === "print" ? qsTr("正在打印，请稍候")
         : qsTr("请稍候")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing
        Repeater {
            model: [qsTr("获取电子证照"), qsTr("填写表单"), qsTr("材料与承诺"), qsTr("审核"), qsTr("提交"), qsTr("打印")]
            Row {
                spacing: Theme.spacing
                property int me: index
                property int now: steps.indexOf(step)
                Text {
                    width: Math.round(60 * Theme.scale * Theme.grow)
                    text: me < now ? "✓" : me === now ? "▶" : "○"
                    color: me <= now ? Theme.ok : Theme.textMuted
                    font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: true }
                }
                Text {
                    text: modelData + (me < now ? qsTr("（完成）") : me === now ? qsTr("（进行中）") : "")
                    color: Theme.text
                    font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: me === now }
                }
            }
        }
    }
}

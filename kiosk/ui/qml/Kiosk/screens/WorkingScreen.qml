import QtQuick
import Kiosk

Screen {
    objectName: "workingScreen"
    property string step: kiosk.visit.view.step || ""
    readonly property var steps: kiosk.visit.workingSteps
    title: step === "pull_licenses" ? qsTr("正在获取您的电子证照")
         : step === "decide" ? qsTr("正在审核")
         : step === "submit" ? qsTr("正在提交")
         : step === "print" ? qsTr("正在打印，请稍候")
         : qsTr("请稍候")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing
        Repeater {
            model: steps  // the order comes from the core; the words are the screen's
            Row {
                spacing: Theme.spacing
                property bool shareable: true  // the progress
                property int me: index
                readonly property var names: ({
                    "pull_licenses": qsTr("获取电子证照"), "fill_form": qsTr("填写表单"),
                    "materials": qsTr("材料与承诺"), "decide": qsTr("审核"),
                    "submit": qsTr("提交"), "print": qsTr("打印") })
                property int now: steps.indexOf(step)
                Text {
                    textFormat: Text.PlainText
                    width: Math.round(60 * Theme.scale * Theme.grow)
                    text: me < now ? "✓" : me === now ? "▶" : "○"
                    color: me <= now ? Theme.ok : Theme.textMuted
                    font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: true }
                }
                Text {
                    textFormat: Text.PlainText
                    text: (names[modelData] || modelData) + (me < now ? qsTr("（完成）") : me === now ? qsTr("（进行中）") : "")
                    color: Theme.text
                    font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: me === now }
                }
            }
        }
    }
}

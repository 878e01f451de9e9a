import QtQuick
import Kiosk

Screen {
    objectName: "reportScreen"
    title: qsTr("本次没能办成")
    prompt: qsTr("本次没能办成。") + (kiosk.visit.view.reason || "")
    Flickable {
        id: reportBody
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: reportSkip.top; bottomMargin: Theme.spacing }
        contentHeight: reportColumn.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: reportColumn
            width: reportBody.width
            spacing: Theme.spacing
            Body { objectName: "refusalReason"; text: kiosk.visit.view.reason || ""; font.bold: true; color: Theme.error }
            Body { text: qsTr("请到服务窗口办理，工作人员会帮助您。") }
            Heading { text: qsTr("愿意告诉我们没办成的原因吗？（“办不成事”反映，可不填）") }
            Flow {
                width: parent.width
                spacing: Theme.spacing
                Repeater {
                    model: [qsTr("我不符合条件，但想了解怎么办"), qsTr("系统查不到我的信息"), qsTr("缺少材料"), qsTr("其他原因")]
                    KButton { objectName: "report_" + index; primary: true; text: modelData; onClicked: kiosk.visit.answer(modelData) }
                }
            }
        }
    }
    KButton {
        id: reportSkip
        objectName: "reportSkip"
        anchors { left: parent.left; bottom: parent.bottom; bottomMargin: Theme.spacing }
        text: qsTr("不反映"); onClicked: kiosk.visit.answer(null)
    }
}

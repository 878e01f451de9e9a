import QtQuick
import Kiosk

Screen {
    id: rate
    objectName: "rateScreen"
    title: qsTr("请为本次服务评价")
    prompt: qsTr("请取走您的文件，并为本次服务评价")
    property int level: 0
    property var reasons: []
    readonly property var lowReasons: [qsTr("操作太复杂"), qsTr("等待时间长"), qsTr("材料要求不清楚"), qsTr("设备故障")]
    // what came out of the printers scrolls if it must; the rating stays in reach below it
    Flickable {
        id: taken
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: ratePanel.top; bottomMargin: Theme.spacing }
        contentHeight: takeDocs.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        TakeDocuments { id: takeDocs; width: taken.width; info: kiosk.visit.view }
    }
    Column {
        id: ratePanel
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; bottomMargin: Theme.spacing }
        spacing: Math.round(Theme.spacing / 2)
        Body { visible: rate.level > 0 && rate.level <= 2; text: qsTr("哪里让您不满意？（可多选）") }
        Flow {
            visible: rate.level > 0 && rate.level <= 2
            width: parent.width
            spacing: Theme.spacing
            Repeater {
                model: rate.lowReasons
                KButton {
                    objectName: "reason_" + index
                    primary: rate.reasons.indexOf(modelData) >= 0
                    text: (primary ? "✓ " : "") + modelData
                    onClicked: {
                        const r = rate.reasons.slice(), i = r.indexOf(modelData)
                        if (i >= 0) r.splice(i, 1); else r.push(modelData)
                        rate.reasons = r
                    }
                }
            }
        }
        Flow {
            width: parent.width
            spacing: Math.round(Theme.spacing / 2)
            Repeater {
                model: [[5, "★★★★★", qsTr("非常满意")], [4, "★★★★", qsTr("满意")], [3, "★★★", qsTr("基本满意")],
                        [2, "★★", qsTr("不满意")], [1, "★", qsTr("非常不满意")]]
                KButton {
                    objectName: "rate_" + modelData[0]
                    primary: rate.level === modelData[0]
                    text: (primary ? "✓ " : "") + modelData[1] + " " + modelData[2]
                    onClicked: { rate.level = modelData[0]; rate.reasons = [] }
                }
            }
        }
        Flow {
            width: parent.width
            spacing: Theme.spacing * 2
            KButton { objectName: "rateSubmit"; primary: true; enabled: rate.level > 0; text: qsTr("提交评价")
                      onClicked: kiosk.visit.answer({"level": rate.level, "reasons": rate.reasons}) }
            // 扫码评: the receipt carries a code for the phone's rating page
            KButton { objectName: "rateLater"; visible: !!kiosk.visit.view.ratingCode; text: qsTr("稍后手机扫码评价")
                      onClicked: kiosk.visit.answer({"later": true}) }
            KButton { objectName: "rateSkip"; text: qsTr("不评价"); onClicked: kiosk.visit.answer(null) }
        }
        Body { visible: !!kiosk.visit.view.ratingCode; text: qsTr("回执上有评价二维码，回家后用手机扫码也可以评价。"); color: Theme.textMuted }
    }
}

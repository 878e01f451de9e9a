import QtQuick
import Kiosk

// 卡片评: an anonymous rating of the hall, a counter or a service item — no card, no case
Screen {
    id: card
    objectName: "cardRatingScreen"
    property var v: kiosk.visit.view
    property string subject: ""
    property string counter: ""
    property string itemCode: ""
    property int level: 0
    property var reasons: []
    readonly property var lowReasons: [qsTr("等待时间长"), qsTr("办事指引不清楚"), qsTr("服务态度不好"), qsTr("环境设施不便"), qsTr("没有办成")]
    readonly property bool complete: subject !== "" && level > 0
                                     && (subject !== "counter" || counter !== "")
                                     && (subject !== "service" || itemCode !== "")
                                     && (level > 2 || reasons.length > 0)
    title: qsTr("评价我们的服务")
    prompt: qsTr("不记名评价，不需要证件。请选择评价对象和满意程度")
    // what to rate and how: scrolls if it must; sending stays in reach below it
    Flickable {
        id: page
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: sendRow.top; bottomMargin: Theme.spacing }
        contentHeight: column.implicitHeight + Theme.spacing * 2
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: column
            width: page.width
            spacing: Math.round(Theme.spacing / 2)
            Body { text: qsTr("不记名评价，不需要证件，只用于改进服务。您想评价：") }
            Flow {
                width: parent.width
                spacing: Theme.spacing
                Repeater {
                    model: [["hall", qsTr("大厅整体")], ["counter", qsTr("某个窗口")], ["service", qsTr("某个事项")]]
                    KButton {
                        objectName: "cardSubject_" + modelData[0]
                        primary: card.subject === modelData[0]
                        text: (primary ? "✓ " : "") + modelData[1]
                        onClicked: { card.subject = modelData[0]; card.counter = ""; card.itemCode = "" }
                    }
                }
            }
            Flow {
                visible: card.subject === "counter"
                width: parent.width
                spacing: Math.round(Theme.spacing / 2)
                Repeater {
                    model: card.v.counters || []
                    KButton {
                        objectName: "cardCounter_" + index
                        primary: card.counter === modelData
                        text: (primary ? "✓ " : "") + modelData
                        onClicked: card.counter = modelData
                    }
                }
            }
            Flow {
                visible: card.subject === "service"
                width: parent.width
                spacing: Math.round(Theme.spacing / 2)
                Repeater {
                    model: card.v.services || []
                    KButton {
                        objectName: "cardService_" + index
                        primary: card.itemCode === modelData.code
                        text: (primary ? "✓ " : "") + modelData.title
                        onClicked: card.itemCode = modelData.code
                    }
                }
            }
            Body { visible: card.subject !== ""; text: qsTr("您满意吗？") }
            Flow {
                visible: card.subject !== ""
                width: parent.width
                spacing: Math.round(Theme.spacing / 2)
                Repeater {
                    model: [[5, "★★★★★", qsTr("非常满意")], [4, "★★★★", qsTr("满意")], [3, "★★★", qsTr("基本满意")],
                            [2, "★★", qsTr("不满意")], [1, "★", qsTr("非常不满意")]]
                    KButton {
                        objectName: "cardLevel_" + modelData[0]
                        primary: card.level === modelData[0]
                        text: (primary ? "✓ " : "") + modelData[1] + " " + modelData[2]
                        onClicked: { card.level = modelData[0]; card.reasons = [] }
                    }
                }
            }
            Body { visible: card.level > 0 && card.level <= 2; text: qsTr("哪里让您不满意？（至少选一项）") }
            Flow {
                visible: card.level > 0 && card.level <= 2
                width: parent.width
                spacing: Math.round(Theme.spacing / 2)
                Repeater {
                    model: card.lowReasons
                    KButton {
                        objectName: "cardReason_" + index
                        primary: card.reasons.indexOf(modelData) >= 0
                        text: (primary ? "✓ " : "") + modelData
                        onClicked: {
                            const r = card.reasons.slice(), i = r.indexOf(modelData)
                            if (i >= 0) r.splice(i, 1); else r.push(modelData)
                            card.reasons = r
                        }
                    }
                }
            }
        }
    }
    Row {
        id: sendRow
        anchors { left: parent.left; bottom: parent.bottom; bottomMargin: Theme.spacing }
        spacing: Theme.spacing * 2
        KButton {
            objectName: "cardRateSubmit"; primary: true
            enabled: card.complete && !card.v.sending
            text: card.v.sending ? qsTr("正在提交…") : qsTr("提交评价")
            onClicked: kiosk.visit.rateCard({"subject": card.subject, "counter": card.counter,
                                             "itemCode": card.itemCode, "level": card.level,
                                             "reasons": card.reasons})
        }
        KButton { objectName: "cardRateCancel"; text: qsTr("不评了"); onClicked: kiosk.visit.goHome() }
    }
}

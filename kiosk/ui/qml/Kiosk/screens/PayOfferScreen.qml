import QtQuick
import Kiosk

// 缴费: what is paid, to whom and how much, before any order exists. A household's
// contribution lists each member (their names are covered on a shared screen); the citizen
// may leave members out. 去支付 makes the order; 不缴了 ends the visit with nothing charged.
Screen {
    id: offer
    objectName: "payOfferScreen"
    property var v: kiosk.visit.view
    readonly property var lines: v.lines || []
    // the refs ticked (every line still due, to start with)
    property var chosen: lines.filter(l => l.due).map(l => l.ref)
    readonly property int total: lines.filter(l => l.due && (!v.choosable || chosen.indexOf(l.ref) >= 0))
                                      .reduce((sum, l) => sum + l.fen, 0)
    function yuan(fen) { return Math.floor(fen / 100) + "." + ("0" + (fen % 100)).slice(-2) }
    function toggle(ref) {
        const at = chosen.indexOf(ref)
        chosen = at >= 0 ? chosen.filter(r => r !== ref) : chosen.concat([ref])
    }
    title: qsTr("请确认缴费信息")
    prompt: title + "。" + qsTr("缴费金额 %1 元").arg(yuan(total))
    // the details scroll (a large household, elder mode); paying stays in reach at the bottom
    Flickable {
        id: details
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: buttons.top; bottomMargin: Theme.spacing }
        contentHeight: detailColumn.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // room inside the clip for the focus ring drawn around a member's line
        readonly property int ringRoom: Math.ceil(Theme.focusRingWidth * 2.5)
        leftMargin: ringRoom; rightMargin: ringRoom; topMargin: ringRoom; bottomMargin: ringRoom
        Column {
            id: detailColumn
            width: details.width - details.ringRoom * 2
            spacing: Theme.spacing
            Body { objectName: "payItem"; text: qsTr("缴费项目：") + (v.item || "") + (v.period ? "（" + v.period + "）" : "") }
            Body { objectName: "payPayee"; text: qsTr("收款单位：") + (v.payee || "") }
            Body { visible: !!v.choosable; text: qsTr("请选择为哪些人缴费：") }
            Repeater {
                model: offer.lines
                Rectangle {
                    id: line
                    objectName: "payLine_" + index
                    readonly property bool ticked: modelData.due && (!v.choosable || offer.chosen.indexOf(modelData.ref) >= 0)
                    width: parent.width
                    height: Math.max(Theme.touchMin, lineLabel.implicitHeight + Theme.spacing)
                    radius: Theme.radius / 2
                    color: Theme.surface
                    border { color: ticked ? Theme.primary : Theme.border; width: Math.max(1, Math.round((ticked ? 3 : 1) * Theme.scale)) }
                    // a member can be ticked off by touch or keys (Tab, then Enter or Space)
                    activeFocusOnTab: !!v.choosable && modelData.due
                    property string spokenName: modelData.personal ? qsTr("缴费对象") : modelData.label
                    Accessible.role: Accessible.CheckBox
                    Accessible.name: spokenName
                    Accessible.checked: ticked
                    Keys.onReturnPressed: if (activeFocusOnTab) offer.toggle(modelData.ref)
                    Keys.onSpacePressed: if (activeFocusOnTab) offer.toggle(modelData.ref)
                    FocusRing {}
                    TapHandler { enabled: !!v.choosable && modelData.due; onTapped: offer.toggle(modelData.ref) }
                    Text {
                        textFormat: Text.PlainText
                        property bool shareable: true  // the box: the kiosk's own mark
                        id: box
                        visible: !!v.choosable
                        anchors { left: parent.left; leftMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
                        text: !modelData.due ? "—" : line.ticked ? "☑" : "☐"
                        color: Theme.text
                        font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: true }
                    }
                    Text {
                        textFormat: Text.PlainText
                        id: lineLabel
                        // a member's name is the citizen's data: covered on a staff member's screen
                        property bool personal: !!modelData.personal
                        property bool shareable: !modelData.personal
                        anchors { left: box.visible ? box.right : parent.left; leftMargin: Theme.spacing
                                  right: lineAmount.left; rightMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
                        wrapMode: Text.WordWrap
                        text: modelData.label
                        color: Theme.text
                        font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
                    }
                    Text {
                        textFormat: Text.PlainText
                        id: lineAmount
                        property bool shareable: true
                        anchors { right: parent.right; rightMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
                        text: modelData.due ? qsTr("%1 元").arg(modelData.amount) : qsTr("本期已缴")
                        color: modelData.due ? Theme.text : Theme.textMuted
                        font { family: Theme.fontFamily; pixelSize: Theme.fontBody; bold: modelData.due }
                    }
                }
            }
            Heading { objectName: "payTotal"; text: qsTr("合计：%1 元").arg(offer.yuan(offer.total)); color: Theme.accent }
        }
    }
    Row {
        id: buttons
        anchors { left: parent.left; bottom: parent.bottom; bottomMargin: Theme.spacing }
        spacing: Theme.spacing * 2
        KButton {
            objectName: "payGo"; primary: true
            enabled: offer.total > 0
            text: qsTr("去支付 %1 元").arg(offer.yuan(offer.total))
            onClicked: kiosk.visit.answer({"refs": offer.chosen})
        }
        KButton { objectName: "payNo"; text: qsTr("不缴了"); onClicked: kiosk.visit.answer(false) }
    }
}

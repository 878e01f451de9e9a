import QtQuick
import Kiosk

// 免申即享: the few policies found, most valuable first; one tap applies (a commitment first
// where the policy needs one). Which policies a citizen is entitled to says something about
// them: the offers are covered on a staff member's shared screen.
Screen {
    id: offersScreen
    objectName: "offersScreen"
    property var v: kiosk.visit.view
    title: qsTr("您可以享受的政策")
    prompt: (v.offers || []).length > 0 ? qsTr("以下是为您查到的政策，能在这里申请的请点“申请”，看完请点“继续”")
                                        : qsTr("查询结果，请点“继续”")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing
        Body {
            objectName: "offersNote"
            property bool personal: true  // may name a policy just applied for
            visible: text !== ""
            text: offersScreen.v.note || ""
            font.bold: true
        }
        ListView {
            id: list
            objectName: "offersList"
            width: parent.width
            height: parent.height - (doneRow.height + Theme.spacing) - (y > 0 ? y : 0)
            clip: true
            spacing: Theme.spacing
            cacheBuffer: 100000  // every offer exists, so Tab reaches those below the fold too
            readonly property int ringRoom: Math.ceil(Theme.focusRingWidth * 2.5)
            leftMargin: ringRoom; rightMargin: ringRoom; topMargin: ringRoom; bottomMargin: ringRoom
            model: offersScreen.v.offers || []
            delegate: Rectangle {
                id: card
                objectName: "offer_" + index
                property bool personal: true
                width: list.width - list.ringRoom * 2
                height: cardColumn.implicitHeight + Theme.spacing * 2
                color: Theme.surface; radius: Theme.radius / 2
                border { color: Theme.border; width: 1 }
                Column {
                    id: cardColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing }
                    spacing: Math.round(Theme.spacing / 3)
                    Heading { objectName: "offerTitle_" + index; text: modelData.title }
                    Body { text: modelData.gives }
                    Body { text: qsTr("申请需要：%1").arg(modelData.needs.join("、")); color: Theme.textMuted }
                    Body {
                        objectName: "offerApplied_" + index
                        visible: modelData.applied !== ""
                        text: qsTr("已申请，受理编号 %1").arg(modelData.applied)
                        font.bold: true
                    }
                    Body {
                        visible: !modelData.applyHere
                        text: qsTr("这项需要到窗口申请：%1").arg(modelData.where)
                    }
                    KButton {
                        objectName: "offerApply_" + index
                        visible: modelData.applyHere && modelData.applied === ""
                        primary: true
                        text: modelData.needsCommitment ? qsTr("申请（需签署承诺书）") : qsTr("申请")
                        onClicked: kiosk.visit.answer(modelData.id)
                        // keys: a card below the fold scrolls into view with its button
                        onActiveFocusChanged: if (activeFocus) list.positionViewAtIndex(index, ListView.Contain)
                    }
                }
            }
        }
        Row {
            id: doneRow
            spacing: Theme.spacing * 2
            // the main way on once nothing is left to apply for here
            KButton { objectName: "offersDone"; text: qsTr("继续"); onClicked: kiosk.visit.answer(null)
                      primary: (offersScreen.v.offers || []).every((o) => !o.applyHere || o.applied !== "") }
        }
    }
}

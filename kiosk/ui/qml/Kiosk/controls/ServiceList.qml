import QtQuick
import Kiosk

// A scrolling list of services (a category, search results): each row opens its introduction.
ListView {
    id: list
    clip: true
    spacing: Theme.spacing
    boundsBehavior: Flickable.StopAtBounds
    // room inside the clip for the focus ring drawn around a row
    readonly property int ringRoom: Math.ceil(Theme.focusRingWidth * 2.5)
    leftMargin: ringRoom; rightMargin: ringRoom; topMargin: ringRoom; bottomMargin: ringRoom
    delegate: Rectangle {
        objectName: "service_" + modelData.id
        property bool shareable: true  // a catalog entry
        width: list.width - list.ringRoom * 2
        height: Math.max(Theme.touchMin, rowCol.implicitHeight + Theme.spacing * 1.5)
        radius: Theme.radius
        color: Theme.surface
        border { color: Theme.border; width: Math.round(2 * Theme.scale) }
        Accessible.role: Accessible.Button
        Accessible.name: modelData.title
        // keys: Tab reaches the row (the list scrolls to it), Enter or Space opens it
        activeFocusOnTab: !modelData.paused
        Accessible.focusable: true
        onActiveFocusChanged: if (activeFocus) list.positionViewAtIndex(index, ListView.Contain)
        Keys.onReturnPressed: kiosk.visit.openService(modelData.id)
        Keys.onEnterPressed: kiosk.visit.openService(modelData.id)
        Keys.onSpacePressed: kiosk.visit.openService(modelData.id)
        FocusRing {}
        Column {
            id: rowCol
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.spacing }
            Heading { text: modelData.title; color: modelData.paused ? Theme.textMuted : Theme.text }
            Body {
                color: Theme.textMuted
                text: (modelData.payment && modelData.payment.isService ? qsTr("缴费，打印缴费回执")
                       : modelData.payment ? qsTr("缴费 %1 元后提交审核").arg(modelData.payment.amount)
                       : modelData.instant ? qsTr("当场办结，打印证明") : qsTr("提交审核，打印回执"))
                      + " · " + qsTr("约 %1 分钟").arg(modelData.minutes)
            }
            Body {  // the backend cannot be reached: say so, and do not lead the citizen in
                objectName: "servicePaused_" + modelData.id
                visible: !!modelData.paused
                color: Theme.error
                font.bold: true
                text: qsTr("暂停办理：暂时无法连接政务服务系统，请稍后再试或到窗口办理")
            }
        }
        TapHandler { enabled: !modelData.paused; onTapped: kiosk.visit.openService(modelData.id) }
    }
}

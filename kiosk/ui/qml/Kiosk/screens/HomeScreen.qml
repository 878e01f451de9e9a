import QtQuick
import Kiosk

Rectangle {
    id: root
    objectName: "homeScreen"
    color: Theme.background
    Component.onCompleted: kiosk.visit.say(qsTr("您好，欢迎使用自助服务。请选择要办理的事项"))

    Column {
        id: greeting
        property bool shareable: true
        anchors { top: parent.top; topMargin: Theme.spacing * 2; left: parent.left; right: parent.right }
        spacing: Theme.spacing / 2
        Text {
            textFormat: Text.PlainText
            objectName: "greeting"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("您好，欢迎使用自助服务")
            color: Theme.text
            font { family: Theme.fontFamily; pixelSize: Theme.fontHuge; bold: true }
        }
        Text {
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("请选择要办理的事项，不知道办什么可以点“智能导办”")
            color: Theme.textMuted
            font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
        }
    }

    // the tiles take the room left between the greeting and the finder buttons
    readonly property int tileWidth: Math.min(Math.round(440 * Theme.scale * Theme.grow),
                                              Math.floor((width - Theme.spacing * 6) / 3))
    readonly property int tileHeight: Math.min(Math.round(360 * Theme.scale * Theme.grow),
                                               height - greeting.height - finder.height - Theme.spacing * 8)
    Row {
        id: tiles
        anchors { top: greeting.bottom; topMargin: Theme.spacing * 2; horizontalCenter: parent.horizontalCenter }
        spacing: Theme.spacing * 1.5
        ServiceTile {
            objectName: "tilePersonal"
            width: root.tileWidth; height: root.tileHeight
            glyph: qsTr("人"); title: qsTr("个人服务"); subtitle: qsTr("证明开具 · 社保")
            onActivated: kiosk.visit.openCategory("personal")
        }
        ServiceTile {
            objectName: "tileBusiness"
            width: root.tileWidth; height: root.tileHeight
            glyph: qsTr("企"); title: qsTr("企业服务"); subtitle: qsTr("登记 · 许可")
            onActivated: kiosk.visit.openCategory("business")
        }
        ServiceTile {
            objectName: "tileBundle"
            width: root.tileWidth; height: root.tileHeight
            glyph: qsTr("一"); title: qsTr("一件事"); subtitle: qsTr("多个事项 一次办成")
            onActivated: kiosk.visit.openCategory("bundle")
        }
    }
    // the finders, then the hall's own doors (预约签到, 卡片评), on one line: where it is short
    // (large type, long words) the guide's words take two lines rather than the tiles' room
    Row {
        id: finder
        anchors { top: tiles.bottom; topMargin: Theme.spacing * 2; horizontalCenter: parent.horizontalCenter }
        spacing: Theme.spacing * 1.5
        KButton {
            id: guideButton
            objectName: "openGuide"; primary: true
            width: Math.min(implicitWidth, root.width - Theme.spacing * 4 - finder.spacing * 3
                            - searchButton.width - checkInButton.width - (cardButton.visible ? cardButton.width : 0))
            text: qsTr("智能导办：回答几个问题，帮您找到要办的事"); onClicked: kiosk.visit.openGuide()
        }
        KButton { id: searchButton; objectName: "openSearch"; text: qsTr("搜索事项"); onClicked: kiosk.visit.openSearch() }
        KButton { id: checkInButton; objectName: "openCheckIn"; text: qsTr("预约签到"); onClicked: kiosk.visit.beginCheckIn() }
        KButton { id: cardButton; objectName: "openCardRating"; visible: kiosk.visit.cardRatingOffered
                  text: qsTr("评价服务"); onClicked: kiosk.visit.openCardRating() }
    }
}

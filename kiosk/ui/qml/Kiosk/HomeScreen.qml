import QtQuick
import Kiosk

Item {
    id: root
    objectName: "homeScreen"

    property string notice: ""

    function weekday(d) {
        return ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"][d.getDay()]
    }

    // top bar: emblem, name, site, clock
    Rectangle {
        id: topBar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Math.round(132 * Theme.scale)
        color: Theme.primary

        Rectangle {
            id: emblem
            width: Math.round(84 * Theme.scale); height: width; radius: Theme.radius
            color: Theme.accent
            anchors { left: parent.left; leftMargin: Theme.spacing * 2; verticalCenter: parent.verticalCenter }
            Text {
                anchors.centerIn: parent
                text: "易"
                color: Theme.textOnPrimary
                font { family: Theme.fontFamily; pixelSize: Theme.fontTitle; bold: true }
            }
        }
        Column {
            anchors { left: emblem.right; leftMargin: Theme.spacing; verticalCenter: parent.verticalCenter }
            spacing: Math.round(4 * Theme.scale)
            Text {
                objectName: "appTitle"
                text: "易办自助终端"
                color: Theme.textOnPrimary
                font { family: Theme.fontFamily; pixelSize: Theme.fontTitle; bold: true }
            }
            Text {
                text: kiosk.siteName
                color: Theme.textOnPrimary
                font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
            }
        }
        Column {
            anchors { right: parent.right; rightMargin: Theme.spacing * 2; verticalCenter: parent.verticalCenter }
            Text {
                id: clockTime
                anchors.right: parent.right
                color: Theme.textOnPrimary
                font { family: Theme.fontFamily; pixelSize: Theme.fontTitle; bold: true }
            }
            Text {
                id: clockDate
                anchors.right: parent.right
                color: Theme.textOnPrimary
                font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
            }
            Timer {
                interval: 1000; running: true; repeat: true; triggeredOnStart: true
                onTriggered: {
                    const d = new Date()
                    clockTime.text = Qt.formatTime(d, "HH:mm")
                    clockDate.text = Qt.formatDate(d, "yyyy年M月d日 ") + root.weekday(d)
                }
            }
        }
    }

    Rectangle {
        id: simBanner
        visible: kiosk.simulated
        anchors { left: parent.left; right: parent.right; top: topBar.bottom }
        height: visible ? Math.round(52 * Theme.scale) : 0
        color: Theme.simBanner
        Text {
            anchors.centerIn: parent
            text: "模拟设备运行中 · 仅供演示与培训，不办理真实业务"
            color: Theme.simBannerText
            font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
        }
    }

    Column {
        id: greeting
        anchors { top: simBanner.bottom; topMargin: Theme.spacing * 2; horizontalCenter: parent.horizontalCenter }
        spacing: Theme.spacing / 2
        Text {
            objectName: "greeting"
            anchors.horizontalCenter: parent.horizontalCenter
            text: "您好，欢迎使用自助服务"
            color: Theme.text
            font { family: Theme.fontFamily; pixelSize: Theme.fontHuge; bold: true }
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: "请选择要办理的事项，或将身份证放到右侧读卡区"
            color: Theme.textMuted
            font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
        }
    }

    Row {
        id: tiles
        anchors { top: greeting.bottom; topMargin: Theme.spacing * 2; horizontalCenter: parent.horizontalCenter }
        spacing: Theme.spacing * 1.5
        ServiceTile {
            objectName: "tilePersonal"
            glyph: "人"; title: "个人服务"; subtitle: "证明开具 · 社保 · 户籍"
            onActivated: root.showNotice("个人服务")
        }
        ServiceTile {
            objectName: "tileBusiness"
            glyph: "企"; title: "企业服务"; subtitle: "登记 · 许可 · 备案"
            onActivated: root.showNotice("企业服务")
        }
        ServiceTile {
            objectName: "tileBundle"
            glyph: "一"; title: "一件事"; subtitle: "多个事项 一次办成"
            onActivated: root.showNotice("一件事")
        }
    }

    function showNotice(what) {
        kiosk.notice(what)
        root.notice = what + "：服务目录正在接入，暂不能办理"
        noticeTimer.restart()
    }

    Rectangle {
        objectName: "noticeToast"
        visible: root.notice !== ""
        anchors { horizontalCenter: parent.horizontalCenter; bottom: strip.top; bottomMargin: Theme.spacing }
        width: noticeText.implicitWidth + Theme.spacing * 2
        height: noticeText.implicitHeight + Theme.spacing
        radius: Theme.radius
        color: Theme.text
        Text {
            id: noticeText
            anchors.centerIn: parent
            text: root.notice
            color: Theme.surface
            font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
        }
        Timer { id: noticeTimer; interval: 4000; onTriggered: root.notice = "" }
    }

    StatusStrip {
        id: strip
        objectName: "statusStrip"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
    }
}

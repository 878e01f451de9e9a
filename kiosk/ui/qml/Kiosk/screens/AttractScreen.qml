import QtQuick
import Kiosk

// Shown after a quiet spell. The first touch only wakes the kiosk (see kiosk/ui/idle.py).
Rectangle {
    id: attract
    gradient: Gradient {
        GradientStop { position: 0.0; color: Theme.primary }
        GradientStop { position: 1.0; color: Theme.primaryDark }
    }

    Rectangle {
        id: pulse
        anchors.centerIn: parent
        anchors.verticalCenterOffset: -Math.round(120 * Theme.scale)
        width: Math.round(220 * Theme.scale); height: width; radius: width / 2
        color: "transparent"
        border { color: Theme.textOnPrimary; width: Math.round(6 * Theme.scale) }
        SequentialAnimation on scale {
            running: attract.visible; loops: Animation.Infinite
            NumberAnimation { from: 0.9; to: 1.1; duration: 1400; easing.type: Easing.InOutQuad }
            NumberAnimation { from: 1.1; to: 0.9; duration: 1400; easing.type: Easing.InOutQuad }
        }
        Text {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            text: "易"
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Math.round(110 * Theme.scale); bold: true }
        }
    }
    Column {
        anchors { top: pulse.bottom; topMargin: Theme.spacing * 2; horizontalCenter: parent.horizontalCenter }
        spacing: Theme.spacing
        Text {
            textFormat: Text.PlainText
            objectName: "attractPrompt"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("请触摸屏幕开始办事")
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontHuge; bold: true }
        }
        Text {
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: "請觸摸螢幕開始 · Touch the screen to start"  // shown in every language
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
        }
        Text {
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: kiosk.siteName
            color: Theme.textOnPrimary
            font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
        }
    }
}

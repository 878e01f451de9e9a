import QtQuick
import Kiosk

// Under the top bar on every screen: the citizen's display choices (language, elder mode,
// contrast, voice) and, on simulated devices, the banner saying so.
Rectangle {
    id: displayBar
    property bool shareable: true
    // room above and below the buttons for the focus ring, inside this bar's own colour
    implicitHeight: Theme.touchMin + Math.max(Math.round(Theme.spacing / 2), Math.ceil(Theme.focusRingWidth * 2.5) * 2)
    color: kiosk.simulated ? Theme.simBanner : Theme.stripBackground

    Text {
        textFormat: Text.PlainText
        anchors { left: parent.left; leftMargin: Theme.spacing * 1.5; right: controls.left; rightMargin: Theme.spacing
                  verticalCenter: parent.verticalCenter }
        visible: kiosk.simulated
        wrapMode: Text.WordWrap
        text: qsTr("模拟设备运行中 · 仅供演示与培训，不办理真实业务")
        color: Theme.simBannerText
        font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
    }
    Row {
        id: controls
        anchors { right: parent.right; rightMargin: Theme.spacing * 1.5; verticalCenter: parent.verticalCenter }
        spacing: Math.round(Theme.spacing / 2)
        // each language names itself; the current one is ticked (not shown by colour alone)
        KButton { objectName: "langZhHans"; text: (kiosk.visit.language === "zh-Hans" ? "✓ " : "") + "简体"; onClicked: kiosk.visit.setLanguage("zh-Hans") }
        KButton { objectName: "langZhHant"; text: (kiosk.visit.language === "zh-Hant" ? "✓ " : "") + "繁體"; onClicked: kiosk.visit.setLanguage("zh-Hant") }
        KButton { objectName: "langEn"; text: (kiosk.visit.language === "en" ? "✓ " : "") + "English"; onClicked: kiosk.visit.setLanguage("en") }
        KButton {
            objectName: "elderToggle"
            text: kiosk.visit.elderMode ? qsTr("标准字体") : qsTr("长辈模式")
            onClicked: kiosk.visit.toggleElder()
        }
        KButton {
            objectName: "contrastToggle"
            text: kiosk.visit.highContrast ? qsTr("标准颜色") : qsTr("高对比度")
            onClicked: kiosk.visit.toggleContrast()
        }
        KButton {
            objectName: "voiceToggle"
            text: kiosk.visit.voiceOn ? qsTr("关闭语音") : qsTr("开启语音")
            onClicked: kiosk.visit.toggleVoice()
        }
    }

}

import QtQuick
import Kiosk

// One chip per device: a coloured dot AND words (colour is never the only signal).
Rectangle {
    id: strip
    property bool shareable: true
    color: Theme.stripBackground

    function kindLabel(kind) {
        switch (kind) {
        case "idcard": return qsTr("身份证阅读器")
        case "smartcard": return qsTr("社保卡/护照读卡器")
        case "receipt_printer": return qsTr("凭条打印机")
        case "document_printer": return qsTr("文件打印机")
        case "camera": return qsTr("摄像头")
        case "backend": return qsTr("政务服务系统")
        case "keypad": return qsTr("按键盘")
        case "headphones": return qsTr("耳机插孔")
        }
        return kind
    }
    function stateLabel(state, code) {
        if (code === "paper_low") return qsTr("纸将用完")
        if (code === "paper_out") return qsTr("缺纸")
        if (code === "cover_open") return qsTr("舱盖未关")
        if (code === "queue_stopped" || code === "not_accepting") return qsTr("已暂停")
        if (state === "ok") return qsTr("正常")
        if (state === "warning") return qsTr("需注意")
        if (state === "error") return qsTr("故障")
        if (state === "unavailable") return qsTr("未连接")
        return qsTr("检测中")
    }
    function stateColor(state) {
        if (state === "ok") return Theme.ok
        if (state === "warning") return Theme.warning
        if (state === "error" || state === "unavailable") return Theme.error
        return Theme.unknown
    }

    implicitHeight: chips.implicitHeight + Theme.spacing
    Flow {
        id: chips
        anchors { left: parent.left; right: parent.right; leftMargin: Theme.spacing * 2; rightMargin: Theme.spacing * 2
                  verticalCenter: parent.verticalCenter }
        spacing: Theme.spacing * 2
        Repeater {
            model: kiosk.devices
            delegate: Row {
                objectName: "deviceChip_" + model.name
                property string stateText: strip.stateLabel(model.state, model.code)
                spacing: Math.round(10 * Theme.scale)
                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.round(20 * Theme.scale); height: width; radius: width / 2
                    color: strip.stateColor(model.state)
                }
                Text {
                    textFormat: Text.PlainText
                    anchors.verticalCenter: parent.verticalCenter
                    text: strip.kindLabel(model.kind) + qsTr("：") + parent.stateText
                    color: Theme.text
                    font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("终端 %1").arg(kiosk.kioskId) + " · v" + kiosk.version
            color: Theme.textMuted
            font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
        }
    }
}

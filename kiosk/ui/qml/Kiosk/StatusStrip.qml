import QtQuick
import Kiosk

// One chip per device: a coloured dot AND words (colour is never the only signal).
Rectangle {
    id: strip
    height: Math.round(76 * Theme.scale)
    color: Theme.stripBackground

    function kindLabel(kind) {
        switch (kind) {
        case "idcard": return "身份证阅读器"
        case "smartcard": return "社保卡/护照读卡器"
        case "receipt_printer": return "凭条打印机"
        case "document_printer": return "文件打印机"
        case "camera": return "摄像头"
        }
        return kind
    }
    function stateLabel(state, code) {
        if (code === "paper_low") return "纸将用完"
        if (code === "paper_out") return "缺纸"
        if (code === "cover_open") return "舱盖未关"
        if (code === "queue_stopped" || code === "not_accepting") return "已暂停"
        if (state === "ok") return "正常"
        if (state === "warning") return "需注意"
        if (state === "error") return "故障"
        if (state === "unavailable") return "未连接"
        return "检测中"
    }
    function stateColor(state) {
        if (state === "ok") return Theme.ok
        if (state === "warning") return Theme.warning
        if (state === "error" || state === "unavailable") return Theme.error
        return Theme.unknown
    }

    Row {
        anchors { left: parent.left; leftMargin: Theme.spacing * 2; verticalCenter: parent.verticalCenter }
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
                    anchors.verticalCenter: parent.verticalCenter
                    text: strip.kindLabel(model.kind) + "：" + parent.stateText
                    color: Theme.text
                    font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
                }
            }
        }
    }
    Text {
        anchors { right: parent.right; rightMargin: Theme.spacing * 2; verticalCenter: parent.verticalCenter }
        text: "终端 " + kiosk.kioskId + " · v" + kiosk.version
        color: Theme.textMuted
        font { family: Theme.fontFamily; pixelSize: Theme.fontSmall }
    }
}

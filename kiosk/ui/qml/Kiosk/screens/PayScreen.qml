import QtQuick
import Kiosk

// 缴费: the order is made (and safe on the kiosk). Its QR code for the citizen's payment app
// (主扫), or their payment code shown to the camera (被扫), with the amount, the payee and the
// countdown. "已支付" only when the payment platform says so; then the screen waits for the
// service to be recorded.
Screen {
    id: pay
    objectName: "payScreen"
    property var v: kiosk.visit.view
    readonly property bool paid: !!v.paid
    title: paid ? qsTr("已支付") : qsTr("请支付 %1 元").arg(v.amount || "")
    prompt: paid ? qsTr("已支付，正在办理，请稍候")
                 : title + "。" + qsTr("请用微信、支付宝或云闪付扫描屏幕上的二维码")
    Rectangle {
        id: codeBox
        objectName: "payQrBox"
        // the order's address: the kiosk's own, but whoever scans it pays this citizen's
        // order, so it is not sent to a staff member's screen
        property bool personal: true
        anchors { left: parent.left; top: parent.top }
        width: Math.min(Math.round(420 * Theme.scale), parent.height - (pay.paid ? 0 : cancel.height + Theme.spacing * 2))
        height: width
        color: "#FFFFFF"
        radius: Theme.radius
        border { color: Theme.border; width: 1 }
        Image {
            objectName: "payQr"
            visible: !pay.paid
            anchors { fill: parent; margins: Theme.spacing }
            source: v.qr ? "image://qr/" + encodeURIComponent(v.qr) : ""
            smooth: false
            fillMode: Image.PreserveAspectFit
            cache: false
        }
        Text {
            textFormat: Text.PlainText
            objectName: "paidMark"
            visible: pay.paid
            anchors.centerIn: parent
            text: "✓"
            color: Theme.ok
            font { family: Theme.fontFamily; pixelSize: Math.round(codeBox.height * 0.6); bold: true }
        }
    }
    // the words beside the code scroll in elder mode; 取消支付 stays in reach at the bottom
    Flickable {
        id: words
        anchors { left: codeBox.right; leftMargin: Theme.spacing * 2; right: parent.right; top: parent.top
                  bottom: pay.paid ? parent.bottom : cancel.top; bottomMargin: Theme.spacing }
        contentHeight: info.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Column {
            id: info
            width: words.width
            spacing: Theme.spacing
            Heading {
                objectName: "payAmount"
                text: pay.paid ? qsTr("已支付 %1 元").arg(v.amount || "") : qsTr("应付金额：%1 元").arg(v.amount || "")
                color: pay.paid ? Theme.ok : Theme.accent
                font.pixelSize: Theme.fontTitle
            }
            Body { text: qsTr("缴费项目：") + (v.item || "") }
            Body { text: qsTr("收款单位：") + (v.payee || "") }
            Body { text: qsTr("订单号：") + (v.order || "") }
            Body {
                objectName: "payHow"
                visible: !pay.paid
                text: qsTr("请打开微信、支付宝或云闪付，扫描左侧二维码付款。")
                      + (v.codes ? qsTr("也可以打开付款码，对准屏幕上方的摄像头。") : "")
                font.bold: true
            }
            Body {
                objectName: "payProblem"
                visible: !pay.paid && !!v.problem
                text: "⚠ " + (v.problem || "")
                color: Theme.error
                font.bold: true
            }
            Body {
                objectName: "payCountdown"
                visible: !pay.paid && kiosk.visit.secondsLeft >= 0
                text: qsTr("请在 %1 内完成支付，超时订单将自动关闭，不会扣款")
                      .arg(Math.floor(Math.max(0, kiosk.visit.secondsLeft) / 60) + ":" + ("0" + Math.max(0, kiosk.visit.secondsLeft) % 60).slice(-2))
            }
            Body {
                objectName: "payWorking"
                visible: pay.paid
                text: qsTr("支付成功，正在为您办理，请稍候。不要离开。")
                font.bold: true
            }
        }
    }
    KButton {
        id: cancel
        objectName: "payCancel"
        visible: !pay.paid
        anchors { left: parent.left; bottom: parent.bottom; bottomMargin: Theme.spacing }
        text: qsTr("取消支付")
        onClicked: kiosk.visit.answer(false)
    }
}

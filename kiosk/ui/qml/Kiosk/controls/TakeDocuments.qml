import QtQuick
import Kiosk

// What came out of the printers and where to take it; print problems in words with a next step.
Column {
    id: take
    property var info: ({})
    spacing: Theme.spacing / 2
    readonly property var printed: info.printed || []
    readonly property var problems: info.problems || []
    Heading {
        objectName: "outcomeHeading"
        text: info.uploading ? qsTr("已提交，将自动上传")
              : info.paid && info.outcome === "approved" ? qsTr("缴费成功")
              : info.outcome === "approved" ? qsTr("已办结（秒批）") : qsTr("已受理，等待部门审核")
        color: Theme.ok
        font.pixelSize: Theme.fontTitle
    }
    Body {
        objectName: "paidNote"
        visible: !!info.paid
        text: qsTr("已支付 %1 元，回执上有订单号和财政电子票据号码。").arg(info.paid || "")
        font.bold: true
    }
    Body {
        objectName: "uploadingNote"
        visible: !!info.uploading
        text: qsTr("政务服务系统暂时没有回应。您的申请已安全保存在本机，会自动提交，不必重新办理。")
    }
    Body {
        visible: (info.cases || []).length > 0
        text: (info.uploading ? qsTr("本机受理号：") : qsTr("办件编号：")) + (info.cases || []).join(qsTr("、"))
    }
    Body {
        objectName: "takeDocuments"
        visible: take.printed.length > 0
        text: (kiosk.printerPosition === "left" ? qsTr("⬅ 请从左侧出纸口取走：") :
               kiosk.printerPosition === "right" ? qsTr("请从右侧出纸口取走： ➡") : qsTr("⬇ 请从下方出纸口取走："))
              + take.printed.map(p => p === "certificate" ? qsTr("证明文件") : p === "receipt" ? qsTr("回执") : p === "refund_slip" ? qsTr("退款告知单") : p).join(qsTr("、"))
        font.bold: true
    }
    Body {
        objectName: "printProblem"
        visible: take.problems.length > 0
        color: Theme.error
        text: "⚠ " + qsTr("有文件没有打印出来，已保存，可请工作人员补打，不必重新办理。") + qsTr("您也可以凭办件编号在网上查询进度。")
        font.bold: true
    }
}

import QtQuick
import Kiosk

Screen {
    objectName: "introScreen"
    property var s: kiosk.visit.view
    title: s.title || ""
    prompt: title + "。" + qsTr("准备好后请点“开始办理”")
    // the details scroll; the start button stays in reach at the bottom
    Flickable {
        id: details
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: beginButton.top; bottomMargin: Theme.spacing }
        contentHeight: detailColumn.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
    Column {
        id: detailColumn
        width: details.width
        spacing: Theme.spacing
        Body { visible: (s.items || []).length > 0; text: qsTr("一次办成这些事项：") + (s.items || []).join(qsTr("、")) }
        Heading { text: qsTr("需要准备") }
        Body { objectName: "introNeeds"; text: "• " + qsTr("证件：") + (s.credentials || []).join(" / ") }
        Body { visible: !!s.faceCheck; text: "• " + qsTr("刷脸核验本人身份（不愿刷脸可请工作人员协助）") }
        Body { visible: (s.licenses || []).length > 0; text: "• " + qsTr("自动调取电子证照，无需提交纸质材料：") + (s.licenses || []).join(qsTr("、")) }
        Body { visible: !!s.commitment; text: "• " + qsTr("缺少的材料可签署告知承诺书代替") }
        // 缴费: how much, to whom, and how to pay, before anything starts
        Body {
            objectName: "introPayment"
            visible: !!s.payment
            text: !s.payment ? ""
                  : "• " + (s.payment.how === "fixed" ? qsTr("需缴费 %1 元（%2），收款单位：%3").arg(s.payment.amount).arg(s.payment.item).arg(s.payment.payee)
                           : s.payment.how === "tiers" ? qsTr("缴费金额按您选择的档次，收款单位：%1").arg(s.payment.payee)
                           : qsTr("缴费金额由系统按参保人员核定，收款单位：%1").arg(s.payment.payee))
        }
        Body {
            visible: !!s.payment
            text: "• " + qsTr("可用微信、支付宝或云闪付扫码支付，或出示付款码")
        }
        Heading { text: qsTr("办理结果") }
        Body {
            objectName: "introOutcome"
            text: s.payment && s.payment.isService ? qsTr("缴费成功即记入，打印缴费回执（含财政电子票据号码）")
                  : s.instant ? qsTr("符合条件当场办结，打印：") + (s.documents || []).join(qsTr("、")) + qsTr("，以及回执")
                  : qsTr("提交后由部门审核，约 %1 个工作日内办结，打印受理回执").arg(s.reviewDays || 0)
        }
        Body { text: qsTr("大约需要 %1 分钟").arg(s.minutes || 0) }
    }
    }
    KButton {
        id: beginButton
        objectName: "beginVisit"
        anchors { left: parent.left; bottom: parent.bottom; bottomMargin: Theme.spacing }
        primary: true; text: qsTr("开始办理"); onClicked: kiosk.visit.begin()
        enabled: !kiosk.visit.view.paused
        opacity: enabled ? 1 : 0.4
    }
    Body {
        objectName: "introPaused"
        visible: !!kiosk.visit.view.paused
        anchors { left: beginButton.right; leftMargin: Theme.spacing * 2; right: parent.right
                  verticalCenter: beginButton.verticalCenter }
        color: Theme.error
        font.bold: true
        text: qsTr("暂停办理：暂时无法连接政务服务系统，请稍后再试或到窗口办理")
    }
}

import QtQuick
import QtQuick.Controls
import Kiosk

// The hidden maintenance menu (opened by the corner gesture): PIN pad, then staff pages.
// Staff pages use the standard theme, never elder mode or high contrast.
Rectangle {
    id: admin
    objectName: "adminOverlay"
    visible: kiosk.admin.open
    enabled: visible
    color: Theme.staffBackground
    TapHandler {}   // nothing behind the menu reacts while it is open

    readonly property var a: kiosk.admin
    readonly property int gap: Theme.staffGap
    readonly property int btnH: Theme.staffButtonHeight
    readonly property int fontPx: Theme.staffFont

    component AdminButton: Rectangle {
        property string text
        property bool danger: false
        signal clicked()
        width: Math.max(240, label.implicitWidth + 40); height: admin.btnH; radius: 12
        color: danger ? Theme.staffDanger : Theme.staffAction
        Accessible.role: Accessible.Button
        Accessible.name: text
        Text { textFormat: Text.PlainText; id: label; anchors.centerIn: parent; text: parent.text; color: Theme.staffTextOnDark
               font { family: Theme.fontFamily; pixelSize: admin.fontPx; bold: true } }
        TapHandler { onTapped: parent.clicked() }
    }
    component AdminText: Text {
        textFormat: Text.PlainText
        color: Theme.staffText; wrapMode: Text.WordWrap
        font { family: Theme.fontFamily; pixelSize: admin.fontPx }
    }

    // header: who is in, the way back, the way out
    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 100; color: Theme.staffHeader
        Text {
            textFormat: Text.PlainText
            anchors { left: parent.left; leftMargin: Theme.staffMargin; verticalCenter: parent.verticalCenter }
            text: qsTr("维护菜单") + (a.staffId ? "  ·  " + a.staffId : "")
            color: Theme.staffTextOnDark; font { family: Theme.fontFamily; pixelSize: Theme.staffFontLarge; bold: true }
        }
        Row {
            anchors { right: parent.right; rightMargin: Theme.staffMargin; verticalCenter: parent.verticalCenter }
            spacing: admin.gap
            AdminButton { objectName: "adminBackToMenu"; visible: a.page !== "pin" && a.page !== "menu"; text: qsTr("返回菜单"); onClicked: a.showPage("menu") }
            AdminButton { objectName: "adminClose"; text: a.staffId ? qsTr("退出维护") : qsTr("取消"); onClicked: a.close() }
        }
    }
    Text {
        textFormat: Text.PlainText
        objectName: "adminMessage"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 24 }
        text: a.message
        color: Theme.staffNotice; wrapMode: Text.WordWrap
        font { family: Theme.fontFamily; pixelSize: admin.fontPx; bold: true }
    }

    Item {
        id: body
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
                  margins: Theme.staffMargin; bottomMargin: 90 }

        // PIN pad
        Column {
            visible: a.page === "pin"
            anchors.centerIn: parent
            spacing: admin.gap
            property string pin: ""
            id: pinPad
            Connections { target: kiosk.admin; function onChanged() { if (!kiosk.admin.open) pinPad.pin = "" } }
            AdminText { anchors.horizontalCenter: parent.horizontalCenter; text: qsTr("请输入维护PIN") ; font.pixelSize: Theme.staffFontLarge }
            Text {
                textFormat: Text.PlainText
                objectName: "adminPinDots"
                anchors.horizontalCenter: parent.horizontalCenter
                text: pinPad.pin.length ? "●".repeat(pinPad.pin.length) : " "
                font { pixelSize: 40 }
            }
            NumericPad {
                anchors.horizontalCenter: parent.horizontalCenter
                onKey: (k) => { if (k === "⌫") pinPad.pin = pinPad.pin.slice(0, -1); else if (pinPad.pin.length < 12) pinPad.pin += k }
            }
            AdminButton {
                objectName: "adminPinEnter"
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("确定")
                onClicked: { a.enterPin(pinPad.pin); pinPad.pin = "" }
            }
        }

        // menu
        Grid {
            visible: a.page === "menu"
            columns: 4; spacing: admin.gap * 2
            AdminButton { objectName: "adminDevices"; text: qsTr("设备状态与测试"); onClicked: a.showPage("devices") }
            AdminButton { objectName: "adminOutbox"; text: qsTr("待上传"); onClicked: a.showPage("outbox") }
            AdminButton { objectName: "adminPayments"; text: qsTr("缴费"); onClicked: a.showPage("payments") }
            AdminButton { objectName: "adminReprint"; text: qsTr("补打"); onClicked: a.showPage("reprint") }
            AdminButton { objectName: "adminLogs"; text: qsTr("日志"); onClicked: a.showPage("logs") }
            AdminButton { objectName: "adminStats"; text: qsTr("统计"); onClicked: a.showPage("stats") }
            AdminButton { objectName: "adminConfig"; text: qsTr("配置"); onClicked: a.showPage("config") }
            AdminButton { objectName: "adminSystem"; text: qsTr("系统"); onClicked: a.showPage("system") }
            AdminButton { objectName: "adminCatalog"; text: qsTr("服务目录"); onClicked: a.showPage("catalog") }
        }

        // devices: the dashboard and the tests
        Column {
            visible: a.page === "devices"
            spacing: admin.gap
            width: parent.width
            Repeater {
                model: a.open && a.page === "devices" ? kiosk.devices : null
                Row {
                    spacing: admin.gap
                    AdminText {
                        objectName: "adminDevice_" + model.name
                        text: model.staffLine
                        color: model.state === "ok" ? Theme.staffOk : Theme.staffDanger
                    }
                    // paper and cover of the receipt printer, as two small signs
                    Repeater {
                        model: [[qsTr("纸"), paper, paper === "ok" ? Theme.staffOk : paper === "low" ? Theme.staffNotice : Theme.staffDanger,
                                 paper === "ok" ? qsTr("纸充足") : paper === "low" ? qsTr("纸将用尽") : qsTr("缺纸")],
                                [qsTr("盖"), cover, cover === "closed" ? Theme.staffOk : Theme.staffDanger,
                                 cover === "closed" ? qsTr("盖板已关") : qsTr("盖板打开")]].filter(x => x[1] !== "")
                        Rectangle {
                            objectName: "adminIndicator_" + name + "_" + modelData[1]
                            width: admin.fontPx * 1.6; height: width; radius: width / 2
                            color: modelData[2]
                            Accessible.role: Accessible.Indicator
                            Accessible.name: modelData[3]
                            Text { textFormat: Text.PlainText; anchors.centerIn: parent; text: modelData[0]; color: Theme.staffTextOnDark
                                   font { family: Theme.fontFamily; pixelSize: Math.round(admin.fontPx * 0.8); bold: true } }
                        }
                    }
                }
            }
            Flow {
                width: parent.width; spacing: admin.gap
                AdminButton { objectName: "adminTestCard"; text: qsTr("读卡测试"); onClicked: a.testCardRead() }
                AdminButton { objectName: "adminTestReceipt"; text: qsTr("打印测试凭条"); onClicked: a.testReceipt() }
                AdminButton { objectName: "adminTestCertificate"; text: qsTr("打印测试页"); onClicked: a.testCertificate() }
                AdminButton { objectName: "adminTestQr"; text: qsTr("扫码测试"); onClicked: a.testQr() }
            }
            Rectangle {
                width: 480; height: 360; color: Theme.cameraBackground
                Image {
                    objectName: "adminCameraPreview"
                    anchors.fill: parent; fillMode: Image.PreserveAspectFit; cache: false
                    property int tick: 0
                    source: a.page === "devices" ? "image://camera/admin-" + tick : ""
                    Timer { running: a.page === "devices" && a.open; interval: 50; repeat: true; onTriggered: parent.tick++ }
                }
            }
        }

        // outbox
        Column {
            visible: a.page === "outbox"
            spacing: admin.gap
            width: parent.width
            AdminText {
                objectName: "adminOutboxStatus"
                text: qsTr("待上传 %1 · 已上传 %2 · 失败 %3").arg(a.outbox.pending || 0).arg(a.outbox.sent || 0).arg(a.outbox.dead || 0)
                      + (a.outbox.oldest_pending_age_s ? qsTr(" · 最久 %1 秒").arg(Math.round(a.outbox.oldest_pending_age_s)) : "")
            }
            AdminText {
                objectName: "adminUploaderRestarts"
                visible: (a.outbox.uploader_restarts || 0) > 0
                text: qsTr("上传程序曾意外停止并已自动重启 %1 次，请查看日志").arg(a.outbox.uploader_restarts || 0)
                color: Theme.staffAlarm
            }
            AdminText {  // a damaged outbox was set aside: the line says when and where
                objectName: "adminOutboxAlarm"
                visible: !!a.outbox.alarm
                text: a.outbox.alarm || ""
                color: Theme.staffAlarm
                font.bold: true
                width: parent.width
            }
            Repeater {
                model: a.outbox.dead_letters || []
                AdminText { text: modelData.kind + " · " + modelData.service + " · " + modelData.error }
            }
            AdminButton { objectName: "adminOutboxRetry"; text: qsTr("立即重试"); onClicked: a.outboxRetry() }
        }

        // 缴费: the day's totals, what the kiosk settled at start, orders not yet at an end,
        // and 对账 (order numbers and amounts only: nobody's name)
        Column {
            visible: a.page === "payments"
            spacing: admin.gap
            width: parent.width
            AdminText { objectName: "adminPaymentTotals"; text: a.payments.totals || ""; width: parent.width }
            AdminText {
                objectName: "adminPaymentsAtStart"
                visible: !!a.payments.at_start
                text: qsTr("本次启动时：") + (a.payments.at_start || "")
                width: parent.width
            }
            AdminText {
                visible: (a.payments.open || []).length > 0
                text: qsTr("未完成的订单（将自动处理）：")
                color: Theme.staffNotice
            }
            Repeater {
                model: a.payments.open || []
                AdminText { text: modelData; width: parent.width }
            }
            AdminButton { objectName: "adminReconcile"; text: qsTr("昨日对账"); onClicked: a.reconcileYesterday() }
        }

        // reprint by case number
        Column {
            visible: a.page === "reprint"
            spacing: admin.gap
            AdminText { text: qsTr("输入办件编号补打证明和回执（保留24小时）") }
            Row {
                spacing: admin.gap
                TextField {
                    id: caseNumber
                    objectName: "adminCaseNumber"
                    width: 600; height: admin.btnH
                    font { family: Theme.fontFamily; pixelSize: admin.fontPx }
                    inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
                }
                AdminButton { objectName: "adminReprintGo"; text: qsTr("补打"); onClicked: a.reprint(caseNumber.text) }
            }
        }

        // the redacted log, filtered by event id or text
        Column {
            visible: a.page === "logs"
            anchors.fill: parent
            spacing: admin.gap
            TextField {
                id: logFilter
                objectName: "adminLogFilter"
                width: 600; height: admin.btnH
                placeholderText: qsTr("按事件编号过滤，例如 6003")
                font { family: Theme.fontFamily; pixelSize: admin.fontPx }
                onTextChanged: a.filterLogs(text)
            }
            ListView {
                objectName: "adminLogList"
                width: parent.width; height: parent.height - logFilter.height - admin.gap
                clip: true
                model: a.logs
                delegate: Text { textFormat: Text.PlainText; width: ListView.view.width; text: modelData; wrapMode: Text.WrapAnywhere
                                 font { family: "monospace"; pixelSize: Theme.staffFontMono } color: Theme.staffText }
            }
        }

        // statistics: visits per day, outcomes, ratings, median durations (bars drawn here)
        Row {
            visible: a.page === "stats"
            spacing: admin.gap * 3
            Column {
                spacing: admin.gap
                AdminText { objectName: "adminStatsTotal"; text: qsTr("近14天办理 %1 次").arg(a.stats.visits || 0); font.bold: true }
                Row {
                    objectName: "adminStatsPerDay"
                    spacing: 8; height: 260
                    Repeater {
                        model: a.stats.per_day || []
                        Column {
                            anchors.bottom: parent.bottom
                            spacing: 4
                            readonly property int peak: Math.max(1, ...(a.stats.per_day || []).map(d => d.visits))
                            Rectangle { width: 40; height: 200 * modelData.visits / parent.peak; color: Theme.staffAction; anchors.horizontalCenter: parent.horizontalCenter }
                            Text { textFormat: Text.PlainText; text: modelData.day.slice(5); font.pixelSize: Theme.staffFontMono; anchors.horizontalCenter: parent.horizontalCenter }
                        }
                    }
                }
            }
            Column {
                spacing: admin.gap
                AdminText { text: qsTr("结果"); font.bold: true }
                Repeater {
                    model: Object.keys(a.stats.outcomes || {})
                    AdminText { text: modelData + "：" + a.stats.outcomes[modelData] }
                }
                AdminText { text: qsTr("评价（5 非常满意 … 1 非常不满意）"); font.bold: true }
                Repeater {
                    model: ["5", "4", "3", "2", "1"]
                    Row {
                        spacing: 8
                        AdminText { text: modelData; width: 30 }
                        Rectangle { width: 20 + 20 * ((a.stats.ratings || {})[modelData] || 0); height: 24; color: Theme.staffOk }
                        AdminText { text: String((a.stats.ratings || {})[modelData] || 0) }
                    }
                }
                AdminText { text: qsTr("证件未通过（按原因）"); font.bold: true; visible: Object.keys(a.stats.refusals || {}).length > 0 }
                Repeater {
                    model: Object.keys(a.stats.refusals || {})
                    AdminText { objectName: "adminRefusal_" + modelData; text: modelData + "：" + a.stats.refusals[modelData] }
                }
                AdminText { text: qsTr("中位用时（秒）"); font.bold: true }
                Repeater {
                    model: Object.keys(a.stats.median_seconds || {})
                    AdminText { text: modelData + "：" + a.stats.median_seconds[modelData] }
                }
            }
            // the hall around the kiosk (issue 31): counts only, never who or which policy
            Column {
                id: hallStats
                spacing: admin.gap
                readonly property var offers: a.stats.offers || {}
                readonly property var channels: a.stats.ratings_by_channel || {}
                readonly property var arrivals: ({"on_time": qsTr("按时"), "early": qsTr("早到"), "late": qsTr("迟到"),
                                                  "booking_other_day": qsTr("非预约当天"), "booking_cancelled": qsTr("已取消"),
                                                  "booking_other_person": qsTr("非本人预约"), "booking_not_found": qsTr("未查到预约"),
                                                  "unavailable": qsTr("无法连接"), "not_identified": qsTr("未出示证件")})
                AdminText { text: qsTr("政策找人（免申即享）"); font.bold: true }
                AdminText {
                    objectName: "adminStatsOffers"
                    text: qsTr("询问 %1 次 · 同意 %2 次 · 展示 %3 项 · 申请 %4 项")
                          .arg(hallStats.offers.asked || 0).arg(hallStats.offers.consented || 0)
                          .arg(hallStats.offers.shown || 0).arg(hallStats.offers.taken || 0)
                }
                AdminText { text: qsTr("预约签到"); font.bold: true }
                AdminText { visible: Object.keys(a.stats.check_ins || {}).length === 0; text: qsTr("无") }
                Repeater {
                    model: Object.keys(a.stats.check_ins || {})
                    AdminText { objectName: "adminCheckIn_" + modelData
                                text: (hallStats.arrivals[modelData] || modelData) + "：" + a.stats.check_ins[modelData] }
                }
                AdminText { text: qsTr("评价（按渠道）"); font.bold: true }
                AdminText { objectName: "adminRatingsTerminal"; text: qsTr("本机评价：%1").arg(hallStats.channels.self_service_terminal || 0) }
                AdminText { objectName: "adminRatingsLater"
                            text: qsTr("选择稍后扫码评价：%1（回执带评价码 %2 张）").arg(hallStats.channels.mobile_later || 0)
                                  .arg(hallStats.channels.rating_codes || 0) }
                AdminText { objectName: "adminRatingsCard"; text: qsTr("卡片评（不记名）：%1").arg(hallStats.channels.anonymous_card || 0) }
            }
        }

        // configuration (as running), and a check of the file on disk
        Column {
            visible: a.page === "config"
            anchors.fill: parent
            spacing: admin.gap
            AdminButton { objectName: "adminValidateConfig"; text: qsTr("检查配置文件"); onClicked: a.validateConfig() }
            Flickable {
                width: parent.width; height: parent.height - admin.btnH - admin.gap
                contentHeight: configText.implicitHeight; clip: true
                Text { textFormat: Text.PlainText; id: configText; objectName: "adminConfigText"; text: a.configText; font { family: "monospace"; pixelSize: Theme.staffFontMono } }
            }
        }

        // the province's catalog: the version in service, the last check, a refusal in red
        Column {
            visible: a.page === "catalog"
            spacing: admin.gap
            width: parent.width
            AdminText { objectName: "adminCatalogVersion"; text: a.catalog.version || ""; font.bold: true; width: parent.width }
            AdminText { objectName: "adminCatalogChecked"; text: a.catalog.checked || ""; width: parent.width }
            AdminText {
                objectName: "adminCatalogRefused"
                visible: !!a.catalog.alarm
                text: a.catalog.refused || ""
                color: Theme.staffAlarm
                font.bold: true
                width: parent.width
            }
            AdminButton { objectName: "adminCatalogCheck"; text: qsTr("立即检查更新"); onClicked: a.checkCatalog() }
        }

        // system
        Column {
            visible: a.page === "system"
            spacing: admin.gap
            AdminText { objectName: "adminSystemInfo"
                        text: qsTr("版本 %1 · 终端 %2 · 机器 %3 · %4").arg(a.system.version).arg(a.system.kioskId).arg(a.system.machineId).arg(a.system.time) }
            AdminText { text: qsTr("时钟由网络校时（NTP）维护；如偏差过大请检查网络。") }
            Flow {
                width: body.width; spacing: admin.gap
                AdminButton { objectName: "adminExport"; text: qsTr("导出日志和就绪报告到U盘"); onClicked: a.exportToUsb() }
                AdminButton { objectName: "adminSelfTest"; text: qsTr("打印自检单"); onClicked: a.selfTestTicket() }
                AdminButton { objectName: "adminRestart"; danger: true; text: qsTr("重启程序"); onClicked: a.confirm("restart") }
                AdminButton { objectName: "adminReboot"; danger: true; text: qsTr("重启设备"); onClicked: a.confirm("reboot") }
                AdminButton { objectName: "adminShell"; danger: true; text: qsTr("进入维护终端"); onClicked: a.confirm("shell") }
            }
            Row {
                visible: a.confirming !== ""
                spacing: admin.gap
                AdminText { text: qsTr("确定要执行吗？") ; font.bold: true }
                AdminButton { objectName: "adminConfirmYes"; danger: true; text: qsTr("确定"); onClicked: a.confirmed() }
                AdminButton { objectName: "adminConfirmNo"; text: qsTr("取消"); onClicked: a.confirm("") }
            }
        }
    }
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminOverlay</name>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="46"/>
        <source>维护菜单</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="52"/>
        <source>返回菜单</source>
        <translation>Back to menu</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="53"/>
        <source>退出维护</source>
        <translation>Leave maintenance</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="53"/>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="395"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="78"/>
        <source>请输入维护PIN</source>
        <translation>Enter the maintenance PIN</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="93"/>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="394"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="102"/>
        <source>设备状态与测试</source>
        <translation>Devices and tests</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="103"/>
        <source>待上传</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="105"/>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="234"/>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="106"/>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="107"/>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="108"/>
        <source>配置</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="109"/>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="110"/>
        <source>服务目录</source>
        <translation>Service catalog</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="129"/>
        <source>纸</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="130"/>
        <source>纸充足</source>
        <translation>Paper OK</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="130"/>
        <source>纸将用尽</source>
        <translation>Paper low</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="130"/>
        <source>缺纸</source>
        <translation>Paper out</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="131"/>
        <source>盖</source>
        <translation>C</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="132"/>
        <source>盖板已关</source>
        <translation>Cover closed</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="132"/>
        <source>盖板打开</source>
        <translation>Cover open</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="147"/>
        <source>读卡测试</source>
        <translation>Test card reading</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="148"/>
        <source>打印测试凭条</source>
        <translation>Print a test receipt</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="149"/>
        <source>打印测试页</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="150"/>
        <source>扫码测试</source>
        <translation>Test QR scanning</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="171"/>
        <source>待上传 %1 · 已上传 %2 · 失败 %3</source>
        <translation>Waiting %1 · sent %2 · failed %3</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="172"/>
        <source> · 最久 %1 秒</source>
        <translation> · oldest %1 s</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="177"/>
        <source>上传程序曾意外停止并已自动重启 %1 次，请查看日志</source>
        <translation>The uploader stopped unexpectedly and was restarted %1 time(s); see the log</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="192"/>
        <source>立即重试</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="224"/>
        <source>输入办件编号补打证明和回执（保留24小时）</source>
        <translation>Enter a case number to reprint its certificate and receipt (kept 24 hours)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="247"/>
        <source>按事件编号过滤，例如 6003</source>
        <translation>Filter by event id, e.g. 6003</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="267"/>
        <source>近14天办理 %1 次</source>
        <translation>%1 visits in the last 14 days</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="285"/>
        <source>结果</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="290"/>
        <source>评价（5 非常满意 … 1 非常不满意）</source>
        <translation>Ratings (5 very satisfied … 1 very dissatisfied)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="300"/>
        <source>证件未通过（按原因）</source>
        <translation>Credentials refused (by reason)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="305"/>
        <source>中位用时（秒）</source>
        <translation>Median duration (s)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="349"/>
        <source>检查配置文件</source>
        <translation>Check the configuration file</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="372"/>
        <source>立即检查更新</source>
        <translation>Check for updates now</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="380"/>
        <source>版本 %1 · 终端 %2 · 机器 %3 · %4</source>
        <translation>Version %1 · kiosk %2 · machine %3 · %4</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="381"/>
        <source>时钟由网络校时（NTP）维护；如偏差过大请检查网络。</source>
        <translation>The clock is kept by network time (NTP); if it is off, check the network.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="384"/>
        <source>导出日志和就绪报告到U盘</source>
        <translation>Export log and readiness report to USB</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="385"/>
        <source>打印自检单</source>
        <translation>Print a self-test ticket</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="386"/>
        <source>重启程序</source>
        <translation>Restart the app</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="387"/>
        <source>重启设备</source>
        <translation>Reboot</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="388"/>
        <source>进入维护终端</source>
        <translation>Leave to the maintenance console</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="393"/>
        <source>确定要执行吗？</source>
        <translation>Are you sure?</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="104"/>
        <source>缴费</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="205"/>
        <source>本次启动时：</source>
        <translation>At this start: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="210"/>
        <source>未完成的订单（将自动处理）：</source>
        <translation>Orders not finished yet (settled automatically):</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="217"/>
        <source>昨日对账</source>
        <translation>Reconcile yesterday</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="317"/>
        <source>按时</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="317"/>
        <source>早到</source>
        <translation>Early</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="317"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="318"/>
        <source>非预约当天</source>
        <translation>Another day</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="318"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="319"/>
        <source>非本人预约</source>
        <translation>Someone else&apos;s</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="319"/>
        <source>未查到预约</source>
        <translation>No booking</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="320"/>
        <source>无法连接</source>
        <translation>Hall unreachable</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="320"/>
        <source>未出示证件</source>
        <translation>No document shown</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="321"/>
        <source>政策找人（免申即享）</source>
        <translation>Policies found (免申即享)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="324"/>
        <source>询问 %1 次 · 同意 %2 次 · 展示 %3 项 · 申请 %4 项</source>
        <translation>Asked %1 · agreed %2 · shown %3 · applied for %4</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="328"/>
        <source>预约签到</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="329"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="335"/>
        <source>评价（按渠道）</source>
        <translation>Ratings by channel</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="336"/>
        <source>本机评价：%1</source>
        <translation>On this kiosk: %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="338"/>
        <source>选择稍后扫码评价：%1（回执带评价码 %2 张）</source>
        <translation>Chose to rate later by phone: %1 (receipts with a rating code: %2)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="340"/>
        <source>卡片评（不记名）：%1</source>
        <translation>Anonymous cards: %1</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/AttractScreen.qml" line="39"/>
        <source>请触摸屏幕开始办事</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>CardRatedScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatedScreen.qml" line="8"/>
        <source>谢谢您的评价</source>
        <translation>Thank you for your rating</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatedScreen.qml" line="8"/>
        <source>未能提交评价</source>
        <translation>Rating not sent</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatedScreen.qml" line="14"/>
        <source>%1 秒后回到首页</source>
        <translation>Back to the start in %1 seconds</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatedScreen.qml" line="15"/>
        <source>回到首页</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>CardRatingScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>等待时间长</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>办事指引不清楚</source>
        <translation>Unclear guidance</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>服务态度不好</source>
        <translation>Unfriendly service</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>环境设施不便</source>
        <translation>Inconvenient facilities</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>没有办成</source>
        <translation>Did not get it done</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="19"/>
        <source>评价我们的服务</source>
        <translation>Rate our service</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="20"/>
        <source>不记名评价，不需要证件。请选择评价对象和满意程度</source>
        <translation>Anonymous, no document needed. Choose what you rate and how satisfied you are</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="32"/>
        <source>不记名评价，不需要证件，只用于改进服务。您想评价：</source>
        <translation>Anonymous, no document needed, used only to improve the service. You are rating:</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="37"/>
        <source>大厅整体</source>
        <translation>The hall as a whole</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="37"/>
        <source>某个窗口</source>
        <translation>A counter</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="37"/>
        <source>某个事项</source>
        <translation>A service</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="74"/>
        <source>您满意吗？</source>
        <translation>Are you satisfied?</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="80"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="80"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="80"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="81"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="81"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="90"/>
        <source>哪里让您不满意？（至少选一项）</source>
        <translation>What was wrong? (choose at least one)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="118"/>
        <source>正在提交…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="118"/>
        <source>提交评价</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="123"/>
        <source>不评了</source>
        <translation>Not now</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="11"/>
        <source>预约签到</source>
        <translation>Check in a booking</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="12"/>
        <source>请预约人本人放置身份证件，或出示电子身份码</source>
        <translation>The booked person: place your ID document, or show your e-ID code</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="19"/>
        <source>请预约人本人把身份证、社会保障卡或电子护照放到读卡区，或在摄像头前出示手机上的电子身份码。</source>
        <translation>The booked person places their ID card, social security card or e-passport on the reader, or shows the e-ID code on their phone to the camera.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="20"/>
        <source>按时到达的优先叫号；早到或迟到的按现场取号排队。</source>
        <translation>On time, you are called first; early or late, you queue like a walk-in.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="24"/>
        <source>正在向大厅确认您的预约…</source>
        <translation>Checking your booking with the hall…</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="36"/>
        <source>有多个预约，或预约不是用本人手机办的？可以先输入8位预约码，再放置证件：</source>
        <translation>Several bookings, or booked on someone else&apos;s phone? Type the 8-digit booking code first, then place your document:</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="46"/>
        <source>预约码（选填）</source>
        <translation>Booking code (optional)</translation>
    </message>
</context>
<context>
    <name>CheckedInScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="8"/>
        <source>签到成功</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="8"/>
        <source>未能签到</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="27"/>
        <source>预约优先叫号</source>
        <translation>Booked: called first</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="28"/>
        <source>预约时间：%1</source>
        <translation>Booked time: %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="34"/>
        <source>请取走号码条，留意叫号。</source>
        <translation>Please take your ticket and listen for your number.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="35"/>
        <source>%1 秒后回到首页</source>
        <translation>Back to the start in %1 seconds</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="36"/>
        <source>回到首页</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="6"/>
        <source>请核对信息</source>
        <translation>Please check your details</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="7"/>
        <source>请核对以下信息，无误请点“确认无误”</source>
        <translation>Please check the details below and tap “All correct”</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="66"/>
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="66"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="79"/>
        <source>来自：身份证件</source>
        <translation>From: ID document</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="80"/>
        <source>来自：电子证照</source>
        <translation>From: e-license</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="81"/>
        <source>来自：部门数据</source>
        <translation>From: agency records</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="82"/>
        <source>您填写</source>
        <translation>Entered by you</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="82"/>
        <source>来自：本次一并申请</source>
        <translation>From: applied for in this visit</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="92"/>
        <source>确认无误</source>
        <translation>All correct</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="93"/>
        <source>信息有误，不办了</source>
        <translation>Something is wrong, stop</translation>
    </message>
</context>
<context>
    <name>DisplayBar</name>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="19"/>
        <source>模拟设备运行中 · 仅供演示与培训，不办理真实业务</source>
        <translation>Simulated devices · for demonstration and training only, no real services</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="33"/>
        <source>标准字体</source>
        <translation>Standard text</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="33"/>
        <source>长辈模式</source>
        <translation>Large text mode</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="38"/>
        <source>标准颜色</source>
        <translation>Standard colours</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="38"/>
        <source>高对比度</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="43"/>
        <source>关闭语音</source>
        <translation>Voice off</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="43"/>
        <source>开启语音</source>
        <translation>Voice on</translation>
    </message>
</context>
<context>
    <name>EndedScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="7"/>
        <source>身份证已取走，本次办理已结束</source>
        <translation>The ID card was removed, so this visit has ended</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="8"/>
        <source>长时间没有操作，本次办理已结束</source>
        <translation>There was no activity for a while, so this visit has ended</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="9"/>
        <source>本次办理已结束</source>
        <translation>This visit has ended</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="14"/>
        <source>为保护您的隐私，您的信息已从本机清除。需要办理请重新开始。</source>
        <translation>To protect your privacy, your information has been cleared from this kiosk. Start again if you need to.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="16"/>
        <source>%1 秒后回到首页</source>
        <translation>Back to the start in %1 seconds</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="17"/>
        <source>重新开始</source>
        <translation>Start over</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ErrorScreen.qml" line="6"/>
        <source>抱歉，出了点问题</source>
        <translation>Sorry, something went wrong</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ErrorScreen.qml" line="10"/>
        <source>本次办理没能完成，您的信息已从本机清除。请重新开始，或呼叫工作人员。</source>
        <translation>This visit could not be completed and your information has been cleared. Please start again or call staff.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ErrorScreen.qml" line="11"/>
        <source>%1 秒后回到首页</source>
        <translation>Back to the start in %1 seconds</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ErrorScreen.qml" line="12"/>
        <source>重新开始</source>
        <translation>Start over</translation>
    </message>
</context>
<context>
    <name>FaceConsentScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="6"/>
        <source>刷脸核验本人身份</source>
        <translation>Face check</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="7"/>
        <source>需要拍摄您的面部，与证件照片比对。同意请点“同意并开始”</source>
        <translation>The camera will take your picture to compare with your document photo. Tap “I agree, start” to continue</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="11"/>
        <source>为确认是您本人办理，需要用摄像头拍摄您的面部，与证件照片比对。</source>
        <translation>To confirm it is really you, the camera takes your picture and compares it with your document photo.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="12"/>
        <source>人脸信息只在本机内存中比对，比对后立即清除，不保存、不上传图像。</source>
        <translation>Your face is compared only in this kiosk&apos;s memory and deleted at once; no image is stored or sent.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="13"/>
        <source>如不同意，可以请工作人员人工核验。</source>
        <translation>If you do not agree, staff can check your identity in person.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="16"/>
        <source>同意并开始</source>
        <translation>I agree, start</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="17"/>
        <source>不同意，找工作人员</source>
        <translation>I do not agree, call staff</translation>
    </message>
</context>
<context>
    <name>FaceScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="9"/>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="50"/>
        <source>请正对摄像头</source>
        <translation>Please look at the camera</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="10"/>
        <source>请正对摄像头，按提示转头</source>
        <translation>Please look at the camera and turn your head when asked</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="43"/>
        <source>请慢慢向左转头</source>
        <translation>Slowly turn your head to the left</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="44"/>
        <source>请慢慢向右转头</source>
        <translation>Slowly turn your head to the right</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="45"/>
        <source>请面向摄像头</source>
        <translation>Please face the camera</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="46"/>
        <source>请一个人办理</source>
        <translation>One person at a time, please</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="47"/>
        <source>请靠近一点</source>
        <translation>Please come a little closer</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="48"/>
        <source>光线太暗，请站到亮处</source>
        <translation>It is too dark; please stand in better light</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="49"/>
        <source>请站到画面中间</source>
        <translation>Please stand in the middle of the picture</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="50"/>
        <source>请保持不动</source>
        <translation>Please hold still</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="52"/>
        <source>人脸信息只在本机比对，不保存图像</source>
        <translation>Your face is compared on this kiosk only; no image is kept</translation>
    </message>
</context>
<context>
    <name>FieldScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="10"/>
        <source>请填写：</source>
        <translation>Please fill in: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="75"/>
        <source>11位手机号码</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="75"/>
        <source>例如 2024-05-01</source>
        <translation>For example 2024-05-01</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="85"/>
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="85"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="88"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>FinishedScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/FinishedScreen.qml" line="6"/>
        <source>办理完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FinishedScreen.qml" line="7"/>
        <source>办理完成，请取走您的证明和回执</source>
        <translation>All done. Please take your certificate and receipt</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="6"/>
        <source>感谢您的使用，再见</source>
        <translation>Thank you, goodbye</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="7"/>
        <source>感谢您的使用。请带好您的证件和文件</source>
        <translation>Thank you. Please take your card and your documents</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="11"/>
        <source>请带好您的身份证和打印的文件</source>
        <translation>Please take your ID card and the printed documents</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="12"/>
        <source>您的信息已从本机清除。</source>
        <translation>Your information has been cleared from this kiosk.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="13"/>
        <source>回到首页</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/GuideScreen.qml" line="6"/>
        <source>智能导办</source>
        <translation>Service finder</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="8"/>
        <source>您好，欢迎使用自助服务。请选择要办理的事项</source>
        <translation>Welcome to self-service. Please choose a service</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="19"/>
        <source>您好，欢迎使用自助服务</source>
        <translation>Welcome to self-service</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="26"/>
        <source>请选择要办理的事项，不知道办什么可以点“智能导办”</source>
        <translation>Choose a service, or tap “Service finder” if you are not sure</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="44"/>
        <source>人</source>
        <translation>P</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="44"/>
        <source>个人服务</source>
        <translation>Personal services</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="44"/>
        <source>证明开具 · 社保</source>
        <translation>Certificates · social insurance</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="50"/>
        <source>企</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="50"/>
        <source>企业服务</source>
        <translation>Business services</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="50"/>
        <source>登记 · 许可</source>
        <translation>Registration · permits</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="56"/>
        <source>一</source>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="56"/>
        <source>一件事</source>
        <translation>All in one</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="56"/>
        <source>多个事项 一次办成</source>
        <translation>Several services in one visit</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="71"/>
        <source>智能导办：回答几个问题，帮您找到要办的事</source>
        <translation>Service finder: answer a few questions to find your service</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="73"/>
        <source>搜索事项</source>
        <translation>Search services</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="74"/>
        <source>预约签到</source>
        <translation>Check in a booking</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="76"/>
        <source>评价服务</source>
        <translation>Rate our service</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="6"/>
        <source>请放置身份证</source>
        <translation>Please place your ID card</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="7"/>
        <source>请将身份证放到读卡区，办理期间请不要拿走</source>
        <translation>Place your ID card on the reader and leave it there until you finish</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="22"/>
        <source>读卡区</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="30"/>
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="42"/>
        <source>⬅ 读卡器在屏幕左侧</source>
        <translation>⬅ The reader is left of the screen</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="42"/>
        <source>⬇ 读卡器在屏幕下方</source>
        <translation>⬇ The reader is below the screen</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="42"/>
        <source>读卡器在屏幕右侧 ➡</source>
        <translation>The reader is right of the screen ➡</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="50"/>
        <source>也可以：</source>
        <translation>Or:</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="51"/>
        <source>将社会保障卡或电子护照放到读卡区</source>
        <translation>Place your social security card or e-passport on the reader</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="52"/>
        <source>打开手机上的电子身份码，对准摄像头</source>
        <translation>Show the e-ID code on your phone to the camera</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="53"/>
        <source>没有证件？请点下方“呼叫工作人员”</source>
        <translation>No document with you? Tap “Call staff” below</translation>
    </message>
</context>
<context>
    <name>IntroScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="8"/>
        <source>准备好后请点“开始办理”</source>
        <translation>When you are ready, tap “Start”</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="20"/>
        <source>一次办成这些事项：</source>
        <translation>Done together in one visit: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="20"/>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="24"/>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="43"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="21"/>
        <source>需要准备</source>
        <translation>What you need</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="22"/>
        <source>证件：</source>
        <translation>Document: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="23"/>
        <source>刷脸核验本人身份（不愿刷脸可请工作人员协助）</source>
        <translation>A face check to confirm it is you (staff can check instead)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="24"/>
        <source>自动调取电子证照，无需提交纸质材料：</source>
        <translation>e-licenses fetched for you, no paper needed: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="25"/>
        <source>缺少的材料可签署告知承诺书代替</source>
        <translation>Missing papers can be replaced by a signed commitment</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="39"/>
        <source>办理结果</source>
        <translation>What you get</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="43"/>
        <source>符合条件当场办结，打印：</source>
        <translation>If you qualify it is decided at once and printed: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="43"/>
        <source>，以及回执</source>
        <translation>, and a receipt</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="44"/>
        <source>提交后由部门审核，约 %1 个工作日内办结，打印受理回执</source>
        <translation>The agency reviews it within about %1 working days; you get a printed receipt</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="46"/>
        <source>大约需要 %1 分钟</source>
        <translation>Takes about %1 minutes</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="53"/>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="64"/>
        <source>暂停办理：暂时无法连接政务服务系统，请稍后再试或到窗口办理</source>
        <translation>Paused: the government service system cannot be reached; please try later or go to a service counter</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="31"/>
        <source>需缴费 %1 元（%2），收款单位：%3</source>
        <translation>A fee of CNY %1 (%2), paid to %3</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="32"/>
        <source>缴费金额按您选择的档次，收款单位：%1</source>
        <translation>You choose the amount from the tiers; paid to %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="33"/>
        <source>缴费金额由系统按参保人员核定，收款单位：%1</source>
        <translation>The amount is set by the registry for each insured person; paid to %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="37"/>
        <source>可用微信、支付宝或云闪付扫码支付，或出示付款码</source>
        <translation>Pay by scanning a QR code with WeChat, Alipay or UnionPay, or show your payment code</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="42"/>
        <source>缴费成功即记入，打印缴费回执（含财政电子票据号码）</source>
        <translation>Recorded as soon as it is paid; a receipt prints with the fiscal e-receipt number</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="13"/>
        <source>易办自助终端</source>
        <translation>Yiban Self-Service Kiosk</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="125"/>
        <source>要结束本次办理吗？</source>
        <translation>End this visit?</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="126"/>
        <source>已填写的信息将被清除。</source>
        <translation>What you have entered will be cleared.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="127"/>
        <source>结束办理</source>
        <translation>End visit</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="128"/>
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="144"/>
        <source>需要工作人员帮助吗？</source>
        <translation>Do you need help from staff?</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="145"/>
        <source>工作人员可以到这台机器旁协助您，也可以和您视频连线或文字交流。视频连线前会再问您是否接听。</source>
        <translation>A member of staff can come to this kiosk, or talk with you by video or in writing. Before a video call you will be asked again whether to answer.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="165"/>
        <source>接听后会使用麦克风，工作人员能看到这台机器的屏幕，您的个人信息和键盘输入会被遮挡。不使用摄像头，不录音，不录像。</source>
        <translation>If you answer, the microphone is used and the staff member sees this kiosk&apos;s screen, with your personal details and what you type covered. No camera, no recording.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="166"/>
        <source>%1 秒后自动拒绝。</source>
        <translation>Declined automatically in %1 seconds.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="167"/>
        <source>接听</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="168"/>
        <source>拒绝</source>
        <translation>Decline</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="215"/>
        <source>工作人员：</source>
        <translation>Staff: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="215"/>
        <source>我：</source>
        <translation>Me: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="228"/>
        <source>听不清</source>
        <translation>I can&apos;t hear you</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="228"/>
        <source>请再说一遍</source>
        <translation>Please say it again</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="228"/>
        <source>好的</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="228"/>
        <source>我不会操作</source>
        <translation>I don&apos;t know what to do</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="238"/>
        <location filename="../qml/Kiosk/Main.qml" line="244"/>
        <source>写给工作人员</source>
        <translation>Write to the staff</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="250"/>
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="258"/>
        <source>让工作人员看到这一页</source>
        <translation>Show this page to the staff</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="146"/>
        <source>工作人员会到这台机器旁协助您。</source>
        <translation>A member of staff will come to this kiosk to help you.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="147"/>
        <source>请工作人员来现场</source>
        <translation>Ask someone to come here</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="148"/>
        <source>视频连线工作人员</source>
        <translation>Video call with staff</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="149"/>
        <source>文字交流</source>
        <translation>Write to the staff</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="150"/>
        <source>不用了</source>
        <translation>No, thanks</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="258"/>
        <source>遮挡我的信息</source>
        <translation>Hide my details</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="264"/>
        <source>挂断</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="264"/>
        <source>结束交流</source>
        <translation>End the conversation</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="298"/>
        <source>您还在吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="299"/>
        <source>%1 秒后将结束本次办理并清除您的信息。</source>
        <translation>In %1 seconds this visit ends and your information is cleared.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="300"/>
        <source>我还在，继续办理</source>
        <translation>I am here, continue</translation>
    </message>
</context>
<context>
    <name>MrzPicture</name>
    <message>
        <location filename="../qml/Kiosk/controls/MrzPicture.qml" line="27"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="17"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="18"/>
        <source>重新开始</source>
        <translation>Start over</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="19"/>
        <source>呼叫工作人员</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="21"/>
        <source>取消求助</source>
        <translation>Withdraw my request</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="46"/>
        <source>剩余 %1 秒</source>
        <translation>%1 seconds left</translation>
    </message>
</context>
<context>
    <name>NumericPad</name>
    <message>
        <location filename="../qml/Kiosk/controls/NumericPad.qml" line="17"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>OffersConsentScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="7"/>
        <source>查询您可享受的政策</source>
        <translation>Policies you may be entitled to</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="8"/>
        <source>要为您查询可以享受的惠民政策吗？查询请点“为我查询”</source>
        <translation>Shall we look up the policies you may be entitled to? Tap “Look them up” to do so</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="12"/>
        <source>政务服务平台可以根据您的年龄、参保、户籍和残疾人登记等信息，查找您可以享受的政策，例如高龄津贴、育儿补贴、居民医保，能在这里直接申请的点一下即可申请（免申即享）。</source>
        <translation>The government service platform can use what it holds on you (age, insurance, household register, disability registration) to find policies you are entitled to, such as the old-age allowance, the childcare subsidy or resident medical insurance. Those that can be applied for here take one tap.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="13"/>
        <source>查询只用于这一次，查到的结果不保存在本机；不查询也不影响您刚才办理的事项。</source>
        <translation>The lookup is for this visit only and nothing found is kept on this kiosk. Saying no does not affect what you have just applied for.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="16"/>
        <source>为我查询</source>
        <translation>Look them up</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="17"/>
        <source>不用了</source>
        <translation>No, thanks</translation>
    </message>
</context>
<context>
    <name>OffersScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="11"/>
        <source>您可以享受的政策</source>
        <translation>Policies for you</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="12"/>
        <source>以下是为您查到的政策，能在这里申请的请点“申请”，看完请点“继续”</source>
        <translation>These are the policies found for you. Tap “Apply” for those you can apply for here, then “Continue”</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="13"/>
        <source>查询结果，请点“继续”</source>
        <translation>The result of the lookup. Tap “Continue”</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="49"/>
        <source>申请需要：%1</source>
        <translation>To apply: %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="53"/>
        <source>已申请，受理编号 %1</source>
        <translation>Applied for, case %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="58"/>
        <source>这项需要到窗口申请：%1</source>
        <translation>Apply for this at a counter: %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="64"/>
        <source>申请（需签署承诺书）</source>
        <translation>Apply (a commitment to sign)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="64"/>
        <source>申请</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="76"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>PassportScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="13"/>
        <source>请填写护照信息</source>
        <translation>Enter your passport details</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="14"/>
        <source>请对照护照最下面一行，填写证件号码、出生日期和有效期，以及它们各自后面的一位校验数字</source>
        <translation>Copy from the bottom line of your passport: the document number, date of birth and expiry date, each with the one check digit that follows it</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="36"/>
        <source>① 证件号码</source>
        <translation>① Document no.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="37"/>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="39"/>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="41"/>
        <source>校验位</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="38"/>
        <source>② 出生日期</source>
        <translation>② Date of birth</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="38"/>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="40"/>
        <source>年年月月日日</source>
        <translation>YYMMDD</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="40"/>
        <source>③ 有效期至</source>
        <translation>③ Expiry date</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="53"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="54"/>
        <source>改用其他证件</source>
        <translation>Use another document</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="57"/>
        <source>①②③都在护照照片页最下面一行；每项后面紧跟的一位数字是它的校验位（粗框）。日期填6位数字：年年月月日日。</source>
        <translation>①②③ are all on the bottom line of the photo page; the one digit right after each is its check digit (bold frame). Dates are 6 digits: YYMMDD.</translation>
    </message>
</context>
<context>
    <name>PayOfferScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="21"/>
        <source>请确认缴费信息</source>
        <translation>Check what you are paying</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="22"/>
        <source>缴费金额 %1 元</source>
        <translation>Amount: CNY %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="37"/>
        <source>缴费项目：</source>
        <translation>Paying for: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="38"/>
        <source>收款单位：</source>
        <translation>Paid to: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="39"/>
        <source>请选择为哪些人缴费：</source>
        <translation>Choose who you are paying for:</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="53"/>
        <source>缴费对象</source>
        <translation>Person paid for</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="89"/>
        <source>%1 元</source>
        <translation>CNY %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="89"/>
        <source>本期已缴</source>
        <translation>Already paid</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="95"/>
        <source>合计：%1 元</source>
        <translation>Total: CNY %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="105"/>
        <source>去支付 %1 元</source>
        <translation>Pay CNY %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="108"/>
        <source>不缴了</source>
        <translation>Don&apos;t pay</translation>
    </message>
</context>
<context>
    <name>PayScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="13"/>
        <source>已支付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="13"/>
        <source>请支付 %1 元</source>
        <translation>Please pay CNY %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="14"/>
        <source>已支付，正在办理，请稍候</source>
        <translation>Paid. Your service is being done, please wait</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="15"/>
        <source>请用微信、支付宝或云闪付扫描屏幕上的二维码</source>
        <translation>Scan the QR code on the screen with WeChat, Alipay or UnionPay</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="61"/>
        <source>已支付 %1 元</source>
        <translation>Paid: CNY %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="61"/>
        <source>应付金额：%1 元</source>
        <translation>To pay: CNY %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="65"/>
        <source>缴费项目：</source>
        <translation>Paying for: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="66"/>
        <source>收款单位：</source>
        <translation>Paid to: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="67"/>
        <source>订单号：</source>
        <translation>Order: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="71"/>
        <source>请打开微信、支付宝或云闪付，扫描左侧二维码付款。</source>
        <translation>Open WeChat, Alipay or UnionPay and scan the QR code on the left to pay.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="72"/>
        <source>也可以打开付款码，对准屏幕上方的摄像头。</source>
        <translation>Or open your payment code and hold it up to the camera above the screen.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="85"/>
        <source>请在 %1 内完成支付，超时订单将自动关闭，不会扣款</source>
        <translation>Please pay within %1. After that the order closes by itself and nothing is charged</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="91"/>
        <source>支付成功，正在为您办理，请稍候。不要离开。</source>
        <translation>Payment received. Your service is being done; please wait and do not leave.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="101"/>
        <source>取消支付</source>
        <translation>Cancel payment</translation>
    </message>
</context>
<context>
    <name>RateScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="7"/>
        <source>请为本次服务评价</source>
        <translation>Please rate this service</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="8"/>
        <source>请取走您的文件，并为本次服务评价</source>
        <translation>Please take your documents and rate this service</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="11"/>
        <source>操作太复杂</source>
        <translation>Too complicated</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="11"/>
        <source>等待时间长</source>
        <translation>Took too long</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="11"/>
        <source>材料要求不清楚</source>
        <translation>Unclear what was needed</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="11"/>
        <source>设备故障</source>
        <translation>A device failed</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="48"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="48"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="48"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="49"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="49"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="25"/>
        <source>哪里让您不满意？（可多选）</source>
        <translation>What went wrong? (choose any)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="61"/>
        <source>提交评价</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="66"/>
        <source>不评价</source>
        <translation>No rating</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="68"/>
        <source>回执上有评价二维码，回家后用手机扫码也可以评价。</source>
        <translation>Your receipt has a rating code: you can also rate later by scanning it with your phone.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="64"/>
        <source>稍后手机扫码评价</source>
        <translation>Rate later on my phone</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="6"/>
        <source>本次没能办成</source>
        <translation>This could not be done here</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="7"/>
        <source>本次没能办成。</source>
        <translation>This could not be done here. </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="19"/>
        <source>请到服务窗口办理，工作人员会帮助您。</source>
        <translation>Please go to a service counter; staff will help you.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="20"/>
        <source>愿意告诉我们没办成的原因吗？（“办不成事”反映，可不填）</source>
        <translation>Would you tell us what could not be done? (optional)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="25"/>
        <source>我不符合条件，但想了解怎么办</source>
        <translation>I do not qualify but want to know what to do</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="25"/>
        <source>系统查不到我的信息</source>
        <translation>The system could not find my information</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="25"/>
        <source>缺少材料</source>
        <translation>Missing documents</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="25"/>
        <source>其他原因</source>
        <translation>Another reason</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="35"/>
        <source>不反映</source>
        <translation>No thanks</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="7"/>
        <source>请到窗口由工作人员办理</source>
        <translation>Please go to a service counter</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="7"/>
        <source>本次未能办理</source>
        <translation>This could not be done</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="14"/>
        <source>您的信息已从本机清除。</source>
        <translation>Your information has been cleared from this kiosk.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="15"/>
        <source>%1 秒后回到首页</source>
        <translation>Back to the start in %1 seconds</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="16"/>
        <source>回到首页</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="7"/>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="17"/>
        <source>搜索事项</source>
        <translation>Search services</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="8"/>
        <source>请输入事项名称、关键词或拼音</source>
        <translation>Type the item&apos;s name, a keyword or its Pinyin</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="24"/>
        <source>例如：无犯罪证明、社保、上户口、wfzjl</source>
        <translation>For example: criminal record, social insurance, passport, wfzjl</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="31"/>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="35"/>
        <source>没有找到相关事项，可以试试“智能导办”，或呼叫工作人员</source>
        <translation>Nothing found. Try the “Service finder”, or call staff</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="39"/>
        <source>当场办结，打印证明</source>
        <translation>Decided at once, certificate printed</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="39"/>
        <source>提交审核，打印回执</source>
        <translation>Sent for review, receipt printed</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="40"/>
        <source>约 %1 分钟</source>
        <translation>About %1 minutes</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="47"/>
        <source>暂停办理：暂时无法连接政务服务系统，请稍后再试或到窗口办理</source>
        <translation>Paused: the government service system cannot be reached; please try later or go to a service counter</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="37"/>
        <source>缴费，打印缴费回执</source>
        <translation>Pay, and get a receipt</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="38"/>
        <source>缴费 %1 元后提交审核</source>
        <translation>Pay CNY %1, then it is reviewed</translation>
    </message>
</context>
<context>
    <name>ServicesScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ServicesScreen.qml" line="6"/>
        <source>个人服务</source>
        <translation>Personal services</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ServicesScreen.qml" line="7"/>
        <source>企业服务</source>
        <translation>Business services</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ServicesScreen.qml" line="7"/>
        <source>一件事</source>
        <translation>All in one</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ServicesScreen.qml" line="8"/>
        <source>请选择要办理的事项</source>
        <translation>Please choose a service</translation>
    </message>
</context>
<context>
    <name>SignScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="8"/>
        <source>告知承诺书</source>
        <translation>Commitment statement</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="9"/>
        <source>请阅读承诺书全文，同意请在下方签名</source>
        <translation>Please read the whole statement and sign below if you agree</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="18"/>
        <source>放大文字</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="19"/>
        <source>缩小文字</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="46"/>
        <source>同意并签名</source>
        <translation>Agree and sign</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="47"/>
        <source>重签</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="48"/>
        <source>不签署，到窗口办理</source>
        <translation>Do not sign, go to a counter</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="53"/>
        <source>再按一次，确认签署</source>
        <translation>Press again to sign</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="53"/>
        <source>用按键签署</source>
        <translation>Sign with the keys</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../qml/Kiosk/controls/SignaturePad.qml" line="19"/>
        <source>请在此处用手指签名</source>
        <translation>Sign here with your finger</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="21"/>
        <source>模拟器面板（培训用）</source>
        <translation>Simulator panel (training)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="24"/>
        <source>放身份证：</source>
        <translation>Place ID card: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="26"/>
        <source>拿走身份证</source>
        <translation>Lift the ID card</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="27"/>
        <source>放社保卡</source>
        <translation>Insert social security card</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="28"/>
        <source>出示电子身份码</source>
        <translation>Show e-ID code</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="29"/>
        <source>本人面向摄像头</source>
        <translation>Card holder at the camera</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="30"/>
        <source>他人冒用</source>
        <translation>Someone else at the camera</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="31"/>
        <source>无人</source>
        <translation>Nobody at the camera</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="32"/>
        <source>回执打印机缺纸</source>
        <translation>Receipt printer out of paper</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="33"/>
        <source>装纸</source>
        <translation>Load paper</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="36"/>
        <source>拔出耳机</source>
        <translation>Pull out headphones</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="36"/>
        <source>插入耳机</source>
        <translation>Plug in headphones</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="41"/>
        <source>拔出按键盘</source>
        <translation>Pull out keypad</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="41"/>
        <source>插上按键盘</source>
        <translation>Plug in keypad</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="12"/>
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="13"/>
        <source>社保卡/护照读卡器</source>
        <translation>Card/passport reader</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="14"/>
        <source>凭条打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="15"/>
        <source>文件打印机</source>
        <translation>Document printer</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="16"/>
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="17"/>
        <source>政务服务系统</source>
        <translation>Government service system</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="18"/>
        <source>按键盘</source>
        <translation>Keypad</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="19"/>
        <source>耳机插孔</source>
        <translation>Headphone jack</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="24"/>
        <source>纸将用完</source>
        <translation>Paper low</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="25"/>
        <source>缺纸</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="26"/>
        <source>舱盖未关</source>
        <translation>Cover open</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="27"/>
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="28"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="29"/>
        <source>需注意</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="30"/>
        <source>故障</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="31"/>
        <source>未连接</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="32"/>
        <source>检测中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="61"/>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="69"/>
        <source>终端 %1</source>
        <translation>Kiosk %1</translation>
    </message>
</context>
<context>
    <name>TakeDocuments</name>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="13"/>
        <source>已提交，将自动上传</source>
        <translation>Submitted — it will be sent automatically</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="15"/>
        <source>已办结（秒批）</source>
        <translation>Approved on the spot</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="15"/>
        <source>已受理，等待部门审核</source>
        <translation>Received, awaiting the agency&apos;s review</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="28"/>
        <source>政务服务系统暂时没有回应。您的申请已安全保存在本机，会自动提交，不必重新办理。</source>
        <translation>The government service system is not answering right now. Your application is saved safely on this kiosk and will be sent automatically; you do not need to apply again.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="32"/>
        <source>办件编号：</source>
        <translation>Case number: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="32"/>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="39"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="32"/>
        <source>本机受理号：</source>
        <translation>Kiosk reference: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="37"/>
        <source>⬅ 请从左侧出纸口取走：</source>
        <translation>⬅ Take from the left slot: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="38"/>
        <source>请从右侧出纸口取走： ➡</source>
        <translation>Take from the right slot ➡: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="38"/>
        <source>⬇ 请从下方出纸口取走：</source>
        <translation>⬇ Take from the slot below: </translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="39"/>
        <source>证明文件</source>
        <translation>certificate</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="39"/>
        <source>回执</source>
        <translation>receipt</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="46"/>
        <source>有文件没有打印出来，已保存，可请工作人员补打，不必重新办理。</source>
        <translation>A document did not print. It is saved: staff can reprint it, no need to apply again.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="46"/>
        <source>您也可以凭办件编号在网上查询进度。</source>
        <translation> You can also follow your case online with its number.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="22"/>
        <source>已支付 %1 元，回执上有订单号和财政电子票据号码。</source>
        <translation>You paid CNY %1. The receipt shows the order number and the fiscal e-receipt number.</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="39"/>
        <source>退款告知单</source>
        <translation>refund slip</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="14"/>
        <source>缴费成功</source>
        <translation>Paid</translation>
    </message>
</context>
<context>
    <name>TicketOffer</name>
    <message>
        <location filename="../qml/Kiosk/controls/TicketOffer.qml" line="16"/>
        <source>取号到窗口办理</source>
        <translation>Take a queue ticket for the counter</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TicketOffer.qml" line="19"/>
        <source>正在取号…</source>
        <translation>Taking a ticket…</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TicketOffer.qml" line="29"/>
        <source>您的号码 %1</source>
        <translation>Your number %1</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="13"/>
        <source>星期五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="13"/>
        <source>星期六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="36"/>
        <source>易办自助终端</source>
        <translation>Yiban Self-Service Kiosk</translation>
    </message>
</context>
<context>
    <name>WorkingScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="8"/>
        <source>正在获取您的电子证照</source>
        <translation>Fetching your e-licenses</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="9"/>
        <source>正在审核</source>
        <translation>Checking eligibility</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="10"/>
        <source>正在提交</source>
        <translation>Submitting</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="11"/>
        <source>正在打印，请稍候</source>
        <translation>Printing, please wait</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="12"/>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="23"/>
        <source>获取电子证照</source>
        <translation>Fetch e-licenses</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="23"/>
        <source>填写表单</source>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="24"/>
        <source>材料与承诺</source>
        <translation>Documents and commitment</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="24"/>
        <source>审核</source>
        <translation>Eligibility check</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="25"/>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="25"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="36"/>
        <source>（完成）</source>
        <translation> (done)</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="36"/>
        <source>（进行中）</source>
        <translation> (in progress)</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_CN">
<context>
    <name>AdminOverlay</name>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="46"/>
        <source>维护菜单</source>
        <translation>維護選單</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="52"/>
        <source>返回菜单</source>
        <translation>返回選單</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="53"/>
        <source>退出维护</source>
        <translation>退出維護</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="53"/>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="395"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="78"/>
        <source>请输入维护PIN</source>
        <translation>請輸入維護PIN</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="93"/>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="394"/>
        <source>确定</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="102"/>
        <source>设备状态与测试</source>
        <translation>裝置狀態與測試</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="103"/>
        <source>待上传</source>
        <translation>待上傳</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="105"/>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="234"/>
        <source>补打</source>
        <translation>補打</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="106"/>
        <source>日志</source>
        <translation>日誌</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="107"/>
        <source>统计</source>
        <translation>統計</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="108"/>
        <source>配置</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="109"/>
        <source>系统</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="110"/>
        <source>服务目录</source>
        <translation>服務目錄</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="129"/>
        <source>纸</source>
        <translation>紙</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="130"/>
        <source>纸充足</source>
        <translation>紙充足</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="130"/>
        <source>纸将用尽</source>
        <translation>紙將用盡</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="130"/>
        <source>缺纸</source>
        <translation>缺紙</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="131"/>
        <source>盖</source>
        <translation>蓋</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="132"/>
        <source>盖板已关</source>
        <translation>蓋板已關</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="132"/>
        <source>盖板打开</source>
        <translation>蓋板打開</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="147"/>
        <source>读卡测试</source>
        <translation>讀卡測試</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="148"/>
        <source>打印测试凭条</source>
        <translation>列印測試憑條</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="149"/>
        <source>打印测试页</source>
        <translation>列印測試頁</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="150"/>
        <source>扫码测试</source>
        <translation>掃碼測試</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="171"/>
        <source>待上传 %1 · 已上传 %2 · 失败 %3</source>
        <translation>待上傳 %1 · 已上傳 %2 · 失敗 %3</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="172"/>
        <source> · 最久 %1 秒</source>
        <translation> · 最久 %1 秒</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="177"/>
        <source>上传程序曾意外停止并已自动重启 %1 次，请查看日志</source>
        <translation>上傳程式曾意外停止並已自動重新啟動 %1 次，請查看日誌</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="192"/>
        <source>立即重试</source>
        <translation>立即重試</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="224"/>
        <source>输入办件编号补打证明和回执（保留24小时）</source>
        <translation>輸入辦件編號補打證明和回執（保留24小時）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="247"/>
        <source>按事件编号过滤，例如 6003</source>
        <translation>按事件編號過濾，例如 6003</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="267"/>
        <source>近14天办理 %1 次</source>
        <translation>近14天辦理 %1 次</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="285"/>
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="290"/>
        <source>评价（5 非常满意 … 1 非常不满意）</source>
        <translation>評價（5 非常滿意 … 1 非常不滿意）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="300"/>
        <source>证件未通过（按原因）</source>
        <translation>證件未通過（按原因）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="305"/>
        <source>中位用时（秒）</source>
        <translation>中位用時（秒）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="349"/>
        <source>检查配置文件</source>
        <translation>檢查配置文件</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="372"/>
        <source>立即检查更新</source>
        <translation>立即檢查更新</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="380"/>
        <source>版本 %1 · 终端 %2 · 机器 %3 · %4</source>
        <translation>版本 %1 · 終端 %2 · 機器 %3 · %4</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="381"/>
        <source>时钟由网络校时（NTP）维护；如偏差过大请检查网络。</source>
        <translation>時鐘由網路校時（NTP）維護；如偏差過大請檢查網路。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="384"/>
        <source>导出日志和就绪报告到U盘</source>
        <translation>匯出日誌和就緒報告到隨身碟</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="385"/>
        <source>打印自检单</source>
        <translation>列印自檢單</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="386"/>
        <source>重启程序</source>
        <translation>重啟程式</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="387"/>
        <source>重启设备</source>
        <translation>重啟裝置</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="388"/>
        <source>进入维护终端</source>
        <translation>進入維護終端</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="393"/>
        <source>确定要执行吗？</source>
        <translation>確定要執行嗎？</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="104"/>
        <source>缴费</source>
        <translation>繳費</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="205"/>
        <source>本次启动时：</source>
        <translation>本次啟動時：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="210"/>
        <source>未完成的订单（将自动处理）：</source>
        <translation>未完成的訂單（將自動處理）：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="217"/>
        <source>昨日对账</source>
        <translation>昨日對賬</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="317"/>
        <source>按时</source>
        <translation>按時</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="317"/>
        <source>早到</source>
        <translation>早到</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="317"/>
        <source>迟到</source>
        <translation>遲到</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="318"/>
        <source>非预约当天</source>
        <translation>非預約當天</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="318"/>
        <source>已取消</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="319"/>
        <source>非本人预约</source>
        <translation>非本人預約</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="319"/>
        <source>未查到预约</source>
        <translation>未查到預約</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="320"/>
        <source>无法连接</source>
        <translation>無法連接</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="320"/>
        <source>未出示证件</source>
        <translation>未出示證件</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="321"/>
        <source>政策找人（免申即享）</source>
        <translation>政策找人（免申即享）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="324"/>
        <source>询问 %1 次 · 同意 %2 次 · 展示 %3 项 · 申请 %4 项</source>
        <translation>詢問 %1 次 · 同意 %2 次 · 展示 %3 項 · 申請 %4 項</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="328"/>
        <source>预约签到</source>
        <translation>預約簽到</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="329"/>
        <source>无</source>
        <translation>無</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="335"/>
        <source>评价（按渠道）</source>
        <translation>評價（按渠道）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="336"/>
        <source>本机评价：%1</source>
        <translation>本機評價：%1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="338"/>
        <source>选择稍后扫码评价：%1（回执带评价码 %2 张）</source>
        <translation>選擇稍後掃碼評價：%1（回執帶評價碼 %2 張）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/admin/AdminOverlay.qml" line="340"/>
        <source>卡片评（不记名）：%1</source>
        <translation>卡片評（不記名）：%1</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/AttractScreen.qml" line="39"/>
        <source>请触摸屏幕开始办事</source>
        <translation>請觸摸螢幕開始辦事</translation>
    </message>
</context>
<context>
    <name>CardRatedScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatedScreen.qml" line="8"/>
        <source>谢谢您的评价</source>
        <translation>謝謝您的評價</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatedScreen.qml" line="8"/>
        <source>未能提交评价</source>
        <translation>未能提交評價</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatedScreen.qml" line="14"/>
        <source>%1 秒后回到首页</source>
        <translation>%1 秒後回到首頁</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatedScreen.qml" line="15"/>
        <source>回到首页</source>
        <translation>回到首頁</translation>
    </message>
</context>
<context>
    <name>CardRatingScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>等待时间长</source>
        <translation>等待時間長</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>办事指引不清楚</source>
        <translation>辦事指引不清楚</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>服务态度不好</source>
        <translation>服務態度不好</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>环境设施不便</source>
        <translation>環境設施不便</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="14"/>
        <source>没有办成</source>
        <translation>沒有辦成</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="19"/>
        <source>评价我们的服务</source>
        <translation>評價我們的服務</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="20"/>
        <source>不记名评价，不需要证件。请选择评价对象和满意程度</source>
        <translation>不記名評價，不需要證件。請選擇評價對象和滿意程度</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="32"/>
        <source>不记名评价，不需要证件，只用于改进服务。您想评价：</source>
        <translation>不記名評價，不需要證件，只用於改進服務。您想評價：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="37"/>
        <source>大厅整体</source>
        <translation>大廳整體</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="37"/>
        <source>某个窗口</source>
        <translation>某個窗口</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="37"/>
        <source>某个事项</source>
        <translation>某個事項</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="74"/>
        <source>您满意吗？</source>
        <translation>您滿意嗎？</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="80"/>
        <source>非常满意</source>
        <translation>非常滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="80"/>
        <source>满意</source>
        <translation>滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="80"/>
        <source>基本满意</source>
        <translation>基本滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="81"/>
        <source>不满意</source>
        <translation>不滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="81"/>
        <source>非常不满意</source>
        <translation>非常不滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="90"/>
        <source>哪里让您不满意？（至少选一项）</source>
        <translation>哪裡讓您不滿意？（至少選一項）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="118"/>
        <source>正在提交…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="118"/>
        <source>提交评价</source>
        <translation>提交評價</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CardRatingScreen.qml" line="123"/>
        <source>不评了</source>
        <translation>不評了</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="11"/>
        <source>预约签到</source>
        <translation>預約簽到</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="12"/>
        <source>请预约人本人放置身份证件，或出示电子身份码</source>
        <translation>請預約人本人放置身份證件，或出示電子身份碼</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="19"/>
        <source>请预约人本人把身份证、社会保障卡或电子护照放到读卡区，或在摄像头前出示手机上的电子身份码。</source>
        <translation>請預約人本人把身份證、社會保障卡或電子護照放到讀卡區，或在攝影機前出示手機上的電子身份碼。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="20"/>
        <source>按时到达的优先叫号；早到或迟到的按现场取号排队。</source>
        <translation>按時到達的優先叫號；早到或遲到的按現場取號排隊。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="24"/>
        <source>正在向大厅确认您的预约…</source>
        <translation>正在向大廳確認您的預約…</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="36"/>
        <source>有多个预约，或预约不是用本人手机办的？可以先输入8位预约码，再放置证件：</source>
        <translation>有多個預約，或預約不是用本人手機辦的？可以先輸入8位預約碼，再放置證件：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckInScreen.qml" line="46"/>
        <source>预约码（选填）</source>
        <translation>預約碼（選填）</translation>
    </message>
</context>
<context>
    <name>CheckedInScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="8"/>
        <source>签到成功</source>
        <translation>簽到成功</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="8"/>
        <source>未能签到</source>
        <translation>未能簽到</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="27"/>
        <source>预约优先叫号</source>
        <translation>預約優先叫號</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="28"/>
        <source>预约时间：%1</source>
        <translation>預約時間：%1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="34"/>
        <source>请取走号码条，留意叫号。</source>
        <translation>請取走號碼條，留意叫號。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="35"/>
        <source>%1 秒后回到首页</source>
        <translation>%1 秒後回到首頁</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/CheckedInScreen.qml" line="36"/>
        <source>回到首页</source>
        <translation>回到首頁</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="6"/>
        <source>请核对信息</source>
        <translation>請核對資訊</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="7"/>
        <source>请核对以下信息，无误请点“确认无误”</source>
        <translation>請核對以下資訊，無誤請點「確認無誤」</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="66"/>
        <source>隐藏</source>
        <translation>隱藏</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="66"/>
        <source>显示</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="79"/>
        <source>来自：身份证件</source>
        <translation>來自：身份證件</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="80"/>
        <source>来自：电子证照</source>
        <translation>來自：電子證照</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="81"/>
        <source>来自：部门数据</source>
        <translation>來自：部門資料</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="82"/>
        <source>您填写</source>
        <translation>您填寫</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="82"/>
        <source>来自：本次一并申请</source>
        <translation>來自：本次一併申請</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="92"/>
        <source>确认无误</source>
        <translation>確認無誤</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ConfirmScreen.qml" line="93"/>
        <source>信息有误，不办了</source>
        <translation>資訊有誤，不辦了</translation>
    </message>
</context>
<context>
    <name>DisplayBar</name>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="19"/>
        <source>模拟设备运行中 · 仅供演示与培训，不办理真实业务</source>
        <translation>模擬裝置執行中 · 僅供演示與培訓，不辦理真實業務</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="33"/>
        <source>标准字体</source>
        <translation>標準字型</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="33"/>
        <source>长辈模式</source>
        <translation>長輩模式</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="38"/>
        <source>标准颜色</source>
        <translation>標準顏色</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="38"/>
        <source>高对比度</source>
        <translation>高對比度</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="43"/>
        <source>关闭语音</source>
        <translation>關閉語音</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/DisplayBar.qml" line="43"/>
        <source>开启语音</source>
        <translation>開啟語音</translation>
    </message>
</context>
<context>
    <name>EndedScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="7"/>
        <source>身份证已取走，本次办理已结束</source>
        <translation>身份證已取走，本次辦理已結束</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="8"/>
        <source>长时间没有操作，本次办理已结束</source>
        <translation>長時間沒有操作，本次辦理已結束</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="9"/>
        <source>本次办理已结束</source>
        <translation>本次辦理已結束</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="14"/>
        <source>为保护您的隐私，您的信息已从本机清除。需要办理请重新开始。</source>
        <translation>為保護您的隱私，您的資訊已從本機清除。需要辦理請重新開始。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="16"/>
        <source>%1 秒后回到首页</source>
        <translation>%1 秒後回到首頁</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/EndedScreen.qml" line="17"/>
        <source>重新开始</source>
        <translation>重新開始</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ErrorScreen.qml" line="6"/>
        <source>抱歉，出了点问题</source>
        <translation>抱歉，出了點問題</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ErrorScreen.qml" line="10"/>
        <source>本次办理没能完成，您的信息已从本机清除。请重新开始，或呼叫工作人员。</source>
        <translation>本次辦理沒能完成，您的資訊已從本機清除。請重新開始，或呼叫工作人員。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ErrorScreen.qml" line="11"/>
        <source>%1 秒后回到首页</source>
        <translation>%1 秒後回到首頁</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ErrorScreen.qml" line="12"/>
        <source>重新开始</source>
        <translation>重新開始</translation>
    </message>
</context>
<context>
    <name>FaceConsentScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="6"/>
        <source>刷脸核验本人身份</source>
        <translation>刷臉核驗本人身份</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="7"/>
        <source>需要拍摄您的面部，与证件照片比对。同意请点“同意并开始”</source>
        <translation>需要拍攝您的面部，與證件照片比對。同意請點「同意並開始」</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="11"/>
        <source>为确认是您本人办理，需要用摄像头拍摄您的面部，与证件照片比对。</source>
        <translation>為確認是您本人辦理，需要用攝影機拍攝您的面部，與證件照片比對。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="12"/>
        <source>人脸信息只在本机内存中比对，比对后立即清除，不保存、不上传图像。</source>
        <translation>人臉資訊只在本機內比對，比對後立即清除，不儲存、不上傳影像。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="13"/>
        <source>如不同意，可以请工作人员人工核验。</source>
        <translation>如不同意，可以請工作人員人工核驗。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="16"/>
        <source>同意并开始</source>
        <translation>同意並開始</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceConsentScreen.qml" line="17"/>
        <source>不同意，找工作人员</source>
        <translation>不同意，找工作人員</translation>
    </message>
</context>
<context>
    <name>FaceScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="9"/>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="50"/>
        <source>请正对摄像头</source>
        <translation>請正對攝影機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="10"/>
        <source>请正对摄像头，按提示转头</source>
        <translation>請正對攝影機，按提示轉頭</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="43"/>
        <source>请慢慢向左转头</source>
        <translation>請慢慢向左轉頭</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="44"/>
        <source>请慢慢向右转头</source>
        <translation>請慢慢向右轉頭</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="45"/>
        <source>请面向摄像头</source>
        <translation>請面向攝影機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="46"/>
        <source>请一个人办理</source>
        <translation>請一個人辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="47"/>
        <source>请靠近一点</source>
        <translation>請靠近一點</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="48"/>
        <source>光线太暗，请站到亮处</source>
        <translation>光線太暗，請站到亮處</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="49"/>
        <source>请站到画面中间</source>
        <translation>請站到畫面中間</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="50"/>
        <source>请保持不动</source>
        <translation>請保持不動</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FaceScreen.qml" line="52"/>
        <source>人脸信息只在本机比对，不保存图像</source>
        <translation>人臉資訊只在本機比對，不儲存影像</translation>
    </message>
</context>
<context>
    <name>FieldScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="10"/>
        <source>请填写：</source>
        <translation>請填寫：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="75"/>
        <source>11位手机号码</source>
        <translation>11位手機號碼</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="75"/>
        <source>例如 2024-05-01</source>
        <translation>例如 2024-05-01</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="85"/>
        <source>隐藏</source>
        <translation>隱藏</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="85"/>
        <source>显示</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FieldScreen.qml" line="88"/>
        <source>下一步</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>FinishedScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/FinishedScreen.qml" line="6"/>
        <source>办理完成</source>
        <translation>辦理完成</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/FinishedScreen.qml" line="7"/>
        <source>办理完成，请取走您的证明和回执</source>
        <translation>辦理完成，請取走您的證明和回執</translation>
    </message>
</context>
<context>
    <name>GoodbyeScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="6"/>
        <source>感谢您的使用，再见</source>
        <translation>感謝您的使用，再見</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="7"/>
        <source>感谢您的使用。请带好您的证件和文件</source>
        <translation>感謝您的使用。請帶好您的證件和文件</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="11"/>
        <source>请带好您的身份证和打印的文件</source>
        <translation>請帶好您的身份證和列印的文件</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="12"/>
        <source>您的信息已从本机清除。</source>
        <translation>您的資訊已從本機清除。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/GoodbyeScreen.qml" line="13"/>
        <source>回到首页</source>
        <translation>回到首頁</translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/GuideScreen.qml" line="6"/>
        <source>智能导办</source>
        <translation>智慧導辦</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="8"/>
        <source>您好，欢迎使用自助服务。请选择要办理的事项</source>
        <translation>您好，歡迎使用自助服務。請選擇要辦理的事項</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="19"/>
        <source>您好，欢迎使用自助服务</source>
        <translation>您好，歡迎使用自助服務</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="26"/>
        <source>请选择要办理的事项，不知道办什么可以点“智能导办”</source>
        <translation>請選擇要辦理的事項，不知道辦什麼可以點「智慧導辦」</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="44"/>
        <source>人</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="44"/>
        <source>个人服务</source>
        <translation>個人服務</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="44"/>
        <source>证明开具 · 社保</source>
        <translation>證明開具 · 社保</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="50"/>
        <source>企</source>
        <translation>企</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="50"/>
        <source>企业服务</source>
        <translation>企業服務</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="50"/>
        <source>登记 · 许可</source>
        <translation>登記 · 許可</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="56"/>
        <source>一</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="56"/>
        <source>一件事</source>
        <translation>一件事</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="56"/>
        <source>多个事项 一次办成</source>
        <translation>多個事項 一次辦成</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="71"/>
        <source>智能导办：回答几个问题，帮您找到要办的事</source>
        <translation>智慧導辦：回答幾個問題，幫您找到要辦的事</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="73"/>
        <source>搜索事项</source>
        <translation>搜尋事項</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="74"/>
        <source>预约签到</source>
        <translation>預約簽到</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="76"/>
        <source>评价服务</source>
        <translation>評價服務</translation>
    </message>
</context>
<context>
    <name>IdentifyScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="6"/>
        <source>请放置身份证</source>
        <translation>請放置身份證</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="7"/>
        <source>请将身份证放到读卡区，办理期间请不要拿走</source>
        <translation>請將身份證放到讀卡區，辦理期間請不要拿走</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="22"/>
        <source>读卡区</source>
        <translation>讀卡區</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="30"/>
        <source>身份证</source>
        <translation>身份證</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="42"/>
        <source>⬅ 读卡器在屏幕左侧</source>
        <translation>⬅ 讀卡器在螢幕左側</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="42"/>
        <source>⬇ 读卡器在屏幕下方</source>
        <translation>⬇ 讀卡器在螢幕下方</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="42"/>
        <source>读卡器在屏幕右侧 ➡</source>
        <translation>讀卡器在螢幕右側 ➡</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="50"/>
        <source>也可以：</source>
        <translation>也可以：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="51"/>
        <source>将社会保障卡或电子护照放到读卡区</source>
        <translation>將社會保障卡或電子護照放到讀卡區</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="52"/>
        <source>打开手机上的电子身份码，对准摄像头</source>
        <translation>開啟手機上的電子身份碼，對準攝影機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IdentifyScreen.qml" line="53"/>
        <source>没有证件？请点下方“呼叫工作人员”</source>
        <translation>沒有證件？請點下方「呼叫工作人員」</translation>
    </message>
</context>
<context>
    <name>IntroScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="8"/>
        <source>准备好后请点“开始办理”</source>
        <translation>準備好後請點「開始辦理」</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="20"/>
        <source>一次办成这些事项：</source>
        <translation>一次辦成這些事項：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="20"/>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="24"/>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="43"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="21"/>
        <source>需要准备</source>
        <translation>需要準備</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="22"/>
        <source>证件：</source>
        <translation>證件：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="23"/>
        <source>刷脸核验本人身份（不愿刷脸可请工作人员协助）</source>
        <translation>刷臉核驗本人身份（不願刷臉可請工作人員協助）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="24"/>
        <source>自动调取电子证照，无需提交纸质材料：</source>
        <translation>自動調取電子證照，無需提交紙質材料：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="25"/>
        <source>缺少的材料可签署告知承诺书代替</source>
        <translation>缺少的材料可簽署告知承諾書代替</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="39"/>
        <source>办理结果</source>
        <translation>辦理結果</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="43"/>
        <source>符合条件当场办结，打印：</source>
        <translation>符合條件當場辦結，列印：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="43"/>
        <source>，以及回执</source>
        <translation>，以及回執</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="44"/>
        <source>提交后由部门审核，约 %1 个工作日内办结，打印受理回执</source>
        <translation>提交後由部門審核，約 %1 個工作日內辦結，列印受理回執</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="46"/>
        <source>大约需要 %1 分钟</source>
        <translation>大約需要 %1 分鐘</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="53"/>
        <source>开始办理</source>
        <translation>開始辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="64"/>
        <source>暂停办理：暂时无法连接政务服务系统，请稍后再试或到窗口办理</source>
        <translation>暫停辦理：暫時無法連接政務服務系統，請稍後再試或到窗口辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="31"/>
        <source>需缴费 %1 元（%2），收款单位：%3</source>
        <translation>需繳費 %1 元（%2），收款單位：%3</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="32"/>
        <source>缴费金额按您选择的档次，收款单位：%1</source>
        <translation>繳費金額按您選擇的檔次，收款單位：%1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="33"/>
        <source>缴费金额由系统按参保人员核定，收款单位：%1</source>
        <translation>繳費金額由系統按參保人員核定，收款單位：%1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="37"/>
        <source>可用微信、支付宝或云闪付扫码支付，或出示付款码</source>
        <translation>可用微信、支付寶或雲閃付掃碼支付，或出示付款碼</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/IntroScreen.qml" line="42"/>
        <source>缴费成功即记入，打印缴费回执（含财政电子票据号码）</source>
        <translation>繳費成功即記入，列印繳費回執（含財政電子票據號碼）</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="13"/>
        <source>易办自助终端</source>
        <translation>易辦自助終端</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="125"/>
        <source>要结束本次办理吗？</source>
        <translation>要結束本次辦理嗎？</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="126"/>
        <source>已填写的信息将被清除。</source>
        <translation>已填寫的資訊將被清除。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="127"/>
        <source>结束办理</source>
        <translation>結束辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="128"/>
        <source>继续办理</source>
        <translation>繼續辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="144"/>
        <source>需要工作人员帮助吗？</source>
        <translation>需要工作人員幫助嗎？</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="145"/>
        <source>工作人员可以到这台机器旁协助您，也可以和您视频连线或文字交流。视频连线前会再问您是否接听。</source>
        <translation>工作人員可以到這台機器旁協助您，也可以和您視訊連線或文字交流。視訊連線前會再問您是否接聽。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="165"/>
        <source>接听后会使用麦克风，工作人员能看到这台机器的屏幕，您的个人信息和键盘输入会被遮挡。不使用摄像头，不录音，不录像。</source>
        <translation>接聽後會使用麥克風，工作人員能看到這台機器的螢幕，您的個人資料和鍵盤輸入會被遮擋。不使用攝影機，不錄音，不錄影。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="166"/>
        <source>%1 秒后自动拒绝。</source>
        <translation>%1 秒後自動拒絕。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="167"/>
        <source>接听</source>
        <translation>接聽</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="168"/>
        <source>拒绝</source>
        <translation>拒絕</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="215"/>
        <source>工作人员：</source>
        <translation>工作人員：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="215"/>
        <source>我：</source>
        <translation>我：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="228"/>
        <source>听不清</source>
        <translation>聽不清</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="228"/>
        <source>请再说一遍</source>
        <translation>請再說一遍</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="228"/>
        <source>好的</source>
        <translation>好的</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="228"/>
        <source>我不会操作</source>
        <translation>我不會操作</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="238"/>
        <location filename="../qml/Kiosk/Main.qml" line="244"/>
        <source>写给工作人员</source>
        <translation>寫給工作人員</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="250"/>
        <source>发送</source>
        <translation>傳送</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="258"/>
        <source>让工作人员看到这一页</source>
        <translation>讓工作人員看到這一頁</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="146"/>
        <source>工作人员会到这台机器旁协助您。</source>
        <translation>工作人員會到這台機器旁協助您。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="147"/>
        <source>请工作人员来现场</source>
        <translation>請工作人員來現場</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="148"/>
        <source>视频连线工作人员</source>
        <translation>視訊連線工作人員</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="149"/>
        <source>文字交流</source>
        <translation>文字交流</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="150"/>
        <source>不用了</source>
        <translation>不用了</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="258"/>
        <source>遮挡我的信息</source>
        <translation>遮擋我的資料</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="264"/>
        <source>挂断</source>
        <translation>掛斷</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="264"/>
        <source>结束交流</source>
        <translation>結束交流</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="298"/>
        <source>您还在吗？</source>
        <translation>您還在嗎？</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="299"/>
        <source>%1 秒后将结束本次办理并清除您的信息。</source>
        <translation>%1 秒後將結束本次辦理並清除您的資訊。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="300"/>
        <source>我还在，继续办理</source>
        <translation>我還在，繼續辦理</translation>
    </message>
</context>
<context>
    <name>MrzPicture</name>
    <message>
        <location filename="../qml/Kiosk/controls/MrzPicture.qml" line="27"/>
        <source>照片</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="17"/>
        <source>返回</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="18"/>
        <source>重新开始</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="19"/>
        <source>呼叫工作人员</source>
        <translation>呼叫工作人員</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="21"/>
        <source>取消求助</source>
        <translation>取消求助</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/NavBar.qml" line="46"/>
        <source>剩余 %1 秒</source>
        <translation>剩餘 %1 秒</translation>
    </message>
</context>
<context>
    <name>NumericPad</name>
    <message>
        <location filename="../qml/Kiosk/controls/NumericPad.qml" line="17"/>
        <source>删除</source>
        <translation>刪除</translation>
    </message>
</context>
<context>
    <name>OffersConsentScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="7"/>
        <source>查询您可享受的政策</source>
        <translation>查詢您可享受的政策</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="8"/>
        <source>要为您查询可以享受的惠民政策吗？查询请点“为我查询”</source>
        <translation>要為您查詢可以享受的惠民政策嗎？查詢請點「為我查詢」</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="12"/>
        <source>政务服务平台可以根据您的年龄、参保、户籍和残疾人登记等信息，查找您可以享受的政策，例如高龄津贴、育儿补贴、居民医保，能在这里直接申请的点一下即可申请（免申即享）。</source>
        <translation>政務服務平台可以根據您的年齡、參保、戶籍和殘疾人登記等資訊，查找您可以享受的政策，例如高齡津貼、育兒補貼、居民醫保，能在這裡直接申請的點一下即可申請（免申即享）。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="13"/>
        <source>查询只用于这一次，查到的结果不保存在本机；不查询也不影响您刚才办理的事项。</source>
        <translation>查詢只用於這一次，查到的結果不保存在本機；不查詢也不影響您剛才辦理的事項。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="16"/>
        <source>为我查询</source>
        <translation>為我查詢</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersConsentScreen.qml" line="17"/>
        <source>不用了</source>
        <translation>不用了</translation>
    </message>
</context>
<context>
    <name>OffersScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="11"/>
        <source>您可以享受的政策</source>
        <translation>您可以享受的政策</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="12"/>
        <source>以下是为您查到的政策，能在这里申请的请点“申请”，看完请点“继续”</source>
        <translation>以下是為您查到的政策，能在這裡申請的請點「申請」，看完請點「繼續」</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="13"/>
        <source>查询结果，请点“继续”</source>
        <translation>查詢結果，請點「繼續」</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="49"/>
        <source>申请需要：%1</source>
        <translation>申請需要：%1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="53"/>
        <source>已申请，受理编号 %1</source>
        <translation>已申請，受理編號 %1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="58"/>
        <source>这项需要到窗口申请：%1</source>
        <translation>這項需要到窗口申請：%1</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="64"/>
        <source>申请（需签署承诺书）</source>
        <translation>申請（需簽署承諾書）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="64"/>
        <source>申请</source>
        <translation>申請</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/OffersScreen.qml" line="76"/>
        <source>继续</source>
        <translation>繼續</translation>
    </message>
</context>
<context>
    <name>PassportScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="13"/>
        <source>请填写护照信息</source>
        <translation>請填寫護照資訊</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="14"/>
        <source>请对照护照最下面一行，填写证件号码、出生日期和有效期，以及它们各自后面的一位校验数字</source>
        <translation>請對照護照最下面一行，填寫證件號碼、出生日期和有效期，以及它們各自後面的一位校驗數字</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="36"/>
        <source>① 证件号码</source>
        <translation>① 證件號碼</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="37"/>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="39"/>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="41"/>
        <source>校验位</source>
        <translation>校驗位</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="38"/>
        <source>② 出生日期</source>
        <translation>② 出生日期</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="38"/>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="40"/>
        <source>年年月月日日</source>
        <translation>年年月月日日</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="40"/>
        <source>③ 有效期至</source>
        <translation>③ 有效期至</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="53"/>
        <source>确定</source>
        <translation>確定</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="54"/>
        <source>改用其他证件</source>
        <translation>改用其他證件</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PassportScreen.qml" line="57"/>
        <source>①②③都在护照照片页最下面一行；每项后面紧跟的一位数字是它的校验位（粗框）。日期填6位数字：年年月月日日。</source>
        <translation>①②③都在護照照片頁最下面一行；每項後面緊跟的一位數字是它的校驗位（粗框）。日期填6位數字：年年月月日日。</translation>
    </message>
</context>
<context>
    <name>PayOfferScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="21"/>
        <source>请确认缴费信息</source>
        <translation>請確認繳費資訊</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="22"/>
        <source>缴费金额 %1 元</source>
        <translation>繳費金額 %1 元</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="37"/>
        <source>缴费项目：</source>
        <translation>繳費項目：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="38"/>
        <source>收款单位：</source>
        <translation>收款單位：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="39"/>
        <source>请选择为哪些人缴费：</source>
        <translation>請選擇為哪些人繳費：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="53"/>
        <source>缴费对象</source>
        <translation>繳費對象</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="89"/>
        <source>%1 元</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="89"/>
        <source>本期已缴</source>
        <translation>本期已繳</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="95"/>
        <source>合计：%1 元</source>
        <translation>合計：%1 元</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="105"/>
        <source>去支付 %1 元</source>
        <translation>去支付 %1 元</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayOfferScreen.qml" line="108"/>
        <source>不缴了</source>
        <translation>不繳了</translation>
    </message>
</context>
<context>
    <name>PayScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="13"/>
        <source>已支付</source>
        <translation>已支付</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="13"/>
        <source>请支付 %1 元</source>
        <translation>請支付 %1 元</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="14"/>
        <source>已支付，正在办理，请稍候</source>
        <translation>已支付，正在辦理，請稍候</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="15"/>
        <source>请用微信、支付宝或云闪付扫描屏幕上的二维码</source>
        <translation>請用微信、支付寶或雲閃付掃描螢幕上的二維碼</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="61"/>
        <source>已支付 %1 元</source>
        <translation>已支付 %1 元</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="61"/>
        <source>应付金额：%1 元</source>
        <translation>應付金額：%1 元</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="65"/>
        <source>缴费项目：</source>
        <translation>繳費項目：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="66"/>
        <source>收款单位：</source>
        <translation>收款單位：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="67"/>
        <source>订单号：</source>
        <translation>訂單號：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="71"/>
        <source>请打开微信、支付宝或云闪付，扫描左侧二维码付款。</source>
        <translation>請打開微信、支付寶或雲閃付，掃描左側二維碼付款。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="72"/>
        <source>也可以打开付款码，对准屏幕上方的摄像头。</source>
        <translation>也可以打開付款碼，對準螢幕上方的攝像頭。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="85"/>
        <source>请在 %1 内完成支付，超时订单将自动关闭，不会扣款</source>
        <translation>請在 %1 內完成支付，逾時訂單將自動關閉，不會扣款</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="91"/>
        <source>支付成功，正在为您办理，请稍候。不要离开。</source>
        <translation>支付成功，正在為您辦理，請稍候。不要離開。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/PayScreen.qml" line="101"/>
        <source>取消支付</source>
        <translation>取消支付</translation>
    </message>
</context>
<context>
    <name>RateScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="7"/>
        <source>请为本次服务评价</source>
        <translation>請為本次服務評價</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="8"/>
        <source>请取走您的文件，并为本次服务评价</source>
        <translation>請取走您的文件，併為本次服務評價</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="11"/>
        <source>操作太复杂</source>
        <translation>操作太複雜</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="11"/>
        <source>等待时间长</source>
        <translation>等待時間長</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="11"/>
        <source>材料要求不清楚</source>
        <translation>材料要求不清楚</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="11"/>
        <source>设备故障</source>
        <translation>裝置故障</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="48"/>
        <source>非常满意</source>
        <translation>非常滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="48"/>
        <source>满意</source>
        <translation>滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="48"/>
        <source>基本满意</source>
        <translation>基本滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="49"/>
        <source>不满意</source>
        <translation>不滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="49"/>
        <source>非常不满意</source>
        <translation>非常不滿意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="25"/>
        <source>哪里让您不满意？（可多选）</source>
        <translation>哪裡讓您不滿意？（可多選）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="61"/>
        <source>提交评价</source>
        <translation>提交評價</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="66"/>
        <source>不评价</source>
        <translation>不評價</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="68"/>
        <source>回执上有评价二维码，回家后用手机扫码也可以评价。</source>
        <translation>回執上有評價二維碼，回家後用手機掃碼也可以評價。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/RateScreen.qml" line="64"/>
        <source>稍后手机扫码评价</source>
        <translation>稍後手機掃碼評價</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="6"/>
        <source>本次没能办成</source>
        <translation>本次沒能辦成</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="7"/>
        <source>本次没能办成。</source>
        <translation>本次沒能辦成。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="19"/>
        <source>请到服务窗口办理，工作人员会帮助您。</source>
        <translation>請到服務櫃檯辦理，工作人員會幫助您。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="20"/>
        <source>愿意告诉我们没办成的原因吗？（“办不成事”反映，可不填）</source>
        <translation>願意告訴我們沒辦成的原因嗎？（「辦不成事」反映，可不填）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="25"/>
        <source>我不符合条件，但想了解怎么办</source>
        <translation>我不符合條件，但想了解怎麼辦</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="25"/>
        <source>系统查不到我的信息</source>
        <translation>系統查不到我的資訊</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="25"/>
        <source>缺少材料</source>
        <translation>缺少材料</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="25"/>
        <source>其他原因</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ReportScreen.qml" line="35"/>
        <source>不反映</source>
        <translation>不反映</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="7"/>
        <source>请到窗口由工作人员办理</source>
        <translation>請到櫃檯由工作人員辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="7"/>
        <source>本次未能办理</source>
        <translation>本次未能辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="14"/>
        <source>您的信息已从本机清除。</source>
        <translation>您的資訊已從本機清除。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="15"/>
        <source>%1 秒后回到首页</source>
        <translation>%1 秒後回到首頁</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ResultScreen.qml" line="16"/>
        <source>回到首页</source>
        <translation>回到首頁</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="7"/>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="17"/>
        <source>搜索事项</source>
        <translation>搜尋事項</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="8"/>
        <source>请输入事项名称、关键词或拼音</source>
        <translation>請輸入事項名稱、關鍵詞或拼音</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="24"/>
        <source>例如：无犯罪证明、社保、上户口、wfzjl</source>
        <translation>例如：無犯罪證明、社保、上戶口、wfzjl</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="31"/>
        <source>搜索</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="35"/>
        <source>没有找到相关事项，可以试试“智能导办”，或呼叫工作人员</source>
        <translation>沒有找到相關事項，可以試試「智慧導辦」，或呼叫工作人員</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="39"/>
        <source>当场办结，打印证明</source>
        <translation>當場辦結，列印證明</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="39"/>
        <source>提交审核，打印回执</source>
        <translation>提交審核，列印回執</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="40"/>
        <source>约 %1 分钟</source>
        <translation>約 %1 分鐘</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="47"/>
        <source>暂停办理：暂时无法连接政务服务系统，请稍后再试或到窗口办理</source>
        <translation>暫停辦理：暫時無法連接政務服務系統，請稍後再試或到窗口辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="37"/>
        <source>缴费，打印缴费回执</source>
        <translation>繳費，列印繳費回執</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/ServiceList.qml" line="38"/>
        <source>缴费 %1 元后提交审核</source>
        <translation>繳費 %1 元後提交審核</translation>
    </message>
</context>
<context>
    <name>ServicesScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ServicesScreen.qml" line="6"/>
        <source>个人服务</source>
        <translation>個人服務</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ServicesScreen.qml" line="7"/>
        <source>企业服务</source>
        <translation>企業服務</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ServicesScreen.qml" line="7"/>
        <source>一件事</source>
        <translation>一件事</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/ServicesScreen.qml" line="8"/>
        <source>请选择要办理的事项</source>
        <translation>請選擇要辦理的事項</translation>
    </message>
</context>
<context>
    <name>SignScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="8"/>
        <source>告知承诺书</source>
        <translation>告知承諾書</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="9"/>
        <source>请阅读承诺书全文，同意请在下方签名</source>
        <translation>請閱讀承諾書全文，同意請在下方簽名</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="18"/>
        <source>放大文字</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="19"/>
        <source>缩小文字</source>
        <translation>縮小文字</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="46"/>
        <source>同意并签名</source>
        <translation>同意並簽名</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="47"/>
        <source>重签</source>
        <translation>重簽</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="48"/>
        <source>不签署，到窗口办理</source>
        <translation>不簽署，到櫃檯辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="53"/>
        <source>再按一次，确认签署</source>
        <translation>再按一次，確認簽署</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/SignScreen.qml" line="53"/>
        <source>用按键签署</source>
        <translation>用按鍵簽署</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../qml/Kiosk/controls/SignaturePad.qml" line="19"/>
        <source>请在此处用手指签名</source>
        <translation>請在此處用手指簽名</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="21"/>
        <source>模拟器面板（培训用）</source>
        <translation>模擬器面板（培訓用）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="24"/>
        <source>放身份证：</source>
        <translation>放身份證：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="26"/>
        <source>拿走身份证</source>
        <translation>拿走身份證</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="27"/>
        <source>放社保卡</source>
        <translation>放社保卡</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="28"/>
        <source>出示电子身份码</source>
        <translation>出示電子身份碼</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="29"/>
        <source>本人面向摄像头</source>
        <translation>本人面向攝影機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="30"/>
        <source>他人冒用</source>
        <translation>他人冒用</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="31"/>
        <source>无人</source>
        <translation>無人</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="32"/>
        <source>回执打印机缺纸</source>
        <translation>回執印表機缺紙</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="33"/>
        <source>装纸</source>
        <translation>裝紙</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="36"/>
        <source>拔出耳机</source>
        <translation>拔出耳機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="36"/>
        <source>插入耳机</source>
        <translation>插入耳機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="41"/>
        <source>拔出按键盘</source>
        <translation>拔出按鍵盤</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/simulator/SimulatorPanel.qml" line="41"/>
        <source>插上按键盘</source>
        <translation>插上按鍵盤</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="12"/>
        <source>身份证阅读器</source>
        <translation>身份證閱讀器</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="13"/>
        <source>社保卡/护照读卡器</source>
        <translation>社保卡/護照讀卡器</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="14"/>
        <source>凭条打印机</source>
        <translation>憑條印表機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="15"/>
        <source>文件打印机</source>
        <translation>文件印表機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="16"/>
        <source>摄像头</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="17"/>
        <source>政务服务系统</source>
        <translation>政務服務系統</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="18"/>
        <source>按键盘</source>
        <translation>按鍵盤</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="19"/>
        <source>耳机插孔</source>
        <translation>耳機插孔</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="24"/>
        <source>纸将用完</source>
        <translation>紙將用完</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="25"/>
        <source>缺纸</source>
        <translation>缺紙</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="26"/>
        <source>舱盖未关</source>
        <translation>艙蓋未關</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="27"/>
        <source>已暂停</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="28"/>
        <source>正常</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="29"/>
        <source>需注意</source>
        <translation>需注意</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="30"/>
        <source>故障</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="31"/>
        <source>未连接</source>
        <translation>未連線</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="32"/>
        <source>检测中</source>
        <translation>檢測中</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="61"/>
        <source>：</source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/StatusStrip.qml" line="69"/>
        <source>终端 %1</source>
        <translation>終端 %1</translation>
    </message>
</context>
<context>
    <name>TakeDocuments</name>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="13"/>
        <source>已提交，将自动上传</source>
        <translation>已提交，將自動上傳</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="15"/>
        <source>已办结（秒批）</source>
        <translation>已辦結（秒批）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="15"/>
        <source>已受理，等待部门审核</source>
        <translation>已受理，等待部門審核</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="28"/>
        <source>政务服务系统暂时没有回应。您的申请已安全保存在本机，会自动提交，不必重新办理。</source>
        <translation>政務服務系統暫時沒有回應。您的申請已安全保存在本機，會自動提交，不必重新辦理。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="32"/>
        <source>办件编号：</source>
        <translation>辦件編號：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="32"/>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="39"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="32"/>
        <source>本机受理号：</source>
        <translation>本機受理號：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="37"/>
        <source>⬅ 请从左侧出纸口取走：</source>
        <translation>⬅ 請從左側出紙口取走：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="38"/>
        <source>请从右侧出纸口取走： ➡</source>
        <translation>請從右側出紙口取走： ➡</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="38"/>
        <source>⬇ 请从下方出纸口取走：</source>
        <translation>⬇ 請從下方出紙口取走：</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="39"/>
        <source>证明文件</source>
        <translation>證明文件</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="39"/>
        <source>回执</source>
        <translation>回執</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="46"/>
        <source>有文件没有打印出来，已保存，可请工作人员补打，不必重新办理。</source>
        <translation>有文件沒有列印出來，已儲存，可請工作人員補打，不必重新辦理。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="46"/>
        <source>您也可以凭办件编号在网上查询进度。</source>
        <translation>您也可以憑辦件編號在網上查詢進度。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="22"/>
        <source>已支付 %1 元，回执上有订单号和财政电子票据号码。</source>
        <translation>已支付 %1 元，回執上有訂單號和財政電子票據號碼。</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="39"/>
        <source>退款告知单</source>
        <translation>退款告知單</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TakeDocuments.qml" line="14"/>
        <source>缴费成功</source>
        <translation>繳費成功</translation>
    </message>
</context>
<context>
    <name>TicketOffer</name>
    <message>
        <location filename="../qml/Kiosk/controls/TicketOffer.qml" line="16"/>
        <source>取号到窗口办理</source>
        <translation>取號到窗口辦理</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TicketOffer.qml" line="19"/>
        <source>正在取号…</source>
        <translation>正在取號…</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TicketOffer.qml" line="29"/>
        <source>您的号码 %1</source>
        <translation>您的號碼 %1</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期日</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期一</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期二</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期三</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="12"/>
        <source>星期四</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="13"/>
        <source>星期五</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="13"/>
        <source>星期六</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/controls/TopBar.qml" line="36"/>
        <source>易办自助终端</source>
        <translation>易辦自助終端</translation>
    </message>
</context>
<context>
    <name>WorkingScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="8"/>
        <source>正在获取您的电子证照</source>
        <translation>正在獲取您的電子證照</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="9"/>
        <source>正在审核</source>
        <translation>正在審核</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="10"/>
        <source>正在提交</source>
        <translation>正在提交</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="11"/>
        <source>正在打印，请稍候</source>
        <translation>正在列印，請稍候</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="12"/>
        <source>请稍候</source>
        <translation>請稍候</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="23"/>
        <source>获取电子证照</source>
        <translation>獲取電子證照</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="23"/>
        <source>填写表单</source>
        <translation>填寫表單</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="24"/>
        <source>材料与承诺</source>
        <translation>材料與承諾</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="24"/>
        <source>审核</source>
        <translation>審核</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="25"/>
        <source>提交</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="25"/>
        <source>打印</source>
        <translation>列印</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="36"/>
        <source>（完成）</source>
        <translation>（完成）</translation>
    </message>
    <message>
        <location filename="../qml/Kiosk/screens/WorkingScreen.qml" line="36"/>
        <source>（进行中）</source>
        <translation>（進行中）</translation>
    </message>
</context>
</TS>

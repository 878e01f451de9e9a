"""Plain-language words for every error code a citizen can meet, in each UI language.

Keys are `KioskError.code` values. Unknown codes fall back to a generic message that still
names a next step: a citizen is never shown a code alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.errors import Advice, KioskError


@dataclass(frozen=True)
class CitizenMessage:
    text: str
    next_step: str


_ADVICE: dict[str, dict[Advice, str]] = {
    "zh-Hans": {
        Advice.RETRY: "请再试一次。",
        Advice.PLACE_CARD_AGAIN: "请将证件重新放到读卡区。",
        Advice.CALL_STAFF: "请按“工作人员帮助”，工作人员会来协助您。",
        Advice.TAKE_TICKET: "您可以取号到窗口办理。",
        Advice.USE_OTHER_METHOD: "请换一种方式继续。",
        Advice.RENEW_CREDENTIAL: "请到公安窗口办理临时身份证后再来，或到人工窗口办理。",
    },
    "zh-Hant": {
        Advice.RETRY: "請再試一次。",
        Advice.PLACE_CARD_AGAIN: "請將證件重新放到讀卡區。",
        Advice.CALL_STAFF: "請按「工作人員幫助」，工作人員會來協助您。",
        Advice.TAKE_TICKET: "您可以取號到窗口辦理。",
        Advice.USE_OTHER_METHOD: "請換一種方式繼續。",
        Advice.RENEW_CREDENTIAL: "請到公安窗口辦理臨時身份證後再來，或到人工窗口辦理。",
    },
    "en": {
        Advice.RETRY: "Please try again.",
        Advice.PLACE_CARD_AGAIN: "Please place your card on the reader again.",
        Advice.CALL_STAFF: "Press “Staff help” and a member of staff will come to help you.",
        Advice.TAKE_TICKET: "You can take a queue ticket and go to a service counter.",
        Advice.USE_OTHER_METHOD: "Please continue another way.",
        Advice.RENEW_CREDENTIAL: "Please get a temporary ID card at the police counter, or go "
                                 "to a staff counter.",
    },
}

_TEXT: dict[str, dict[str, str]] = {
    "device_unavailable": {
        "zh-Hans": "设备暂时无法使用。",
        "zh-Hant": "設備暫時無法使用。",
        "en": "This device is not available right now.",
    },
    "device_timeout": {
        "zh-Hans": "设备没有及时响应。",
        "zh-Hant": "設備沒有及時回應。",
        "en": "The device did not answer in time.",
    },
    "device_protocol": {
        "zh-Hans": "设备通信出现问题。",
        "zh-Hant": "設備通訊出現問題。",
        "en": "Something went wrong talking to the device.",
    },
    "card_removed": {
        "zh-Hans": "证件被拿开了，没有读完。",
        "zh-Hant": "證件被拿開了，沒有讀完。",
        "en": "The card was taken away before it was read.",
    },
    "card_read_failed": {
        "zh-Hans": "证件没有读成功。",
        "zh-Hant": "證件沒有讀成功。",
        "en": "The card could not be read.",
    },
    "sam_error": {
        "zh-Hans": "读卡器的安全模块出现问题。",
        "zh-Hant": "讀卡器的安全模組出現問題。",
        "en": "The card reader's security module has a problem.",
    },
    "card_inconsistent": {
        "zh-Hans": "证件信息无法核对一致。",
        "zh-Hant": "證件資訊無法核對一致。",
        "en": "The information on the card could not be verified.",
    },
    "card_text_unreadable": {
        "zh-Hans": "证件上有本机无法完整读出的字（生僻字）。",
        "zh-Hant": "證件上有本機無法完整讀出的字（生僻字）。",
        "en": "A character on the card (a rare character) cannot be read whole by this "
              "kiosk.",
    },
    "mrz_mismatch": {
        "zh-Hans": "证件号码、出生日期或有效期与证件芯片不符。",
        "zh-Hant": "證件號碼、出生日期或有效期與證件晶片不符。",
        "en": "The document number, birth date or expiry date do not match the chip.",
    },
    "mrz_needed": {
        "zh-Hans": "请输入护照上的证件号码、出生日期和有效期。",
        "zh-Hant": "請輸入護照上的證件號碼、出生日期和有效期。",
        "en": "Please enter the passport number, birth date and expiry date.",
    },
    "passport_set_aside": {
        "zh-Hans": "没有填写护照信息，请取走护照。",
        "zh-Hant": "沒有填寫護照資訊，請取走護照。",
        "en": "No passport details were entered; please take your passport.",
    },
    "document_not_verified": {
        "zh-Hans": "证件数据无法通过校验。",
        "zh-Hant": "證件資料無法通過校驗。",
        "en": "The document data could not be verified.",
    },
    "needs_psam": {
        "zh-Hans": "这张社保卡需要窗口设备才能读取。",
        "zh-Hant": "這張社保卡需要窗口設備才能讀取。",
        "en": "This social security card can only be read at a service counter.",
    },
    "not_a_passport": {
        "zh-Hans": "无法识别这张卡片。",
        "zh-Hant": "無法識別這張卡片。",
        "en": "This card is not recognised.",
    },
    "not_a_social_security_card": {
        "zh-Hans": "无法识别这张卡片。",
        "zh-Hant": "無法識別這張卡片。",
        "en": "This card is not recognised.",
    },
    "qr_rejected": {
        "zh-Hans": "这个二维码不是本终端可以使用的身份码。",
        "zh-Hant": "這個二維碼不是本終端可以使用的身份碼。",
        "en": "This QR code is not an identity code this kiosk accepts.",
    },
    "credential_expired": {
        "zh-Hans": "您的证件已过有效期，不能用于办理。",
        "zh-Hant": "您的證件已過有效期，不能用於辦理。",
        "en": "This document has expired and cannot be used.",
    },
    "id_number_invalid": {
        "zh-Hans": "证件号码无效，不能用于办理。",
        "zh-Hant": "證件號碼無效，不能用於辦理。",
        "en": "The number on this document is not valid; it cannot be used.",
    },
    "qr_identify_failed": {
        "zh-Hans": "没有识别到有效的身份码。",
        "zh-Hant": "沒有識別到有效的身份碼。",
        "en": "No valid identity code was recognised.",
    },
    "paper_out": {
        "zh-Hans": "打印机缺纸。",
        "zh-Hant": "印表機缺紙。",
        "en": "The printer is out of paper.",
    },
    "cover_open": {
        "zh-Hans": "打印机盖子没有关好。",
        "zh-Hant": "印表機蓋子沒有關好。",
        "en": "The printer cover is open.",
    },
    "printer_offline": {
        "zh-Hans": "打印机暂时无法使用。",
        "zh-Hant": "印表機暫時無法使用。",
        "en": "The printer is not available right now.",
    },
    "print_failed": {
        "zh-Hans": "打印没有完成，您的文件已保存，可以补打。",
        "zh-Hant": "列印沒有完成，您的文件已保存，可以補印。",
        "en": "Printing did not finish. Your document is kept and can be printed again.",
    },
}

# The government backend, however it failed: the citizen needs the same words and next step.
_BACKEND = {
    "zh-Hans": "暂时无法连接政务服务系统。",
    "zh-Hant": "暫時無法連接政務服務系統。",
    "en": "The government service system cannot be reached right now.",
}
_TEXT.update({code: _BACKEND for code in (
    "gateway_error", "gateway_unavailable", "gateway_timeout", "gateway_server_error",
    "gateway_rejected", "gateway_bad_answer", "gateway_redirected", "gateway_answer_too_large")})

_GENERIC = {
    "zh-Hans": "出现了一个问题。",
    "zh-Hant": "出現了一個問題。",
    "en": "Something went wrong.",
}


def known_codes() -> frozenset[str]:
    return frozenset(_TEXT)


def message_for(error: KioskError, locale: str = "zh-Hans") -> CitizenMessage:
    """The words a citizen sees for `error`, in `locale` (falls back to zh-Hans)."""
    lang = locale if locale in _ADVICE else "zh-Hans"
    text = _TEXT.get(error.code, _GENERIC).get(lang, _GENERIC[lang])
    return CitizenMessage(text=text, next_step=_ADVICE[lang][error.advice])


# What a visit tells the citizen when it stops, or when an answer cannot be taken, by code.
# Templates take the named values ({name}: a material or e-license, {label}: a form field).
_VISIT: dict[str, dict[str, str]] = {
    "credential_not_accepted": {
        "zh-Hans": "此事项不接受该证件，请使用身份证办理",
        "zh-Hant": "此事項不接受該證件，請使用身份證辦理",
        "en": "This service does not accept this document",
    },
    "face_mismatch": {
        "zh-Hans": "人脸与证件不一致",
        "zh-Hant": "人臉與證件不一致",
        "en": "The face does not match the document",
    },
    "backend_unreachable": {
        "zh-Hans": "暂时无法连接政务服务系统，请到窗口办理或稍后再试",
        "zh-Hant": "暫時無法連接政務服務系統，請到窗口辦理或稍後再試",
        "en": "The government service cannot be reached; please go to a service counter or "
              "try later",
    },
    "license_missing": {
        "zh-Hans": "未查询到电子证照：{name}",
        "zh-Hant": "未查詢到電子證照：{name}",
        "en": "No valid e-license found: {name}",
    },
    "field_unobtainable": {
        "zh-Hans": "未能获取“{label}”，请到窗口由工作人员办理",
        "zh-Hant": "未能獲取「{label}」，請到窗口由工作人員辦理",
        "en": "Could not obtain “{label}”; please go to a service counter",
    },
    "material_missing": {
        "zh-Hans": "缺少材料：{name}",
        "zh-Hant": "缺少材料：{name}",
        "en": "Missing: {name}",
    },
    "commitment_not_available": {
        "zh-Hans": "您暂不适用告知承诺，请到窗口办理",
        "zh-Hant": "您暫不適用告知承諾，請到窗口辦理",
        "en": "Commitment is not available to you; please go to a service counter",
    },
    "staff_must_check": {
        "zh-Hans": "需要工作人员核实，请到窗口办理",
        "zh-Hant": "需要工作人員核實，請到窗口辦理",
        "en": "Staff need to check this; please go to a service counter",
    },
    "choose_an_option": {
        "zh-Hans": "请从选项中选择",
        "zh-Hant": "請從選項中選擇",
        "en": "Please choose one of the options",
    },
    "required": {"zh-Hans": "此项必填", "zh-Hant": "此項必填", "en": "Required"},
    "joint_pending": {
        "zh-Hans": "随本次登记一并办理",
        "zh-Hant": "隨本次登記一併辦理",
        "en": "Applied for in this same visit",
    },
    # 取号: the ticket's words on screen (the printed ticket is in Chinese, like the hall's)
    "ticket_taken": {
        "zh-Hans": "您的号码是 {number}，请到 {counters}（{group}）等候叫号，"
                   "您前面还有 {waiting} 人",
        "zh-Hant": "您的號碼是 {number}，請到 {counters}（{group}）等候叫號，"
                   "您前面還有 {waiting} 人",
        "en": "Your number is {number}. Please wait for it to be called at {counters} "
              "({group}); {waiting} people are before you",
    },
    "ticket_not_printed": {
        "zh-Hans": "号码条没能打印出来，请记下您的号码",
        "zh-Hant": "號碼條沒能打印出來，請記下您的號碼",
        "en": "The ticket could not be printed; please note your number",
    },
    # 呼叫工作人员: what the citizen reads while the hall answers (kiosk/services/help_call.py)
    "help_sending": {"zh-Hans": "正在通知工作人员…", "zh-Hant": "正在通知工作人員…",
                     "en": "Letting the staff know…"},
    "help_waiting": {
        "zh-Hans": "已通知工作人员，请稍候（前面还有 {position} 位在等候）",
        "zh-Hant": "已通知工作人員，請稍候（前面還有 {position} 位在等候）",
        "en": "The staff have been told; please wait ({position} before you)",
    },
    "help_coming": {
        "zh-Hans": "工作人员{staff}（{staff_counter}）正在赶来，请稍候",
        "zh-Hant": "工作人員{staff}（{staff_counter}）正在趕來，請稍候",
        "en": "{staff} of the staff ({staff_counter}) is on the way; please wait",
    },
    "help_go_to_counter": {
        "zh-Hans": "工作人员暂时无法过来，请到{counter}寻求帮助",
        "zh-Hant": "工作人員暫時無法過來，請到{counter}尋求幫助",
        "en": "No one can come right now; please ask at {counter}",
    },
    "help_withdrawn": {"zh-Hans": "已取消求助", "zh-Hant": "已取消求助",
                       "en": "Your request for help was withdrawn"},
    "help_left_alone": {"zh-Hans": "长时间无人操作，已结束求助",
                        "zh-Hant": "長時間無人操作，已結束求助",
                        "en": "No one was at the kiosk, so the request for help ended"},
    "help_unavailable": {
        "zh-Hans": "暂时无法呼叫工作人员，请到{counter}寻求帮助",
        "zh-Hant": "暫時無法呼叫工作人員，請到{counter}尋求幫助",
        "en": "Staff cannot be called right now; please ask at {counter}",
    },
    # 远程帮办: the video call's state under the nav bar (kiosk/ui/help_bridge.py)
    "help_call_asking": {
        "zh-Hans": "工作人员{staff}（{staff_counter}）请求与您视频连线",
        "zh-Hant": "工作人員{staff}（{staff_counter}）請求與您視訊連線",
        "en": "{staff} of the staff ({staff_counter}) asks to start a video call with you",
    },
    "help_call_declined": {"zh-Hans": "已拒绝视频连线，没有共享任何内容",
                           "zh-Hant": "已拒絕視訊連線，沒有共享任何內容",
                           "en": "You declined the video call; nothing was shared"},
    "help_text_live": {
        "zh-Hans": "正在与工作人员{staff}（{staff_counter}）文字交流",
        "zh-Hant": "正在與工作人員{staff}（{staff_counter}）文字交流",
        "en": "Writing with {staff} of the staff ({staff_counter})",
    },
    "help_text_ended": {"zh-Hans": "文字交流已结束", "zh-Hant": "文字交流已結束",
                        "en": "The written conversation has ended"},
    "help_call_ending": {"zh-Hans": "通话将在{seconds}秒后结束",
                         "zh-Hant": "通話將在{seconds}秒後結束",
                         "en": "The call will end in {seconds} seconds"},
    "help_call_time_up": {"zh-Hans": "通话时间已到，视频通话已结束",
                          "zh-Hant": "通話時間已到，視訊通話已結束",
                          "en": "The call reached its time limit and has ended"},
    "help_call_lost": {
        "zh-Hans": "连接中断，视频通话已结束，如仍需帮助请到{counter}",
        "zh-Hant": "連線中斷，視訊通話已結束，如仍需幫助請到{counter}",
        "en": "The connection was lost and the call has ended; for more help, go to {counter}",
    },
    "help_call_connecting": {
        "zh-Hans": "正在接通工作人员{staff}的视频…",
        "zh-Hant": "正在接通工作人員{staff}的視訊…",
        "en": "Connecting the video call with {staff} of the staff…",
    },
    "help_call_live": {
        "zh-Hans": "正在与工作人员{staff}视频通话，对方能看到这台机器的屏幕",
        "zh-Hant": "正在與工作人員{staff}視訊通話，對方能看到這台機器的螢幕",
        "en": "On a video call with {staff}; they can see this kiosk's screen",
    },
    "help_call_ended": {"zh-Hans": "视频通话已结束", "zh-Hant": "視訊通話已結束",
                        "en": "The video call has ended"},
    "help_call_failed": {
        "zh-Hans": "视频没能接通，请到{counter}寻求帮助",
        "zh-Hant": "視訊沒能接通，請到{counter}尋求幫助",
        "en": "The video call could not be connected; please ask at {counter}",
    },
    "help_call_masked": {"zh-Hans": "已遮挡", "zh-Hant": "已遮擋", "en": "hidden"},
    # the passport's access data, typed on the MRZ entry screen (kiosk/flows/passport_entry.py)
    "mrz_document_shape": {
        "zh-Hans": "证件号码是1到9位大写字母或数字，请对照护照最下面一行填写",
        "zh-Hant": "證件號碼是1到9位大寫字母或數字，請對照護照最下面一行填寫",
        "en": "The document number is 1 to 9 capital letters or digits: copy it from the "
              "bottom line of the passport",
    },
    "mrz_birth_shape": {
        "zh-Hans": "出生日期请填6位数字：年年月月日日，例如 850312",
        "zh-Hant": "出生日期請填6位數字：年年月月日日，例如 850312",
        "en": "Enter the date of birth as 6 digits, year month day: for example 850312",
    },
    "mrz_expiry_shape": {
        "zh-Hans": "有效期请填6位数字：年年月月日日，例如 340316",
        "zh-Hant": "有效期請填6位數字：年年月月日日，例如 340316",
        "en": "Enter the expiry date as 6 digits, year month day: for example 340316",
    },
    "mrz_document_check": {
        "zh-Hans": "证件号码和它后面的校验位对不上，请对照护照最下面一行逐位核对",
        "zh-Hant": "證件號碼和它後面的校驗位對不上，請對照護照最下面一行逐位核對",
        "en": "The document number and the check digit after it do not agree: compare them "
              "with the bottom line of the passport, character by character",
    },
    "mrz_birth_check": {
        "zh-Hans": "出生日期和它后面的校验位对不上，请对照护照最下面一行逐位核对",
        "zh-Hant": "出生日期和它後面的校驗位對不上，請對照護照最下面一行逐位核對",
        "en": "The date of birth and the check digit after it do not agree: compare them "
              "with the bottom line of the passport",
    },
    "mrz_expiry_check": {
        "zh-Hans": "有效期和它后面的校验位对不上，请对照护照最下面一行逐位核对",
        "zh-Hant": "有效期和它後面的校驗位對不上，請對照護照最下面一行逐位核對",
        "en": "The expiry date and the check digit after it do not agree: compare them with "
              "the bottom line of the passport",
    },
    "mrz_chip_refused": {
        "zh-Hans": "填写的信息与护照芯片不符，请对照护照最下面一行再核对一次",
        "zh-Hant": "填寫的資訊與護照晶片不符，請對照護照最下面一行再核對一次",
        "en": "What was entered does not open the passport's chip: check it against the "
              "bottom line of the passport once more",
    },
    "mrz_tries_left": {
        "zh-Hans": "（还可以再试{left}次）",
        "zh-Hant": "（還可以再試{left}次）",
        "en": " ({left} more tries)",
    },
    "mrz_tries_exhausted": {
        "zh-Hans": "护照信息{tries}次未能核对成功，请到窗口由工作人员办理",
        "zh-Hant": "護照資訊{tries}次未能核對成功，請到窗口由工作人員辦理",
        "en": "The passport's details could not be confirmed in {tries} tries; please go to "
              "a service counter",
    },
    # a document holds a character no font of this kiosk can print (never a blank box)
    "glyph_missing": {
        "zh-Hans": "您的事项已受理（受理编号 {case}），但其中有本机无法打印的字（生僻字），"
                   "请到窗口打印",
        "zh-Hant": "您的事項已受理（受理編號 {case}），但其中有本機無法列印的字（生僻字），"
                   "請到窗口列印",
        "en": "Your application was accepted (case {case}), but it contains a character this "
              "kiosk cannot print; please collect your documents at a service counter",
    },
    # 缴费: what a citizen reads when a payment does not go through, or is returned
    "payment_gave_up": {
        "zh-Hans": "已取消缴费，订单已关闭，没有扣款",
        "zh-Hant": "已取消繳費，訂單已關閉，沒有扣款",
        "en": "You cancelled the payment: the order is closed and nothing was charged",
    },
    "payment_timed_out": {
        "zh-Hans": "支付超时，订单已关闭，没有扣款。如需缴费请重新办理",
        "zh-Hant": "支付逾時，訂單已關閉，沒有扣款。如需繳費請重新辦理",
        "en": "The time to pay ran out: the order is closed and nothing was charged. Start "
              "again to pay",
    },
    "payment_declined": {
        "zh-Hans": "您不缴费，没有创建订单，没有扣款",
        "zh-Hant": "您不繳費，沒有建立訂單，沒有扣款",
        "en": "You chose not to pay: no order was made and nothing was charged",
    },
    "payment_unreachable": {
        "zh-Hans": "暂时无法连接支付平台，没有扣款，请稍后再试或到窗口办理",
        "zh-Hant": "暫時無法連接支付平台，沒有扣款，請稍後再試或到窗口辦理",
        "en": "The payment platform cannot be reached; nothing was charged. Please try later "
              "or go to a service counter",
    },
    "payment_nothing_due": {
        "zh-Hans": "没有需要缴纳的费用：所列人员本期均已缴费",
        "zh-Hant": "沒有需要繳納的費用：所列人員本期均已繳費",
        "en": "There is nothing to pay: everyone listed has paid for this period",
    },
    "payment_not_a_code": {
        "zh-Hans": "这不是付款码，请出示微信、支付宝或云闪付的付款码，或扫描屏幕上的二维码",
        "zh-Hant": "這不是付款碼，請出示微信、支付寶或雲閃付的付款碼，或掃描螢幕上的二維碼",
        "en": "That is not a payment code: show the payment code of WeChat, Alipay or "
              "UnionPay, or scan the QR code on the screen",
    },
    "payment_code_declined": {
        "zh-Hans": "付款没有成功，没有扣款。请换一种付款方式，或扫描屏幕上的二维码",
        "zh-Hant": "付款沒有成功，沒有扣款。請換一種付款方式，或掃描螢幕上的二維碼",
        "en": "The payment did not go through and nothing was charged. Try another way to pay, "
              "or scan the QR code on the screen",
    },
    "payment_code_stale": {
        "zh-Hans": "这个付款码不能使用，请刷新付款码后再出示",
        "zh-Hant": "這個付款碼不能使用，請刷新付款碼後再出示",
        "en": "This payment code cannot be used: refresh it in your app and show it again",
    },
    "payment_code_unreachable": {
        "zh-Hans": "暂时无法连接支付平台，请稍后再出示付款码，或扫描屏幕上的二维码",
        "zh-Hant": "暫時無法連接支付平台，請稍後再出示付款碼，或掃描螢幕上的二維碼",
        "en": "The payment platform cannot be reached: show the code again shortly, or scan "
              "the QR code on the screen",
    },
    "payment_refund_service": {
        "zh-Hans": "您已支付{amount}，但业务暂时无法办理。款项将原路退回（退款单号{refund_no}），"
                   "请取走退款告知单，到窗口咨询",
        "zh-Hant": "您已支付{amount}，但業務暫時無法辦理。款項將原路退回（退款單號{refund_no}），"
                   "請取走退款告知單，到窗口諮詢",
        "en": "You paid {amount}, but the service cannot be done now. The money will be "
              "returned to where it came from (refund {refund_no}); take the refund slip and "
              "ask at a service counter",
    },
    "payment_refund_late": {
        "zh-Hans": "订单关闭后您的付款才到账，{amount}将原路退回（退款单号{refund_no}）。"
                   "请取走退款告知单，如需缴费请重新办理",
        "zh-Hant": "訂單關閉後您的付款才到賬，{amount}將原路退回（退款單號{refund_no}）。"
                   "請取走退款告知單，如需繳費請重新辦理",
        "en": "Your payment arrived after the order was closed: {amount} will be returned to "
              "where it came from (refund {refund_no}). Take the refund slip, and start again "
              "to pay",
    },
    "payment_slip_not_printed": {
        "zh-Hans": "退款告知单没能打印出来，请记下退款单号",
        "zh-Hant": "退款告知單沒能打印出來，請記下退款單號",
        "en": "The refund slip could not be printed; please note the refund number",
    },
    # 政策找人: what the offers screen says (kiosk/flows/steps/offers.py)
    "offers_none": {
        "zh-Hans": "没有查到您现在可以申领的政策。政策有变化时，您可以再来查询",
        "zh-Hant": "沒有查到您現在可以申領的政策。政策有變化時，您可以再來查詢",
        "en": "No policy you can claim now was found. You can look again when policies change",
    },
    "offers_unavailable": {
        "zh-Hans": "暂时无法查询您可以享受的政策，您刚才办理的事项不受影响，"
                   "请稍后再查询或到服务台咨询",
        "zh-Hant": "暫時無法查詢您可以享受的政策，您剛才辦理的事項不受影響，"
                   "請稍後再查詢或到服務台諮詢",
        "en": "Your policies cannot be looked up right now; what you just applied for is not "
              "affected. Please try later or ask at the information desk",
    },
    "offer_applied": {
        "zh-Hans": "“{title}”已申请，受理编号 {case}，会列在回执上",
        "zh-Hant": "「{title}」已申請，受理編號 {case}，會列在回執上",
        "en": "“{title}” has been applied for, case {case}; it will be on your receipt",
    },
    "offer_uploading": {
        "zh-Hans": "“{title}”已提交，将自动上传，会列在回执上",
        "zh-Hant": "「{title}」已提交，將自動上傳，會列在回執上",
        "en": "“{title}” has been submitted and will be sent automatically; it will be on "
              "your receipt",
    },
    "offer_not_signed": {
        "zh-Hans": "没有签署承诺书，“{title}”没有申请。您可以再点申请，或到窗口办理",
        "zh-Hant": "沒有簽署承諾書，「{title}」沒有申請。您可以再點申請，或到窗口辦理",
        "en": "The commitment was not signed, so “{title}” was not applied for. Tap apply "
              "again, or go to a service counter",
    },
    # 预约签到 (kiosk/flows/check_in.py): how the hall took the booking
    "check_in_on_time": {
        "zh-Hans": "签到成功，您按时到达，优先叫号。您的号码是 {number}，请到 {counters}（{group}）"
                   "等候，您前面还有 {waiting} 人",
        "zh-Hant": "簽到成功，您按時到達，優先叫號。您的號碼是 {number}，請到 {counters}（{group}）"
                   "等候，您前面還有 {waiting} 人",
        "en": "Checked in on time: you are called first. Your number is {number}; please wait "
              "at {counters} ({group}), {waiting} before you",
    },
    "check_in_early": {
        "zh-Hans": "签到成功。您比预约时间（{booked}）早到较多，按现场取号排队：号码 {number}，"
                   "请到 {counters}（{group}）等候，您前面还有 {waiting} 人",
        "zh-Hant": "簽到成功。您比預約時間（{booked}）早到較多，按現場取號排隊：號碼 {number}，"
                   "請到 {counters}（{group}）等候，您前面還有 {waiting} 人",
        "en": "Checked in. You came well before your booked time ({booked}), so you queue as a "
              "walk-in: number {number}; please wait at {counters} ({group}), {waiting} before "
              "you",
    },
    "check_in_late": {
        "zh-Hans": "签到成功。已过预约时间（{booked}），按现场取号排队：号码 {number}，"
                   "请到 {counters}（{group}）等候，您前面还有 {waiting} 人",
        "zh-Hant": "簽到成功。已過預約時間（{booked}），按現場取號排隊：號碼 {number}，"
                   "請到 {counters}（{group}）等候，您前面還有 {waiting} 人",
        "en": "Checked in. Your booked time ({booked}) has passed, so you queue as a walk-in: "
              "number {number}; please wait at {counters} ({group}), {waiting} before you",
    },
    "booking_not_found": {
        "zh-Hans": "没有查到您今天的预约。请核对预约码后再试，或到服务台取号",
        "zh-Hant": "沒有查到您今天的預約。請核對預約碼後再試，或到服務台取號",
        "en": "No booking of yours for today was found. Check the booking code and try again, "
              "or take a ticket at the information desk",
    },
    "booking_other_person": {
        "zh-Hans": "这个预约码是别人的预约。预约需由预约人本人持证件签到，请预约人本人来签到",
        "zh-Hant": "這個預約碼是別人的預約。預約需由預約人本人持證件簽到，請預約人本人來簽到",
        "en": "This booking code belongs to someone else's booking. The booked person checks in "
              "with their own document",
    },
    "booking_other_day": {
        "zh-Hans": "您的预约日期是 {day}，不是今天。请在预约当天来签到；今天要办理请到服务台取号",
        "zh-Hant": "您的預約日期是 {day}，不是今天。請在預約當天來簽到；今天要辦理請到服務台取號",
        "en": "Your booking is for {day}, not today. Please check in on that day; to be served "
              "today, take a ticket at the information desk",
    },
    "booking_cancelled": {
        "zh-Hans": "您今天的预约已取消，不能签到。可以在手机上重新预约，或到服务台取号",
        "zh-Hant": "您今天的預約已取消，不能簽到。可以在手機上重新預約，或到服務台取號",
        "en": "Your booking for today was cancelled, so it cannot be checked in. Book again on "
              "your phone, or take a ticket at the information desk",
    },
    "check_in_unavailable": {
        "zh-Hans": "暂时无法签到，请到服务台咨询",
        "zh-Hant": "暫時無法簽到，請到服務台諮詢",
        "en": "Checking in is not possible right now; please ask at the information desk",
    },
    # 卡片评 (kiosk/flows/card_rating.py)
    "card_rating_thanks": {
        "zh-Hans": "谢谢您的评价！评价不记名，只用于改进服务",
        "zh-Hant": "謝謝您的評價！評價不記名，只用於改進服務",
        "en": "Thank you! Your rating is anonymous and used only to improve the service",
    },
    "card_rating_too_soon": {
        "zh-Hans": "这台机器刚收到过评价，为防止重复提交，请 {seconds} 秒后再评价",
        "zh-Hant": "這台機器剛收到過評價，為防止重複提交，請 {seconds} 秒後再評價",
        "en": "This kiosk has just taken a rating; to keep ratings honest, please rate again "
              "in {seconds} seconds",
    },
    "card_rating_unavailable": {
        "zh-Hans": "暂时无法提交评价，请稍后再试",
        "zh-Hant": "暫時無法提交評價，請稍後再試",
        "en": "The rating cannot be sent right now; please try again later",
    },
    "card_rating_level": {
        "zh-Hans": "请选择满意程度",
        "zh-Hant": "請選擇滿意程度",
        "en": "Please choose how satisfied you are",
    },
    "card_rating_reason": {
        "zh-Hans": "选“不满意”或“非常不满意”时，请至少选一个原因",
        "zh-Hant": "選「不滿意」或「非常不滿意」時，請至少選一個原因",
        "en": "For “Dissatisfied” or “Very dissatisfied”, please choose at least one reason",
    },
    "card_rating_what": {
        "zh-Hans": "请选择要评价的窗口或事项",
        "zh-Hant": "請選擇要評價的窗口或事項",
        "en": "Please choose the counter or the service you are rating",
    },
    "ticket_unavailable": {
        "zh-Hans": "暂时无法取号，请到服务台咨询",
        "zh-Hant": "暫時無法取號，請到服務台諮詢",
        "en": "No queue ticket can be taken right now; please ask at the information desk",
    },
}


def visit_message(code: str, locale: str = "zh-Hans", **values: str) -> str:
    """The words for a visit's stop or an answer's problem `code`, with `values` filled in."""
    lang = locale if locale in _ADVICE else "zh-Hans"
    return _VISIT[code][lang].format(**values)


def visit_codes() -> frozenset[str]:
    return frozenset(_VISIT)

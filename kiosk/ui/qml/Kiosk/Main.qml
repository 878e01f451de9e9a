import QtQuick
import QtQuick.Window
import QtQuick.Controls
import Kiosk

Window {
    id: window
    objectName: "mainWindow"
    width: 1920
    height: 1080
    visible: true
    color: Theme.background
    title: qsTr("易办自助终端")
    flags: kioskFullscreen ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    visibility: kioskFullscreen ? Window.FullScreen : Window.Windowed

    required property bool kioskFullscreen

    // A kiosk window is never closed by the window manager or a key combination.
    onClosing: (close) => { close.accepted = allowClose }
    property bool allowClose: false

    function rescale() { Theme.scale = Math.max(0.5, height / 1080) }
    onHeightChanged: rescale()
    Component.onCompleted: { rescale(); Theme.dpi = kiosk.screenDpi }

    // the citizen's display choices drive the theme (and reset when a visit ends)
    Binding { target: Theme; property: "elder"; value: kiosk.visit.elderMode }
    Binding { target: Theme; property: "contrast"; value: kiosk.visit.highContrast }

    readonly property var screens: ({
        "home": "screens/HomeScreen.qml", "services": "screens/ServicesScreen.qml", "guide": "screens/GuideScreen.qml",
        "search": "screens/SearchScreen.qml", "intro": "screens/IntroScreen.qml", "identify": "screens/IdentifyScreen.qml",
        "face_consent": "screens/FaceConsentScreen.qml", "face": "screens/FaceScreen.qml",
        "working": "screens/WorkingScreen.qml", "field": "screens/FieldScreen.qml", "confirm": "screens/ConfirmScreen.qml",
        "sign": "screens/SignScreen.qml", "finished": "screens/FinishedScreen.qml", "rate": "screens/RateScreen.qml",
        "report": "screens/ReportScreen.qml", "result": "screens/ResultScreen.qml", "ended": "screens/EndedScreen.qml",
        "goodbye": "screens/GoodbyeScreen.qml", "error": "screens/ErrorScreen.qml", "passport": "screens/PassportScreen.qml",
        "pay_offer": "screens/PayOfferScreen.qml", "pay": "screens/PayScreen.qml",
        "offers_consent": "screens/OffersConsentScreen.qml", "offers": "screens/OffersScreen.qml",
        "checkin": "screens/CheckInScreen.qml", "checked_in": "screens/CheckedInScreen.qml",
        "card_rating": "screens/CardRatingScreen.qml", "card_rated": "screens/CardRatedScreen.qml"
    })

    TopBar {
        id: topBar
        anchors { left: parent.left; right: parent.right; top: parent.top }
    }
    DisplayBar {
        id: simBanner
        objectName: "displayBar"
        anchors { left: parent.left; right: parent.right; top: topBar.bottom }
        height: implicitHeight
        enabled: !window.dialogOpen
    }

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        // during a video call the screen makes room for the call's panel: nothing under it
        anchors { left: parent.left
                  right: callPanel.visible ? callPanel.left : simPanel.visible ? simPanel.left : parent.right
                  rightMargin: callPanel.visible ? Theme.spacing : 0
                  top: simBanner.bottom; bottom: keyboard.shown ? keyboard.top : nav.top }
        source: window.screens[kiosk.visit.screen] || "screens/ErrorScreen.qml"
        onLoaded: kiosk.screenShown(kiosk.visit.screen)
        enabled: !kiosk.admin.open && !window.dialogOpen
    }
    // a question over the screen is modal for keys too: Tab stays among its buttons
    readonly property bool dialogOpen: window.leaveAsked || kiosk.help.choosing || kiosk.help.asking || kiosk.visit.stillThere

    // Esc: one step back (or "no" to the open question), as the nav bar's 返回 does
    Shortcut {
        sequence: "Esc"
        enabled: !kiosk.admin.open
        onActivated: window.leaveAsked ? window.leaveAsked = false
                     : kiosk.help.choosing ? kiosk.help.dismiss()
                     : kiosk.help.asking ? kiosk.help.declineCall()
                     : nav.visible ? nav.backRequested() : undefined
    }

    NavBar {
        id: nav
        anchors { left: parent.left; right: parent.right; bottom: strip.visible ? strip.top : parent.bottom }
        visible: kiosk.visit.screen !== "home"
        enabled: !window.dialogOpen
        height: visible ? implicitHeight : 0
        onBackRequested: kiosk.visit.active ? window.leaveAsked = true : kiosk.visit.back()
        onStartOverRequested: kiosk.visit.active ? window.leaveAsked = true : kiosk.visit.goHome()
    }

    StatusStrip {
        id: strip
        objectName: "statusStrip"
        visible: kiosk.visit.screen === "home"
        enabled: !window.dialogOpen
        height: visible ? implicitHeight : 0
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
    }

    Loader {   // trainers only; built after the first frame
        id: simPanel
        active: kiosk.simulatorPanel && window.settled
        visible: active && !callPanel.visible  // a call's panel takes that side
        width: Math.round(380 * Theme.scale)
        anchors { right: parent.right; top: simBanner.bottom; bottom: nav.top }
        sourceComponent: SimulatorPanel {}
    }
    // set one tick after the first frame: what is not needed for it is built then
    property bool settled: false
    Timer { interval: 1; running: true; onTriggered: window.settled = true }

    property bool leaveAsked: false
    Loader {
        anchors.fill: parent
        z: 60
        active: window.leaveAsked
        sourceComponent: leaveComponent
    }
    Component {
        id: leaveComponent
    Dialog {
        id: leaveDialog
        objectName: "leaveDialog"
        title: qsTr("要结束本次办理吗？")
        message: qsTr("已填写的信息将被清除。")
        KButton { objectName: "leaveYes"; primary: true; text: qsTr("结束办理"); onClicked: { window.leaveAsked = false; kiosk.visit.cancelVisit() } }
        KButton { objectName: "leaveNo"; text: qsTr("继续办理"); onClicked: window.leaveAsked = false }
    }
    }
    Connections { target: kiosk.visit; function onScreenChanged() { if (!kiosk.visit.active) window.leaveAsked = false } }

    Loader {
        anchors.fill: parent
        z: 62
        active: kiosk.help.choosing
        sourceComponent: helpComponent
    }
    Component {
        id: helpComponent
    Dialog {
        objectName: "helpDialog"
        Component.onCompleted: kiosk.visit.say(title)
        title: qsTr("需要工作人员帮助吗？")
        message: kiosk.help.videoOffered ? qsTr("工作人员可以到这台机器旁协助您，也可以和您视频连线或文字交流。视频连线前会再问您是否接听。")
                                         : qsTr("工作人员会到这台机器旁协助您。")
        KButton { objectName: "helpOnsite"; primary: true; text: qsTr("请工作人员来现场"); onClicked: kiosk.help.call("onsite") }
        KButton { objectName: "helpVideo"; visible: kiosk.help.videoOffered; text: qsTr("视频连线工作人员"); onClicked: kiosk.help.call("video") }
        KButton { objectName: "helpText"; visible: kiosk.help.textOffered; text: qsTr("文字交流"); onClicked: kiosk.help.call("text") }
        KButton { objectName: "helpCancel"; text: qsTr("不用了"); onClicked: kiosk.help.dismiss() }
    }
    }

    // 远程帮办: a staff member answered a video request — asked now, by their name and counter
    // (from the hall's directory), before the microphone opens or the screen is shared;
    // declined when the countdown runs out
    Loader {
        anchors.fill: parent
        z: 62
        active: kiosk.help.asking
        sourceComponent: Dialog {
            objectName: "callAskDialog"
            Component.onCompleted: kiosk.visit.say(title + message)
            title: kiosk.help.askWords
            message: qsTr("接听后会使用麦克风，工作人员能看到这台机器的屏幕，您的个人信息和键盘输入会被遮挡。不使用摄像头，不录音，不录像。")
                     + " " + qsTr("%1 秒后自动拒绝。").arg(kiosk.help.askLeft)
            KButton { objectName: "callAccept"; primary: true; text: qsTr("接听"); onClicked: kiosk.help.acceptCall() }
            KButton { objectName: "callDecline"; text: qsTr("拒绝"); onClicked: kiosk.help.declineCall() }
        }
    }

    // the session, at the side: who is helping (name and counter), their written lines in
    // large type, ready answers and the keyboard, show or hide my information, hang up
    Rectangle {
        id: callPanel
        objectName: "callPanel"
        property bool shareable: true
        z: 40
        visible: kiosk.help.inSession
        anchors { right: parent.right; top: simBanner.bottom; bottom: keyboard.shown ? keyboard.top : nav.top
                  margins: Theme.spacing }
        width: Math.round(460 * Theme.scale * Math.min(Theme.grow, 1.3))
        radius: Theme.radius; color: Theme.surface
        border { color: Theme.border; width: Math.round(3 * Theme.scale) }
        Column {
            id: callTop
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing }
            spacing: Math.round(Theme.spacing / 2)
            Heading {
                objectName: "callStaff"
                text: kiosk.help.staffName + (kiosk.help.staffCounter ? "（" + kiosk.help.staffCounter + "）" : "")
            }
            Body {
                objectName: "callEnding"
                visible: kiosk.help.endingWords !== ""
                text: kiosk.help.endingWords
                color: Theme.error; font.bold: true
            }
        }
        // the written lines, in large type, newest at the bottom
        ListView {
            id: callLines
            objectName: "callLines"
            property bool personal: true  // the conversation: not sent back over the shared screen
            anchors { left: parent.left; right: parent.right; top: callTop.bottom; bottom: callBottom.top; margins: Theme.spacing }
            clip: true
            spacing: Math.round(Theme.spacing / 3)
            model: kiosk.help.lines
            onCountChanged: positionViewAtEnd()
            delegate: Text {
                textFormat: Text.PlainText
                objectName: "callLine_" + index
                width: callLines.width
                wrapMode: Text.Wrap
                text: (modelData.sender === "staff" ? qsTr("工作人员：") : qsTr("我：")) + modelData.text
                color: modelData.sender === "staff" ? Theme.text : Theme.textMuted
                font { family: Theme.fontFamily; pixelSize: Theme.fontHeading; bold: modelData.sender === "staff" }
            }
        }
        Column {
            id: callBottom
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.spacing }
            spacing: Math.round(Theme.spacing / 2)
            Flow {
                width: parent.width
                spacing: Math.round(Theme.spacing / 2)
                Repeater {
                    model: [qsTr("听不清"), qsTr("请再说一遍"), qsTr("好的"), qsTr("我不会操作")]
                    KButton { objectName: "callPhrase_" + index; text: modelData; onClicked: kiosk.help.say(modelData) }
                }
            }
            Row {
                spacing: Math.round(Theme.spacing / 2)
                TextField {
                    id: callInput
                    objectName: "callInput"
                    property bool personal: true  // what the citizen types is theirs
                    property string spokenName: qsTr("写给工作人员")
                    Accessible.name: spokenName
                    width: callBottom.width - callSend.width - Math.round(Theme.spacing / 2)
                    height: Theme.touchMin
                    maximumLength: 200
                    font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
                    placeholderText: qsTr("写给工作人员")
                    placeholderTextColor: Theme.textMuted
                    background: Rectangle { color: Theme.background; border { color: Theme.border; width: Math.round(2 * Theme.scale) } radius: Theme.radius / 2 }
                    onAccepted: { kiosk.help.say(text); text = "" }
                    FocusRing {}
                }
                KButton { id: callSend; objectName: "callSend"; text: qsTr("发送"); onClicked: { kiosk.help.say(callInput.text); callInput.text = "" } }
            }
            Row {
                spacing: Math.round(Theme.spacing / 2)
                KButton {
                    objectName: "callShowMine"
                    width: (callBottom.width - parent.spacing) / 2
                    visible: kiosk.help.mode === "video"
                    text: kiosk.help.showingMine ? qsTr("遮挡我的信息") : qsTr("让工作人员看到这一页")
                    onClicked: kiosk.help.toggleShowMine()
                }
                KButton {
                    objectName: "callHangUp"; primary: true
                    width: kiosk.help.mode === "video" ? (callBottom.width - parent.spacing) / 2 : callBottom.width
                    text: kiosk.help.mode === "video" ? qsTr("挂断") : qsTr("结束交流")
                    onClicked: kiosk.help.hangUp()
                }
            }
        }
    }

    // where the staff member points on the shared screen, for a few seconds
    Rectangle {
        objectName: "staffPointer"
        z: 70
        visible: kiosk.help.pointerOn
        width: Math.round(72 * Theme.scale); height: width; radius: width / 2
        x: kiosk.help.pointerX * window.width - width / 2
        y: kiosk.help.pointerY * window.height - height / 2
        color: "transparent"
        border { color: "#D94F00"; width: Math.round(8 * Theme.scale) }
        Rectangle {
            anchors.centerIn: parent; width: parent.width / 4; height: width; radius: width / 2
            color: "#D94F00"
        }
    }

    Loader {
        anchors.fill: parent
        z: 61
        active: kiosk.visit.stillThere
        sourceComponent: stillThereComponent
    }
    Component {
        id: stillThereComponent
    Dialog {
        objectName: "stillThereDialog"
        Component.onCompleted: kiosk.visit.say(title + message)
        title: qsTr("您还在吗？")
        message: qsTr("%1 秒后将结束本次办理并清除您的信息。").arg(kiosk.visit.stillThereLeft)
        KButton { objectName: "stillThereYes"; primary: true; text: qsTr("我还在，继续办理"); onClicked: kiosk.visit.extend() }
    }
    }

    // the on-screen keyboard (Pinyin) is created the first time a text field takes focus
    property bool keyboardWanted: false
    onActiveFocusItemChanged: if (activeFocusItem && activeFocusItem.hasOwnProperty("cursorPosition")) keyboardWanted = true
    Loader {
        id: keyboard
        z: 50
        // as wide as leaves the question above it in view (its height follows its width):
        // full width on a 16:9 screen would cover the field being typed into in elder mode
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width, Math.round(parent.height * 1.3))
        active: window.keyboardWanted
        readonly property bool shown: item !== null && item.active
        y: shown ? parent.height - height : parent.height
        visible: shown
        source: "controls/KeyboardPanel.qml"
    }

    Loader {   // the maintenance menu exists only while it is open
        z: 200
        anchors.fill: parent
        active: kiosk.admin.open
        sourceComponent: AdminOverlay {}
    }

    AttractScreen {
        id: attract
        objectName: "attractScreen"
        z: 100
        anchors.fill: parent
        visible: kiosk.attract
    }
}

import QtQuick
import QtQuick.Window
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
        "goodbye": "screens/GoodbyeScreen.qml", "error": "screens/ErrorScreen.qml", "passport": "screens/PassportScreen.qml"
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
    readonly property bool dialogOpen: window.leaveAsked || kiosk.help.choosing || kiosk.help.consenting || kiosk.visit.stillThere

    // Esc: one step back (or "no" to the open question), as the nav bar's 返回 does
    Shortcut {
        sequence: "Esc"
        enabled: !kiosk.admin.open
        onActivated: window.leaveAsked ? window.leaveAsked = false
                     : kiosk.help.choosing ? kiosk.help.dismiss()
                     : kiosk.help.consenting ? kiosk.help.declineVideo()
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
        visible: active
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
        message: kiosk.help.videoOffered ? qsTr("工作人员可以到这台机器旁协助您，也可以和您视频连线。")
                                         : qsTr("工作人员会到这台机器旁协助您。")
        KButton { objectName: "helpOnsite"; primary: true; text: qsTr("请工作人员来现场"); onClicked: kiosk.help.call("onsite") }
        KButton { objectName: "helpVideo"; visible: kiosk.help.videoOffered; text: qsTr("视频连线工作人员"); onClicked: kiosk.help.call("video") }
        KButton { objectName: "helpCancel"; text: qsTr("不用了"); onClicked: kiosk.help.dismiss() }
    }
    }

    // 远程帮办: the citizen's consent before the microphone is used and the screen is shared
    Loader {
        anchors.fill: parent
        z: 62
        active: kiosk.help.consenting
        sourceComponent: Dialog {
            objectName: "videoConsentDialog"
            Component.onCompleted: kiosk.visit.say(title + message)
            title: qsTr("视频连线工作人员")
            message: qsTr("通话会使用麦克风，工作人员能看到这台机器的屏幕，您的个人信息默认遮挡。不使用摄像头，不录音，不录像。")
            KButton { objectName: "videoAgree"; primary: true; text: qsTr("同意并连线"); onClicked: kiosk.help.agreeVideo() }
            KButton { objectName: "videoDecline"; text: qsTr("不用了"); onClicked: kiosk.help.declineVideo() }
        }
    }

    // the call, in a corner: the staff member's picture, hang up, show or hide my information
    Rectangle {
        id: callPanel
        objectName: "callPanel"
        z: 40
        visible: kiosk.help.callPhase === "connecting" || kiosk.help.callPhase === "live"
        anchors { right: parent.right; top: simBanner.bottom; margins: Theme.spacing }
        width: Math.round(420 * Theme.scale)
        height: callColumn.implicitHeight + Theme.spacing * 2
        radius: Theme.radius; color: Theme.surface
        border { color: Theme.border; width: Math.round(3 * Theme.scale) }
        Column {
            id: callColumn
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacing }
            spacing: Theme.spacing
            Image {
                objectName: "staffPicture"
                width: parent.width; height: Math.round(width * 9 / 16)
                fillMode: Image.PreserveAspectFit
                cache: false
                source: "image://staff/" + kiosk.help.staffTick
            }
            KButton {
                objectName: "callShowMine"; width: parent.width
                text: kiosk.help.showingMine ? qsTr("遮挡我的信息") : qsTr("让工作人员看到我的信息")
                onClicked: kiosk.help.toggleShowMine()
            }
            KButton {
                objectName: "callHangUp"; primary: true; width: parent.width
                text: qsTr("挂断"); onClicked: kiosk.help.hangUp()
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

import QtQuick
import Kiosk

Screen {
    id: face
    objectName: "faceScreen"
    property string guidance: kiosk.visit.view.guidance || ""
    property string challenge: kiosk.visit.view.challenge || ""
    title: qsTr("请正对摄像头")
    prompt: qsTr("请正对摄像头，按提示转头")
    onChallengeChanged: if (challenge !== "") kiosk.visit.say(instruction.text)
    property int frameTick: 0
    Timer { interval: 40; running: true; repeat: true; onTriggered: face.frameTick++ }
    Row {
        anchors.fill: parent
        spacing: Theme.spacing * 2
        Rectangle {
            width: parent.width * 0.55; height: width * 0.75
            color: Theme.cameraBackground; radius: Theme.radius; clip: true
            Image {
                objectName: "cameraPreview"
                property bool neverShared: true  // a face: never on a staff member's screen
                anchors.fill: parent
                fillMode: Image.PreserveAspectFit
                cache: false
                asynchronous: false
                source: "image://camera/" + face.frameTick
                mirror: true
            }
            Rectangle {  // the oval to put the face in
                anchors.centerIn: parent
                width: parent.width * 0.42; height: parent.height * 0.78; radius: width / 2
                color: "transparent"; border { color: Theme.cameraGuide; width: Math.round(5 * Theme.scale) }
            }
        }
        Column {
            width: parent.width * 0.4
            spacing: Theme.spacing * 1.5
            Heading {
                id: instruction
                objectName: "faceInstruction"
                font.pixelSize: Theme.fontHuge
                text: face.challenge === "left" ? qsTr("请慢慢向左转头") :
                      face.challenge === "right" ? qsTr("请慢慢向右转头") :
                      face.guidance === "no_face" ? qsTr("请面向摄像头") :
                      face.guidance === "two_faces" ? qsTr("请一个人办理") :
                      face.guidance === "move_closer" ? qsTr("请靠近一点") :
                      face.guidance === "too_dark" ? qsTr("光线太暗，请站到亮处") :
                      face.guidance === "center" ? qsTr("请站到画面中间") :
                      face.guidance === "face_camera" ? qsTr("请正对摄像头") : qsTr("请保持不动")
            }
            Body { text: qsTr("人脸信息只在本机比对，不保存图像") }
        }
    }
}

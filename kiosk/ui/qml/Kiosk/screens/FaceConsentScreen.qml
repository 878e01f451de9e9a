import QtQuick
import Kiosk

Screen {
    objectName: "faceConsentScreen"
    title: qsTr("刷脸核验本人身份")
    prompt: qsTr("需要拍摄您的面部，与证件照片比对。同意请点“同意并开始”")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing * 1.5
        Body { text: qsTr("为确认是您本人办理，需要用摄像头拍摄您的面部，与证件照片比对。") }
        Body { text: qsTr("人脸信息只在本机内存中比对，比对后立即清除，不保存、不上传图像。") }
        Body { text: qsTr("如不同意，可以请工作人员人工核验。") }
        Row {
            spacing: Theme.spacing * 2
            KButton { objectName: "faceConsentYes"; primary: true; text: qsTr("同意并开始"); onClicked: kiosk.visit.answer(true) }
            KButton { objectName: "faceConsentNo"; text: qsTr("不同意，找工作人员"); onClicked: kiosk.visit.answer(false) }
        }
    }
}

import QtQuick
import Kiosk

Screen {
    objectName: "finishedScreen"
    title: qsTr("办理完成")
    prompt: qsTr("办理完成，请取走您的证明和回执")
    TakeDocuments { anchors.fill: parent; info: kiosk.visit.view }
}

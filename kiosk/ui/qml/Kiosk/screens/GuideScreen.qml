import QtQuick
import Kiosk

Screen {
    objectName: "guideScreen"
    title: qsTr("智能导办")
    prompt: kiosk.visit.guide.question
    Column {
        anchors.fill: parent
        spacing: Theme.spacing * 1.5
        Heading { objectName: "guideQuestion"; text: kiosk.visit.guide.question }
        Flow {
            width: parent.width
            spacing: Theme.spacing
            Repeater {
                model: kiosk.visit.guide.answers
                KButton {
                    objectName: "guideAnswer_" + index
                    primary: true
                    text: modelData.label
                    onClicked: kiosk.visit.guideChoose(index)
                }
            }
        }
    }
}

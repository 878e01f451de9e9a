import QtQuick
import Kiosk

Screen {
    objectName: "servicesScreen"
    title: kiosk.visit.view.category === "personal" ? qsTr("个人服务")
           : kiosk.visit.view.category === "business" ? qsTr("企业服务") : qsTr("一件事")
    prompt: title + "，" + qsTr("请选择要办理的事项")
    ServiceList { anchors.fill: parent; model: kiosk.visit.view.items }
}

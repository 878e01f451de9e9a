import QtQuick
import QtQuick.Controls
import Kiosk

Screen {
    objectName: "searchScreen"
    title: qsTr("搜索事项")
    prompt: qsTr("请输入事项名称、关键词或拼音")
    Column {
        anchors.fill: parent
        spacing: Theme.spacing
        Row {
            spacing: Theme.spacing
            TextField {
                id: query
                objectName: "searchInput"
                property string spokenName: qsTr("搜索事项")
                Accessible.name: spokenName
                Accessible.role: Accessible.EditableText
                width: Math.round(900 * Theme.scale)
                height: Theme.touchMin
                font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
                color: Theme.text
                placeholderText: qsTr("例如：无犯罪证明、社保、上户口、wfzjl")
                placeholderTextColor: Theme.textMuted
                background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: Theme.radius / 2 }
                // displayText holds the Pinyin being spelt too: results follow each letter
                onDisplayTextChanged: kiosk.visit.search(displayText)
                FocusRing {}
            }
            KButton { objectName: "searchGo"; primary: true; text: qsTr("搜索"); onClicked: kiosk.visit.search(query.displayText) }
        }
        Body {
            visible: query.displayText !== "" && kiosk.visit.searchResults.length === 0
            text: qsTr("没有找到相关事项，可以试试“智能导办”，或呼叫工作人员")
        }
        ServiceList {
            width: parent.width
            height: parent.height - query.height - Theme.spacing * 3
            model: kiosk.visit.searchResults
        }
    }
}

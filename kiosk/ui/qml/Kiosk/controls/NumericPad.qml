import QtQuick
import Kiosk

// Big digit keys for phone numbers and other numbers (the letter keyboard is not needed).
Grid {
    id: pad
    property string extraKey: ""
    signal key(string k)
    columns: 3
    spacing: Math.max(Math.round(Theme.spacing / 3), Math.ceil(Theme.focusRingWidth * 2.5))  // room for the focus ring between keys
    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", pad.extraKey, "0", "⌫"]
        KButton {
            objectName: "key_" + (modelData === "⌫" ? "back" : modelData === "" ? "none" : modelData)
            visible: modelData !== ""
            width: Math.round(Theme.touchMin * 1.4); height: Theme.touchMin
            text: modelData === "⌫" ? qsTr("删除") : modelData
            onClicked: pad.key(modelData)
        }
    }
}

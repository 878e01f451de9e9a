import QtQuick
import QtQuick.Controls
import Kiosk

Screen {
    id: field
    objectName: "fieldScreen"
    property var f: kiosk.visit.view
    title: f.label || ""
    prompt: (f.error ? f.error + "。" : "") + qsTr("请填写：") + (f.label || "")
    property bool numeric: f.input === "phone" || f.input === "number" || f.input === "date"
    property bool revealed: false
    // F2 reads what was typed (into headphones only), wherever the focus is on this screen
    property string spokenName: f.label || ""
    property var spokenValue: f.input !== "choice" ? input.text : undefined
    // keys: digits typed anywhere on a number field's screen go into it, Backspace takes one back
    // (and a date's "-": the audio guide leaves the keys named here to the screen)
    property string typedKeys: f.input === "date" ? "-" : ""
    Keys.onPressed: (event) => {
        if (!field.numeric) return
        if (/^[0-9]$/.test(event.text) || (event.text === "-" && f.input === "date")) {
            input.text += event.text; event.accepted = true
        } else if (event.key === Qt.Key_Backspace) {
            input.text = input.text.slice(0, -1); event.accepted = true
        }
    }
    Text {
        textFormat: Text.PlainText
        id: errorText
        objectName: "fieldError"
        property bool shareable: true
        visible: (f.error || "") !== ""
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: visible ? implicitHeight : 0
        wrapMode: Text.WordWrap
        text: "⚠ " + (f.error || "")
        color: Theme.error
        font { family: Theme.fontFamily; pixelSize: Theme.fontBody; bold: true }
    }
    // choices: one big button each
    Flow {
        visible: f.input === "choice"
        anchors { left: parent.left; right: parent.right; top: errorText.bottom; topMargin: Theme.spacing }
        spacing: Theme.spacing
        Repeater {
            model: f.input === "choice" ? f.options : []
            KButton { objectName: "choice_" + index; primary: true; text: modelData.label; onClicked: kiosk.visit.answer(modelData.value) }
        }
    }
    // typed answers: the input and "next" on the left, the digit pad on the right
    // (one row, so the on-screen keyboard never covers "next")
    Row {
        id: entry
        visible: f.input !== "choice"
        anchors { left: parent.left; top: errorText.bottom; topMargin: Theme.spacing }
        width: field.numeric ? parent.width - pad.width - Theme.spacing * 2 : parent.width
        spacing: Theme.spacing
        TextField {
            id: input
            objectName: "fieldInput"
            property bool personal: true  // covered on a staff member's shared screen
            // what the voice calls it: the field's name, never what was typed
            property string spokenName: f.label || ""
            Accessible.name: spokenName
            Accessible.role: Accessible.EditableText
            width: Math.min(entry.width - nextButton.width - Theme.spacing * 3 - (f.masked ? Math.round(160 * Theme.scale) : 0), Math.round(900 * Theme.scale))
            height: Theme.touchMin
            font { family: Theme.fontFamily; pixelSize: Theme.fontHeading }
            color: Theme.text
            readOnly: field.numeric
            activeFocusOnTab: !field.numeric  // a number is typed on the pad or the keys
            // a phone or ID number is typed behind dots unless the citizen presses 显示
            echoMode: f.masked && !field.revealed ? TextInput.Password : TextInput.Normal
            inputMethodHints: (field.numeric ? Qt.ImhDigitsOnly : Qt.ImhNone) | (f.masked ? Qt.ImhSensitiveData : Qt.ImhNone)
            placeholderText: f.input === "phone" ? qsTr("11位手机号码") : f.input === "date" ? qsTr("例如 2024-05-01") : ""
            placeholderTextColor: Theme.textMuted
            background: Rectangle { color: Theme.surface; border { color: Theme.border; width: Math.round(3 * Theme.scale) } radius: Theme.radius / 2 }
            Component.onCompleted: if (!field.numeric && f.input !== "choice") forceActiveFocus()
            onAccepted: kiosk.visit.answer(text)
            FocusRing {}
        }
        KButton {
            objectName: "fieldReveal"
            visible: !!f.masked
            text: field.revealed ? qsTr("隐藏") : qsTr("显示")
            onClicked: field.revealed = !field.revealed
        }
        KButton { id: nextButton; objectName: "fieldNext"; primary: true; text: qsTr("下一步"); onClicked: kiosk.visit.answer(input.text) }
    }
    NumericPad {
        id: pad
        visible: field.numeric
        anchors { right: parent.right; top: errorText.bottom; topMargin: Theme.spacing }
        extraKey: f.input === "date" ? "-" : ""
        onKey: (k) => { if (k === "⌫") input.text = input.text.slice(0, -1); else input.text += k }
    }
}

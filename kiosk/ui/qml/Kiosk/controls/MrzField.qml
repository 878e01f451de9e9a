import QtQuick
import QtQuick.Controls
import Kiosk

// One thing to type from the passport's bottom line: its name above, capitals and digits only
// (a lower-case letter becomes its capital), never longer than it is on the passport. Full,
// it passes the focus on, so the fields fill one after another.
Column {
    id: f
    property string label
    property string hint  // shown in the empty field ("YYMMDD")
    property string name  // the input's objectName
    property int maxLength: 9
    property bool digits: false
    property alias text: input.text
    property alias input: input
    property color mark: Theme.surface
    spacing: Math.round(6 * Theme.scale)
    Text {
        textFormat: Text.PlainText
        id: labelText
        property bool shareable: true  // the field's name (what is typed below it is covered)
        text: f.label
        color: Theme.text
        font { family: Theme.fontFamily; pixelSize: Theme.fontSmall; bold: true }
    }
    TextField {
        id: input
        objectName: f.name
        property bool personal: true  // masked on a staff member's shared screen
        property string spokenName: f.label  // the voice names the field, never what was typed
        Accessible.name: spokenName
        Accessible.role: Accessible.EditableText
        width: Math.max(labelText.implicitWidth, Math.round(Math.max(f.maxLength, f.hint.length * 1.6) * Theme.fontHeading * 0.62 + Theme.spacing * 1.2))
        height: Theme.touchMin
        maximumLength: f.maxLength
        placeholderText: f.hint
        placeholderTextColor: Theme.textMuted
        font { family: Theme.monoFamily; pixelSize: Theme.fontHeading; bold: true }
        color: Theme.text
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhSensitiveData
                          | (f.digits ? Qt.ImhDigitsOnly : (Qt.ImhUppercaseOnly | Qt.ImhLatinOnly))
        validator: RegularExpressionValidator { regularExpression: f.digits ? /[0-9]*/ : /[0-9A-Za-z]*/ }
        background: Rectangle { color: f.mark; border { color: Theme.border; width: Math.round(3 * Theme.scale) } radius: Theme.radius / 2 }
        onTextEdited: {
            const up = text.toUpperCase()
            if (up !== text) text = up
            if (text.length === f.maxLength) nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason)
        }
        FocusRing {}
    }
}

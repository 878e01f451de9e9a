import QtQuick
import Kiosk

// Where the three things to type are found: the bottom of a passport's photo page, its
// machine-readable zone, and on the zone's second line the document number, the date of birth
// and the expiry date, each marked and numbered like its field, each followed by its check
// digit (the bold frame). ICAO's own specimen (Doc 9303 Part 4), never a citizen's data.
Rectangle {
    id: page
    property bool shareable: true  // ICAO's specimen, not the citizen's passport
    objectName: "passportPicture"
    // the zone's type: never below body text (DejaVu Sans Mono: 0.6 em a character)
    property int monoSize: Theme.fontBody
    implicitWidth: Math.round(51 * monoSize * 0.61)
    implicitHeight: zone.implicitHeight + photo.height + Theme.spacing
    radius: Theme.radius
    clip: true
    color: Theme.passportPage
    border { color: Theme.border; width: Math.max(1, Math.round(3 * Theme.scale)) }

    Rectangle {  // the lower edge of the photo: the page goes on above
        id: photo
        x: page.width * 0.04; y: -height * 0.5
        width: page.width * 0.14; height: monoSize * 3
        color: Theme.surface; border { color: Theme.border; width: Math.max(1, Math.round(2 * Theme.scale)) }
        Text { textFormat: Text.PlainText; anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: Math.round(4 * Theme.scale) }
               text: qsTr("照片"); color: Theme.text
               font { family: Theme.fontFamily; pixelSize: Theme.fontSmall } }
    }
    Column {
        id: zone
        objectName: "passportZone"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Math.round(page.monoSize * 0.5) }
        spacing: Math.round(4 * Theme.scale)
        Text {  // line 1: the type, the state and the name
            textFormat: Text.PlainText
            text: "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
            color: Theme.text
            font { family: Theme.monoFamily; pixelSize: page.monoSize }
        }
        Row {  // line 2, its three fields marked
            Repeater {
                model: [
                    { t: "L898902C3", mark: 1 }, { t: "6", mark: 1, check: true }, { t: "UTO", mark: 0 },
                    { t: "740812", mark: 2 }, { t: "2", mark: 2, check: true }, { t: "F", mark: 0 },
                    { t: "120415", mark: 3 }, { t: "9", mark: 3, check: true }, { t: "ZE184226B<<<<<10", mark: 0 }
                ]
                Rectangle {
                    readonly property int frame: modelData.mark ? Math.max(1, Math.round((modelData.check ? 4 : 2) * Theme.scale)) : 0
                    width: part.implicitWidth + frame * 2 + (modelData.mark ? Math.round(4 * Theme.scale) : 0)
                    height: part.implicitHeight + frame * 2 + Math.round(2 * Theme.scale)
                    color: modelData.mark === 1 ? Theme.mrzDocument : modelData.mark === 2 ? Theme.mrzBirth
                           : modelData.mark === 3 ? Theme.mrzExpiry : page.color
                    border { color: Theme.mrzMark; width: frame }
                    Text {
                        textFormat: Text.PlainText
                        id: part
                        anchors.centerIn: parent
                        text: modelData.t
                        color: Theme.text
                        font { family: Theme.monoFamily; pixelSize: page.monoSize; bold: !!modelData.mark }
                    }
                    Text {  // the field's number under its mark
                        textFormat: Text.PlainText
                        visible: !!modelData.mark && !modelData.check
                        anchors { horizontalCenter: parent.horizontalCenter; top: parent.bottom }
                        text: ["", "①", "②", "③"][modelData.mark]
                        color: Theme.text
                        font { family: Theme.fontFamily; pixelSize: Theme.fontSmall; bold: true }
                    }
                }
            }
        }
        Item { width: 1; height: Theme.fontSmall * 1.2 }  // room for the numbers
    }
}

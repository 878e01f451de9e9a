import QtQuick
import Kiosk

// Finger signature: strokes as lists of points, drawn as they are made.
Rectangle {
    id: pad
    property var strokes: []
    property var current: []
    readonly property bool signed: strokes.length > 0
    color: Theme.signatureSurface
    radius: Theme.radius / 2
    border { color: Theme.border; width: Math.round(3 * Theme.scale) }
    function clear() { strokes = []; current = []; canvas.requestPaint() }

    Text {
        textFormat: Text.PlainText
        anchors.centerIn: parent
        visible: !pad.signed && pad.current.length === 0
        text: qsTr("请在此处用手指签名")
        color: Theme.textMuted
        font { family: Theme.fontFamily; pixelSize: Theme.fontBody }
    }
    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            ctx.clearRect(0, 0, width, height)
            ctx.strokeStyle = Theme.ink; ctx.lineWidth = 4; ctx.lineCap = "round"
            for (const s of pad.strokes.concat([pad.current])) {
                if (s.length < 2) continue
                ctx.beginPath(); ctx.moveTo(s[0][0], s[0][1])
                for (let i = 1; i < s.length; i++) ctx.lineTo(s[i][0], s[i][1])
                ctx.stroke()
            }
        }
    }
    MouseArea {
        anchors.fill: parent
        onPressed: (m) => { pad.current = [[Math.round(m.x), Math.round(m.y)]] }
        onPositionChanged: (m) => { pad.current = pad.current.concat([[Math.round(m.x), Math.round(m.y)]]); canvas.requestPaint() }
        onReleased: { if (pad.current.length > 1) pad.strokes = pad.strokes.concat([pad.current]); pad.current = []; canvas.requestPaint() }
    }
}

pragma Singleton
import QtQuick

// The one place for sizes, colours and fonts. Screens never hard-code them.
// `scale` follows the window height (1080 px reference) and the configured DPI; elder mode
// (larger type and targets) and high contrast switch these values, never the screens.
QtObject {
    property real scale: 1.0
    property real dpi: 96
    property bool elder: false
    property bool contrast: false
    property string fontFamily: "WenQuanYi Micro Hei"
    readonly property real grow: elder ? 1.3 : 1.0

    // colours (every text/background pair meets 4.5:1; high contrast goes to 7:1 or more)
    property color background: contrast ? "#000000" : "#F3F6FA"
    property color surface: contrast ? "#000000" : "#FFFFFF"
    property color primary: contrast ? "#FFE600" : "#0B4F9C"
    property color primaryDark: contrast ? "#FFFFFF" : "#083B75"
    property color textOnPrimary: contrast ? "#000000" : "#FFFFFF"
    property color secondary: contrast ? "#000000" : "#E3E9F1"
    property color textOnSecondary: contrast ? "#FFFFFF" : "#0B2F5C"
    property color border: contrast ? "#FFFFFF" : "#9AA8B8"
    property color accent: contrast ? "#FFE600" : "#C62828"
    property color text: contrast ? "#FFFFFF" : "#1B1F24"
    property color textMuted: contrast ? "#FFFFFF" : "#4A5563"
    property color ok: contrast ? "#7CFF7C" : "#1B7F3B"
    property color warning: contrast ? "#FFE600" : "#8A5A00"
    property color error: contrast ? "#FF8A80" : "#B3261E"
    property color unknown: contrast ? "#FFFFFF" : "#5F6B7A"
    property color stripBackground: contrast ? "#000000" : "#E3E9F1"
    property color simBanner: contrast ? "#000000" : "#FFF4CE"
    property color simBannerText: contrast ? "#FFE600" : "#5C4400"
    property color badge: contrast ? "#000000" : "#E6F0FA"
    property color badgeText: contrast ? "#7CC8FF" : "#0B4F9C"
    property color scrim: "#B0000000"
    // the keyboard focus: a thick ring outside the focused control, ≥ 3:1 against the screen
    property color focusRing: contrast ? "#FFE600" : "#D94F00"  // ≥ 3:1 on the light screens and on the dark on-screen keyboard
    property int focusRingWidth: Math.max(3, Math.round(6 * scale))
    property color cameraBackground: "#000000"  // behind the live picture, in every mode
    property color cameraGuide: "#FFFFFF"       // the face outline drawn over the picture
    property color ink: "#000000"               // the signature's strokes
    property color signatureSurface: "#FFFFFF"  // the signature pad: white paper in every mode
    // the passport picture (MRZ entry): the data page, and one mark per field to find on it
    property color passportPage: contrast ? "#000000" : "#EEF3EA"
    property color mrzDocument: contrast ? "#000000" : "#FFE08A"
    property color mrzBirth: contrast ? "#000000" : "#BFE3FF"
    property color mrzExpiry: contrast ? "#000000" : "#C9EFC4"
    property color mrzMark: contrast ? "#FFE600" : "#1B1F24"  // the frame around each mark
    property string monoFamily: "DejaVu Sans Mono"  // the machine-readable zone, as printed

    // The admin menu (staff): one fixed palette and fixed sizes, never switched by the
    // citizen's elder or high-contrast mode.
    readonly property color staffBackground: "#F3F6FA"
    readonly property color staffHeader: "#1B1F24"
    readonly property color staffText: "#1B1F24"
    readonly property color staffTextOnDark: "#FFFFFF"
    readonly property color staffAction: "#0B4F9C"
    readonly property color staffDanger: "#B3261E"
    readonly property color staffNotice: "#8A5A00"
    readonly property color staffOk: "#1B7F3B"
    readonly property color staffAlarm: "#B00020"
    readonly property int staffGap: 16
    readonly property int staffButtonHeight: 80
    readonly property int staffFont: 24
    readonly property int staffFontLarge: 34
    readonly property int staffFontMono: 16
    readonly property int staffMargin: 32

    // type sizes in px. 1 pt = dpi/72 px. Normal body ≥ 14 pt; elder body ≥ 18 pt, headings ≥ 30 pt.
    function pt(points) { return Math.round(points * dpi / 72 * scale) }
    property int fontHuge: pt(elder ? 40 : 34)
    property int fontTitle: pt(elder ? 32 : 24)
    property int fontHeading: pt(elder ? 30 : 20)
    property int fontBody: pt(elder ? 20 : 16)
    property int fontSmall: pt(elder ? 18 : 14)

    // touch targets: ≥ 60 dp in elder mode, ≥ 44 dp otherwise (1 dp = dpi/160 px)
    function dp(v) { return Math.round(v * dpi / 160 * scale) }
    property int touchMin: Math.max(dp(elder ? 96 : 80), Math.round(88 * scale * (elder ? 1.15 : 1)))
    property int spacing: Math.round(24 * scale * (elder ? 1.15 : 1))
    property int radius: Math.round(18 * scale)
    property real lineHeight: 1.35
}

pragma Singleton
import QtQuick

// The one place for sizes, colours and fonts. Screens never hard-code them.
// `scale` follows the window height (1080 px reference); elder mode and high contrast
// (touch-UI issue) switch these values, never the screens.
QtObject {
    property real scale: 1.0
    property string fontFamily: "WenQuanYi Micro Hei"

    // colours (text on background pairs meet 4.5:1 or better)
    property color background: "#F3F6FA"
    property color surface: "#FFFFFF"
    property color primary: "#0B4F9C"
    property color primaryDark: "#083B75"
    property color textOnPrimary: "#FFFFFF"
    property color accent: "#C62828"
    property color text: "#1B1F24"
    property color textMuted: "#4A5563"
    property color ok: "#1B7F3B"
    property color warning: "#8A5A00"
    property color error: "#B3261E"
    property color unknown: "#5F6B7A"
    property color stripBackground: "#E3E9F1"
    property color simBanner: "#FFF4CE"
    property color simBannerText: "#5C4400"

    // type sizes in px at 1080 px height (body >= 18 pt at 96 dpi = 24 px)
    property int fontHuge: Math.round(64 * scale)
    property int fontTitle: Math.round(44 * scale)
    property int fontHeading: Math.round(34 * scale)
    property int fontBody: Math.round(26 * scale)
    property int fontSmall: Math.round(22 * scale)

    property int touchMin: Math.round(88 * scale)
    property int spacing: Math.round(24 * scale)
    property int radius: Math.round(18 * scale)
}

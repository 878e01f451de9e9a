import QtQuick
import QtQuick.VirtualKeyboard

// Qt Virtual Keyboard with Pinyin (zh_CN), Cangjie/Zhuyin (zh_TW) and English layouts.
InputPanel {
    objectName: "inputPanel"
}

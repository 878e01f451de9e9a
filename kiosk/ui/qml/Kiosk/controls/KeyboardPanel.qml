import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// Qt Virtual Keyboard with Pinyin (zh_CN), Cangjie/Zhuyin (zh_TW) and English layouts.
// A physical keyboard's letters reach the Pinyin engine through pinyinKey (called by
// kiosk/ui/pinyin_keys.py): the platform input method would otherwise take them as Latin text.
InputPanel {
    objectName: "inputPanel"
    // never on a staff member's shared screen, not even when the citizen lifts the cover:
    // its key previews and Pinyin candidates spell what is being typed
    property bool neverShared: true
    // ... nor the key previews and long-press choices it draws above its top row
    readonly property real coverAbove: Math.round(height * 0.3)

    // the keyboard's language follows the visit's. Bound here, once the panel exists: set on
    // the settings before any keyboard is made, it leaves the keyboard without its style —
    // zero height, nothing on the glass (and a page of TypeErrors)
    Binding {
        target: VirtualKeyboardSettings; property: "locale"
        value: kiosk.visit.language === "en" ? "en_US" : kiosk.visit.language === "zh-Hant" ? "zh_TW" : "zh_CN"
    }

    // One key from the hardware keyboard, as if pressed on this keyboard: letters spell, and
    // while a syllable is being spelled, 1-9 choose a candidate, Space takes the first,
    // Backspace takes a letter back, Enter keeps the letters as typed. True when it was used.
    function pinyinKey(key, text) {
        const engine = InputContext.inputEngine
        if (engine.inputMode !== InputEngine.InputMode.Pinyin)
            return false
        if (/^[a-z]$/.test(text)) {
            engine.virtualKeyClick(key, text, Qt.NoModifier)
            return true
        }
        if (InputContext.preeditText === "")
            return false
        if (/^[1-9]$/.test(text)) {
            const i = parseInt(text) - 1
            if (i < engine.wordCandidateListModel.count)
                engine.wordCandidateListModel.selectItem(i)
            return true
        }
        if (key === Qt.Key_Space || key === Qt.Key_Backspace || key === Qt.Key_Return || key === Qt.Key_Enter) {
            engine.virtualKeyClick(key, text, Qt.NoModifier)
            return true
        }
        return false
    }
    // What is being spelled and the first candidates, for the voice
    function pinyinState(count) {
        const m = InputContext.inputEngine.wordCandidateListModel
        const words = []
        if (InputContext.preeditText !== "")
            for (let i = 0; i < Math.min(count, m.count); i++)
                words.push(m.dataAt(i))
        return { spelling: InputContext.preeditText, candidates: words }
    }
}

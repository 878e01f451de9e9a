import QtQuick
import QtQuick.Controls
import Kiosk

// The e-passport's chip opens with what its bottom line says: the document number, the date
// of birth and the expiry date, each typed with the check digit that follows it there. A
// mistake is said in plain words (which field, against its check digit); wrong three times,
// a counter takes over. Nothing typed is spoken or kept beyond the visit.
Screen {
    id: passport
    objectName: "passportScreen"
    property var v: kiosk.visit.view
    title: qsTr("请填写护照信息")
    prompt: (v.problem ? v.problem + "。" : "") + qsTr("请对照护照最下面一行，填写证件号码、出生日期和有效期，以及它们各自后面的一位校验数字")
    function answer() {
        kiosk.visit.answer({ document_number: doc.text, document_check: docCheck.text,
                             birth: birth.text, birth_check: birthCheck.text,
                             expiry: expiry.text, expiry_check: expiryCheck.text })
    }
    // the fields and the buttons on one line at the top, so the on-screen keyboard, when it
    // comes up, covers neither; the picture below
    Column {
        anchors.fill: parent
        spacing: Theme.spacing
        Rectangle {
            objectName: "passportProblem"
            visible: (v.problem || "") !== ""
            width: parent.width; height: visible ? problemText.implicitHeight + Theme.spacing : 0
            radius: Theme.radius; color: Theme.surface
            border { color: Theme.error; width: Math.round(4 * Theme.scale) }
            Body { id: problemText; anchors.centerIn: parent; width: parent.width - Theme.spacing
                   text: "⚠ " + (v.problem || ""); color: Theme.error; font.bold: true }
        }
        Row {
            spacing: Theme.spacing
            MrzField { id: doc; name: "passportDocument"; label: qsTr("① 证件号码"); maxLength: 9; mark: Theme.mrzDocument }
            MrzField { id: docCheck; name: "passportDocumentCheck"; label: qsTr("校验位"); maxLength: 1; digits: true; mark: Theme.mrzDocument }
            MrzField { id: birth; name: "passportBirth"; label: qsTr("② 出生日期"); hint: qsTr("年年月月日日"); maxLength: 6; digits: true; mark: Theme.mrzBirth }
            MrzField { id: birthCheck; name: "passportBirthCheck"; label: qsTr("校验位"); maxLength: 1; digits: true; mark: Theme.mrzBirth }
            MrzField { id: expiry; name: "passportExpiry"; label: qsTr("③ 有效期至"); hint: qsTr("年年月月日日"); maxLength: 6; digits: true; mark: Theme.mrzExpiry }
            MrzField { id: expiryCheck; name: "passportExpiryCheck"; label: qsTr("校验位"); maxLength: 1; digits: true; mark: Theme.mrzExpiry }
        }
        Row {
            width: parent.width
            spacing: Theme.spacing * 2
            MrzPicture { id: picture }
            Column {
                width: parent.width - picture.width - Theme.spacing * 2
                spacing: Theme.spacing
                Flow {
                    width: parent.width
                    spacing: Theme.spacing
                    KButton { objectName: "passportSubmit"; primary: true; text: qsTr("确定"); onClicked: passport.answer() }
                    KButton { objectName: "passportOther"; text: qsTr("改用其他证件"); onClicked: kiosk.visit.answer(null) }
                }
                Body {
                    text: qsTr("①②③都在护照照片页最下面一行；每项后面紧跟的一位数字是它的校验位（粗框）。日期填6位数字：年年月月日日。")
                }
            }
        }
    }
}

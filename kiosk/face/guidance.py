"""What to tell the person in front of the camera, from one frame's detections."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the words are needed on screen before the face engine (OpenCV) loads
    from kiosk.face.engine import Face, Frame


class Guidance(StrEnum):
    OK = "ok"
    NO_FACE = "no_face"  # 请面向摄像头
    TWO_FACES = "two_faces"  # 请一个人办理
    MOVE_CLOSER = "move_closer"  # 请靠近一点
    TOO_DARK = "too_dark"  # 光线太暗
    CENTER = "center"  # 请站到画面中间
    FACE_CAMERA = "face_camera"  # 请正对摄像头


def brightness(frame: Frame) -> float:
    """Mean level of every 4th pixel of every 4th row (all channels): no copy of the frame."""
    return float(frame[::4, ::4].mean())


def guidance_for(frame: Frame, faces: list[Face], *, min_face_fraction: float,
                 min_brightness: float) -> Guidance:
    if brightness(frame) < min_brightness:
        return Guidance.TOO_DARK
    if not faces:
        return Guidance.NO_FACE
    h, w = frame.shape[:2]
    big = [f for f in faces if f.box[3] >= h * min_face_fraction * 0.6]
    if len(big) > 1:
        return Guidance.TWO_FACES
    face = faces[0]
    if face.box[3] < h * min_face_fraction:
        return Guidance.MOVE_CLOSER
    cx = face.box[0] + face.box[2] / 2
    if not w * 0.2 < cx < w * 0.8:
        return Guidance.CENTER
    if abs(face.yaw) > 0.45:
        return Guidance.FACE_CAMERA
    return Guidance.OK

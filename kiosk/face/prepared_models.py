"""SFace with its weights dequantized once, at install time, instead of at every load.

The shipped SFace (OpenCV Zoo's block-quantized int8 file) stores its weights as int8 with a
scale per block; OpenCV turns them into float32 as it loads the file, which takes ~0.2 s of
one core — and the kiosk loads the models for every citizen (`face.hold_models`). This
module evaluates those `DequantizeLinear` nodes ahead of time with the same arithmetic and
writes the float model beside the kiosk's installation (`scripts/setup.sh` runs it): OpenCV
loads that file in ~0.05 s and computes the same embeddings.

The file is only used when its SHA-256 is the one pinned here — hashed when first used and
again whenever it is no longer the same file (inode, size, modification or change time), so
a file changed on disk, or written by a different `onnx` version, is passed over for the
shipped int8 file. Run: `python -m kiosk.face.prepared_models` (idempotent).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

from kiosk.face.models import SFACE, bundled

PREPARED = "face_recognition_sface_2021dec_dequantized.onnx"
PREPARED_SHA256 = "107111c7155b7f4316fe357472ff37f5cc5c6e10a7ffdc432cd5031d78ea1c44"


def prepared_dir() -> Path:
    """Beside the installation, as its code is (not the kiosk's writable data)."""
    return Path(sys.prefix) / "share" / "yiban-kiosk" / "models"


# path → the file's identity when its SHA-256 was last found right (dev, inode, size, mtime,
# ctime): a write or a replacement changes its ctime, which a write cannot keep
_checked: dict[Path, tuple[int, ...]] = {}


def _identity(path: Path) -> tuple[int, ...]:
    st = path.stat()
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def prepared_recognizer(folder: Path | None = None) -> Path | None:
    """The prepared SFace file if it is there and is what `prepare` makes, else None: hashed
    the first time, and again whenever the file is no longer the one hashed (asked at every
    load of the models, so a file changed since is passed over for the shipped one)."""
    path = (folder or prepared_dir()) / PREPARED
    try:
        before = _identity(path)
        if _checked.get(path) == before:
            return path
        right = hashlib.sha256(path.read_bytes()).hexdigest() == PREPARED_SHA256
        if right and _identity(path) == before:  # and not changed while it was read
            _checked[path] = before
            return path
    except OSError:
        pass
    _checked.pop(path, None)
    return None


def _dequantized(x: Any, scale: Any, zero_point: Any, axis: int, block: int) -> Any:
    """ONNX DequantizeLinear on constants: (x - zero_point) * scale in float32, with a scale
    and zero point per element, per channel along `axis`, or per block of `block` along it."""
    import numpy as np

    if block:
        trim = tuple(slice(0, d) for d in x.shape)
        scale = np.repeat(scale, block, axis=axis)[trim]
        zero_point = np.repeat(zero_point, block, axis=axis)[trim]
    elif scale.ndim == 1 and scale.size > 1:
        shape = [1] * x.ndim
        shape[axis] = -1
        scale, zero_point = scale.reshape(shape), zero_point.reshape(shape)
    return ((x.astype(np.float32) - zero_point.astype(np.float32)) * scale.astype(np.float32)
            ).astype(np.float32)


def prepare(source: Path, target: Path) -> str:
    """Write `source` with every DequantizeLinear of constant inputs replaced by its float
    result; returns the SHA-256 of what was written."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    constants = {i.name: i for i in graph.initializer}
    kept, folded = [], []
    for node in graph.node:
        if node.op_type == "DequantizeLinear" and len(node.input) == 3 and \
                all(i in constants for i in node.input):
            attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
            x, scale, zero_point = (numpy_helper.to_array(constants[i]) for i in node.input)
            value = _dequantized(x, scale, zero_point, int(attrs.get("axis", 1)) % x.ndim,
                                 int(attrs.get("block_size", 0)))
            folded.append(numpy_helper.from_array(value, node.output[0]))
        else:
            kept.append(node)
    del graph.node[:]
    graph.node.extend(kept)
    used = {i for n in graph.node for i in n.input} | {o.name for o in graph.output}
    remaining = [i for i in graph.initializer if i.name in used] + folded
    del graph.initializer[:]
    graph.initializer.extend(remaining)
    # the quantized weights were also listed as graph inputs: only the picture is one now
    inputs = [i for i in graph.input if i.name in used and i.name not in constants]
    del graph.input[:]
    graph.input.extend(inputs)
    data = model.SerializeToString()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(target)
    return hashlib.sha256(data).hexdigest()


def main() -> int:
    target = prepared_dir() / PREPARED
    if prepared_recognizer() is not None:
        print(f"face models: {target} is ready")
        return 0
    digest = prepare(bundled(SFACE), target)
    if digest != PREPARED_SHA256:
        target.unlink(missing_ok=True)
        print(f"face models: the dequantized SFace came out different ({digest}); "
              "the kiosk loads the shipped int8 file instead", file=sys.stderr)
        return 1
    print(f"face models: wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

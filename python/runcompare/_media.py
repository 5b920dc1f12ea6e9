"""Samples' bytes and types: numpy arrays and PIL images as PNG, files' types by name or first
bytes (the same magic numbers as src/data/media.ts), text as UTF-8."""

import io
import math
import mimetypes
import os
import struct
import zlib

from ._errors import RunsDataError

EXTENSIONS = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".bmp": "image/bmp",
    ".svg": "image/svg+xml",
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".flac": "audio/flac",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".txt": "text/plain",
    ".log": "text/plain",
    ".md": "text/markdown",
    ".json": "application/json",
    ".html": "text/html",
}

MAGIC = (
    ("image/png", b"\x89PNG\r\n\x1a\n", 0),
    ("image/jpeg", b"\xff\xd8\xff", 0),
    ("image/gif", b"GIF8", 0),
    ("image/bmp", b"BM", 0),
    ("audio/flac", b"fLaC", 0),
    ("audio/ogg", b"OggS", 0),
    ("audio/mpeg", b"ID3", 0),
    ("video/webm", b"\x1a\x45\xdf\xa3", 0),
    ("video/mp4", b"ftyp", 4),
)


def sniff(head):
    """The type of bytes by their first bytes, or "" (sniffMime in src/data/media.ts)."""
    if head[:4] == b"RIFF":
        return {b"WAVE": "audio/wav", b"WEBP": "image/webp"}.get(head[8:12], "")
    for mime, magic, offset in MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return mime
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        return "audio/mpeg"
    text = head[:256].decode("latin-1").lstrip().lower()
    if text.startswith("<svg") or (text.startswith("<?xml") and "<svg" in text):
        return "image/svg+xml"
    return ""


def mime_of_path(path):
    """A file's type by its extension, else by its first bytes."""
    extension = os.path.splitext(path)[1].lower()
    if extension in EXTENSIONS:
        return EXTENSIONS[extension]
    guessed = mimetypes.guess_type(path)[0]
    if guessed:
        return guessed
    with open(path, "rb") as file:
        return sniff(file.read(512))


def is_pil_image(value):
    return any(kind.__module__.split(".")[0] == "PIL" and kind.__name__ == "Image" for kind in type(value).__mro__)


def is_array(value):
    """A numpy array, or anything that becomes one (a torch tensor on the CPU, a JAX array)."""
    return type(value).__module__.split(".")[0] == "numpy" and hasattr(value, "shape") or hasattr(value, "__array__")


def check_image_array(array, row):
    """The array as (height, width, channels) uint8-able pixels, or RunsDataError saying why not.
    Accepted: (H, W) grey, (H, W, C) and (C, H, W) with C of 1, 3 (RGB) or 4 (RGBA); booleans,
    integers from 0 to 255, floats from 0 to 1."""
    import numpy as np

    array = np.asarray(array)
    shape = array.shape
    if array.ndim == 3 and shape[-1] not in (1, 3, 4) and shape[0] in (1, 3, 4):
        array = np.moveaxis(array, 0, -1)
    if array.ndim == 2:
        array = array[:, :, None]
    if array.ndim != 3 or array.shape[-1] not in (1, 3, 4) or 0 in array.shape:
        raise RunsDataError(
            f"the image at row {row} has shape {tuple(shape)}: give (height, width) grey pixels, or (height, width, channels) "
            "or (channels, height, width) with 1, 3 (RGB) or 4 (RGBA) channels."
        )
    if array.dtype == bool:
        return array.astype(np.uint8) * 255
    if np.issubdtype(array.dtype, np.integer):
        if array.min() < 0 or array.max() > 255:
            raise RunsDataError(f"the image at row {row} has values from {array.min()} to {array.max()}: integer pixels must be 0 to 255.")
        return array.astype(np.uint8)
    if np.issubdtype(array.dtype, np.floating):
        finite = np.isfinite(array)
        if not finite.all() or array.min() < 0 or array.max() > 1:
            values = array[finite]
            low, high = (values.min(), values.max()) if values.size else (math.nan, math.nan)
            odd = "" if finite.all() else " and NaN or inf"
            raise RunsDataError(f"the image at row {row} has values from {low:g} to {high:g}{odd}: float pixels must be 0 to 1 (scale them, or give uint8).")
        return np.round(array * 255).astype(np.uint8)
    raise RunsDataError(f"the image at row {row} holds {array.dtype} values: give booleans, integers from 0 to 255 or floats from 0 to 1.")


def png_bytes(pixels):
    """(H, W, C) uint8 pixels as a PNG file (zlib from the standard library: no imaging package needed)."""
    height, width, channels = pixels.shape
    color_type = {1: 0, 3: 2, 4: 6}[channels]
    rows = b"".join(b"\x00" + pixels[y].tobytes() for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")


def pil_png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()

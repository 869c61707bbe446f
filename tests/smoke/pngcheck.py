#!/usr/bin/env python3
"""pngcheck: decode a PNG with the standard library only and tell whether it shows something.

Used by the desktop and browser smoke tests. Supports what closureviz's screenshots use:
8-bit greyscale, RGB, RGBA and grey+alpha, non-interlaced, all five filter types.

    python3 pngcheck.py FILE.png [--width W --height H]
"""
import argparse
import struct
import sys
import zlib

_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # PNG colour type -> samples per pixel


class PngError(Exception):
    pass


def decode(path):
    """Returns (width, height, channels, rows) with rows a list of bytes objects."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise PngError(f"{path}: not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise PngError(f"{path}: no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in _CHANNELS or interlace != 0:
        raise PngError(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = _CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        filt, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if filt == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif filt == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif filt == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif filt == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif filt != 0:
            raise PngError(f"{path}: bad filter type {filt} in row {y}")
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def colour_stats(channels, rows):
    """Returns (number of distinct colours, fraction of pixels that differ from the most common one)."""
    counts = {}
    for row in rows:
        for i in range(0, len(row), channels):
            px = row[i:i + channels]
            counts[px] = counts.get(px, 0) + 1
    total = sum(counts.values())
    return len(counts), 1.0 - max(counts.values()) / total


def check(path, width=None, height=None, min_colours=8, min_non_background=0.005):
    """Returns a list of problems (empty = the image has the size asked for and shows something)."""
    try:
        w, h, channels, rows = decode(path)
    except (OSError, PngError, zlib.error) as e:
        return [str(e)]
    problems = []
    if width is not None and (w, h) != (width, height):
        problems.append(f"{path}: size {w}x{h}, expected {width}x{height}")
    colours, non_background = colour_stats(channels, rows)
    print(f"pngcheck: {path}: {w}x{h}, {colours} colours, {non_background:.1%} non-background pixels")
    if colours < min_colours:
        problems.append(f"{path}: only {colours} distinct colour(s): blank screenshot?")
    if non_background < min_non_background:
        problems.append(f"{path}: {non_background:.2%} of pixels differ from the background: nothing drawn?")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("png")
    ap.add_argument("--width", type=int)
    ap.add_argument("--height", type=int)
    args = ap.parse_args()
    problems = check(args.png, args.width, args.height)
    for p in problems:
        print("FAIL:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

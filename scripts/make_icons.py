#!/usr/bin/env python3
"""Draws Steady's app icons as PNG files, with the Python standard library only.

The design: a soft circle, split by one gentle wave, on a warm cream ground. The same
drawing is written as crates/server/assets/icon.svg. Run from the repository root; the
files it writes are committed:

    python3 scripts/make_icons.py
"""

import math
import os
import struct
import zlib

OUT = os.path.join("crates", "server", "assets")

CREAM = (247, 241, 232)
SKY = (176, 206, 193)
SEA = (79, 133, 119)
SAMPLES = 3  # per axis, for smooth edges


def wave_y(x, radius):
    """Where the wave crosses column x (unit square), scaled with the circle."""
    u = (x - 0.5) / radius
    return 0.5 + radius * (0.18 + 0.13 * math.sin(u * math.pi * 1.25 + 0.6))


def shade(x, y, full_bleed, radius):
    """The colour (r, g, b, a) at (x, y) in the unit square."""
    if not full_bleed:
        # A rounded square, transparent outside.
        corner = 0.22
        dx = max(corner - x, 0.0, x - (1.0 - corner))
        dy = max(corner - y, 0.0, y - (1.0 - corner))
        if dx * dx + dy * dy > corner * corner:
            return (0, 0, 0, 0)
    cx = cy = 0.5
    if (x - cx) ** 2 + (y - cy) ** 2 > radius * radius:
        return CREAM + (255,)
    wave = wave_y(x, radius)
    line = 0.055 * radius
    if abs(y - wave) < line / 2:
        return CREAM + (255,)
    return (SEA if y > wave else SKY) + (255,)


def render(size, full_bleed, radius):
    rows = []
    n = SAMPLES * SAMPLES
    for py in range(size):
        row = bytearray([0])  # filter type: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    r, g, b, a = shade(x, y, full_bleed, radius)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / n
            if acc[3]:
                row += bytes(round(acc[i] / acc[3]) for i in range(3))
            else:
                row += b"\0\0\0"
            row.append(round(alpha))
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def ico(png_bytes, size):
    """An .ico file holding one PNG image."""
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png_bytes), 22)
    return header + entry + png_bytes


def svg(radius):
    """The icon as SVG, in a 100-unit square."""
    hexc = lambda c: "#%02x%02x%02x" % c
    r = radius * 100
    steps = 48
    pts = []
    for i in range(steps + 1):
        x = 0.5 - radius + 2 * radius * i / steps
        pts.append("%.2f %.2f" % (x * 100, wave_y(x, radius) * 100))
    wave = "M" + " L".join(pts)
    sea = wave + " L%.2f 100 L%.2f 100 Z" % ((0.5 + radius) * 100, (0.5 - radius) * 100)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">\n'
        '<defs><clipPath id="c"><circle cx="50" cy="50" r="%.2f"/></clipPath></defs>\n'
        '<rect width="100" height="100" rx="22" fill="%s"/>\n'
        '<g clip-path="url(#c)">\n'
        '<rect width="100" height="100" fill="%s"/>\n'
        '<path d="%s" fill="%s"/>\n'
        '<path d="%s" fill="none" stroke="%s" stroke-width="%.2f"/>\n'
        "</g>\n</svg>\n"
    ) % (r, hexc(CREAM), hexc(SKY), sea, hexc(SEA), wave, hexc(CREAM), 0.055 * r)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print("wrote", os.path.join(OUT, name))


def main():
    write("icon-192.png", render(192, False, 0.36))
    write("icon-512.png", render(512, False, 0.36))
    # Maskable: the whole square is painted and the circle stays inside the safe zone.
    write("icon-maskable-512.png", render(512, True, 0.28))
    # iOS rounds the corners itself and wants no transparency.
    write("apple-touch-icon.png", render(180, True, 0.34))
    write("icon.svg", svg(0.36).encode())
    write("favicon.ico", ico(render(48, False, 0.40), 48))


if __name__ == "__main__":
    main()

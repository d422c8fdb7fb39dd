"""dSprites rendered from ../shared/reference/dsprites/SPEC.md with numpy, a batch at a time.

Index order: shape*245760 + scale*40960 + orientation*1024 + posX*32 + posY. A pixel is on when at least 8 of
its 4x4 sub-samples fall in the shape. Like vaelab's renderer, each row of sub-samples is intersected with the
shape's convex pieces (square; ellipse; heart = two lobes and the body below the lobe centres, bounded by the
tangents from the tip), so the work is per sample row, not per sample; the union of the heart's pieces is
counted by inclusion-exclusion. Vectorised over the batch and a 30-pixel window around each shape.
"""
import math

import numpy as np

SIDE = 64
SUB = 4
WIN = 30  # pixel rows/columns around the centre that can hold the shape (extent <= 9.6*sqrt(2) < 14)
GRID = 737_280

SQUARE_HALF = 9.6
ELL_U, ELL_V = 12.75, 7.25
LOBE_R, LOBE_U, LOBE_V, TIP_V = 5.2, 4.6, -4.0, 8.8

# Tangent from the tip to the outer side of the right lobe (as DSpritesRenderer).
_tu, _tv = 0.0 - LOBE_U, TIP_V - LOBE_V
_angle = math.atan2(_tv, _tu) - math.acos(LOBE_R / math.hypot(_tu, _tv))
TAN_NU, TAN_NV = math.cos(_angle), math.sin(_angle)
TAN_OFF = TAN_NU * LOBE_U + TAN_NV * LOBE_V + LOBE_R
TAN_POINT_U = LOBE_U + LOBE_R * TAN_NU


def factors(indices):
    i = np.asarray(indices, dtype=np.int64)
    return i // 245760, i // 40960 % 6, i // 1024 % 40, i // 32 % 32, i % 32


def _half_planes(along, at, limit, low, high):
    """Intersects [low, high] with {t : along*t + at <= limit}, elementwise."""
    with np.errstate(divide="ignore", invalid="ignore"):
        bound = (limit - at) / along
    low = np.where(along < 0, np.maximum(low, bound), low)
    high = np.where(along > 0, np.minimum(high, bound), high)
    empty = (along == 0) & (at > limit)
    return np.where(empty, np.inf, low), np.where(empty, -np.inf, high)


def _quadric(a, b, p, q, su, sv):
    """{t : (a*t + p)^2 su + (b*t + q)^2 sv <= 1}."""
    qa = a * a * su + b * b * sv
    hb = a * p * su + b * q * sv
    c = p * p * su + q * q * sv - 1.0
    disc = hb * hb - qa * c
    root = np.sqrt(np.maximum(disc, 0))
    low, high = (-hb - root) / qa, (-hb + root) / qa
    return np.where(disc < 0, np.inf, low), np.where(disc < 0, -np.inf, high)


def _counts(low, high, cx, col0, subcols):
    """Samples per window pixel covered by the dx-interval [low, high] on each sample row."""
    base = col0 * SUB
    first = np.clip(np.ceil((cx + low) * SUB - 0.5), base, base + subcols) - base
    stop = np.clip(np.floor((cx + high) * SUB - 0.5) + 1, base, base + subcols) - base
    first, stop = first.astype(np.int16)[..., None], stop.astype(np.int16)[..., None]
    starts = np.arange(0, subcols, SUB, dtype=np.int16)
    covered = np.minimum(stop, starts + SUB)
    covered -= np.maximum(first, starts)
    return np.maximum(covered, 0, out=covered)


def render(indices, out=None):
    """Images of the given grid indices as float32 [n, 4096] with values 0 and 1."""
    shape, scale, orient, px, py = factors(indices)
    n = len(shape)
    theta = orient * (2 * math.pi / 39)
    size = 0.5 + scale * 0.1
    cx = 16 + 32 * px / 31.0
    cy = 16 + 32 * py / 31.0
    a = (np.cos(theta) / size)[:, None]
    b = (np.sin(theta) / size)[:, None]
    row0 = np.clip(np.floor(cy).astype(np.int64) - WIN // 2, 0, SIDE - WIN)
    col0 = np.clip(np.floor(cx).astype(np.int64) - WIN // 2, 0, SIDE - WIN)
    ys = (row0[:, None] * SUB + np.arange(WIN * SUB)[None, :] + 0.5) / SUB
    dy = ys - cy[:, None]
    u0, v0 = -b * dy, a * dy
    cxc, c0 = cx[:, None], col0[:, None]
    inf = np.full_like(dy, np.inf)
    counts = np.zeros((n, WIN * SUB, WIN), np.int16)

    sq = shape == 0
    if sq.any():
        lo, hi = -inf[sq], inf[sq]
        for along, at in ((a, u0), (-a, -u0), (b, v0), (-b, -v0)):
            lo, hi = _half_planes(np.broadcast_to(along[sq], at[sq].shape), at[sq], SQUARE_HALF, lo, hi)
        counts[sq] = _counts(lo, hi, cxc[sq], c0[sq], WIN * SUB)
    el = shape == 1
    if el.any():
        lo, hi = _quadric(a[el], b[el], u0[el], v0[el], 1 / ELL_U ** 2, 1 / ELL_V ** 2)
        counts[el] = _counts(lo, hi, cxc[el], c0[el], WIN * SUB)
    he = shape == 2
    if he.any():
        ah, bh, uh, vh = a[he], b[he], u0[he], v0[he]
        bah, bbh = np.broadcast_to(ah, uh.shape), np.broadcast_to(bh, uh.shape)
        r2 = 1 / LOBE_R ** 2
        left = _quadric(ah, bh, uh + LOBE_U, vh - LOBE_V, r2, r2)
        right = _quadric(ah, bh, uh - LOBE_U, vh - LOBE_V, r2, r2)
        lo, hi = -inf[he], inf[he]
        lo, hi = _half_planes(-bbh, -vh, -LOBE_V, lo, hi)
        lo, hi = _half_planes(bah, uh, TAN_POINT_U, lo, hi)
        lo, hi = _half_planes(-bah, -uh, TAN_POINT_U, lo, hi)
        au, av, tu, tv = bah * TAN_NU, bbh * TAN_NV, uh * TAN_NU, vh * TAN_NV
        lo, hi = _half_planes(au + av, tu + tv, TAN_OFF, lo, hi)
        lo, hi = _half_planes(av - au, tv - tu, TAN_OFF, lo, hi)
        body = (lo, hi)

        def meet(*runs):
            return np.maximum.reduce([r[0] for r in runs]), np.minimum.reduce([r[1] for r in runs])

        cxh, ch = cxc[he], c0[he]
        total = np.zeros(uh.shape + (WIN,), np.int16)
        for sign, run in ((1, left), (1, right), (1, body), (-1, meet(left, right)), (-1, meet(left, body)),
                          (-1, meet(right, body)), (1, meet(left, right, body))):
            part = _counts(run[0], run[1], cxh, ch, WIN * SUB)
            if sign > 0:
                total += part
            else:
                total -= part
        counts[he] = total

    on = counts.reshape(n, WIN, SUB, WIN).sum(2) >= (SUB * SUB + 1) // 2
    if out is None:
        out = np.zeros((n, SIDE * SIDE), np.float32)
    else:
        out[:n] = 0
    img = out[:n].reshape(n, SIDE, SIDE)
    for i in range(n):
        img[i, row0[i]:row0[i] + WIN, col0[i]:col0[i] + WIN] = on[i]
    return out

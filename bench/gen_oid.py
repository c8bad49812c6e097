#!/usr/bin/env python3
"""Writes a synthetic Open Images (V6 layout) dataset of any size, deterministically.

  bench/gen_oid.py OUT [--images N] [--classes C] [--boxes B] [--labels L] [--meta]
                   [--masks FRACTION] [--files] [--scale S] [--shuffle] [--v7-points N] [--seed SEED]
                   [--layout datum|google] [--workers N]

A stand-in with the same options as the shared tools/gen_oid.py named by the benchmark issues
(that tool is not in ../shared here): 16-hex-digit ImageIDs, 80/10/10 train/validation/test,
about B boxes and L image labels per image (Poisson-like spread), `--meta` writes images.meta,
`--files` writes solid-grey PNG images (sizes readable from their headers), `--masks`
gives that fraction of boxes a mask PNG, `--shuffle` shuffles the rows of every annotation file
(Google's files are sorted by ImageID). `--v7-points N` adds exactly N point labels in Google's
V7 layout: oidv7-{train,val,test}-annotations-point-labels.csv (ImageId with a lower-case d, the
validation split named val, rows sorted by ImageId, written as they are made so that memory stays
flat at any N) and names the class descriptions oidv7-class-descriptions.csv. Standard library only.
"""
import argparse
import os
import random
import struct
import zlib

BOX_HEADER = "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,IsDepiction,IsInside"
POINT_HEADER = "ImageId,X,Y,Label,EstimatedYesNo,Source,YesVotes,NoVotes,UnsureVotes,TextLabel"
POINT_SPLITS = {"train": "train", "validation": "val", "test": "test"}
MASK_HEADER = "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks"


def png(width, height, pixel_rows):
    raw = b"".join(b"\x00" + bytes(r) for r in pixel_rows)
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def shuffled_keeping_each_image_in_order(lines, rng, id_column):
    """The rows in random positions, except that each image's rows keep their relative order: the
    file is no longer sorted by ImageID, yet the item's annotation order (file order) is the same,
    so the conversion must give the same output as for the sorted file."""
    order = list(range(len(lines)))
    rng.shuffle(order)
    ids = [line.split(",")[id_column] for line in lines]
    queues = {}
    for i, line in enumerate(lines):
        queues.setdefault(ids[i], []).append(line)
    for q in queues.values():
        q.reverse()
    return [queues[ids[i]].pop() for i in order]


def spread(rng, mean):
    return max(0, int(rng.expovariate(1 / mean) + 0.5)) if mean > 0 else 0


def write_points(ann, ids, subsets, classes, total, rng):
    """Exactly total point labels spread evenly over the images (image k gets the difference of
    floor((k+1)N/I) and floor(kN/I)), each subset's file in ImageId order."""
    files = {}
    try:
        for s, split in POINT_SPLITS.items():
            files[s] = open(os.path.join(ann, "oidv7-%s-annotations-point-labels.csv" % split), "w", newline="")
            files[s].write(POINT_HEADER + "\r\n")
        n = len(ids)
        for k, i in enumerate(ids):
            out = files[subsets[i]]
            for _ in range((k + 1) * total // n - k * total // n):
                estimate = rng.choice(("yes", "yes", "no", "unsure"))
                votes = (rng.randint(0, 3), rng.randint(0, 3), rng.randint(0, 1))
                text = rng.choice(("", "", "", "left wing", "\"red, shiny\""))
                out.write("%s,%r,%r,%s,%s,%s,%d,%d,%d,%s\r\n" % (
                    i, round(rng.random(), 6), round(rng.random(), 6), rng.choice(classes), estimate,
                    rng.choice(("ih", "cc")), votes[0], votes[1], votes[2], text))
    finally:
        for f in files.values():
            f.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--images", type=int, default=10000)
    ap.add_argument("--classes", type=int, default=600)
    ap.add_argument("--boxes", type=float, default=7)
    ap.add_argument("--labels", type=float, default=5)
    ap.add_argument("--meta", action="store_true")
    ap.add_argument("--masks", type=float, default=0.0)
    ap.add_argument("--files", action="store_true")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--shuffle", action="store_true")
    ap.add_argument("--v7-points", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--layout", choices=("datum", "google"), default="datum",
                    help="google: Google's own V6 file names, columns and ratios (bench/oid_google.py)")
    ap.add_argument("--workers", type=int, default=2, help="processes for --layout google")
    a = ap.parse_args()
    if a.layout == "google":
        import oid_google
        oid_google.write(a.out, a.images, a.seed, a.meta, a.shuffle, a.workers)
        return
    rng = random.Random(a.seed)
    ann = os.path.join(a.out, "annotations")
    os.makedirs(ann, exist_ok=True)
    classes = ["/m/%05x" % (0x1000 + i) for i in range(a.classes)]
    release = "oidv7" if a.v7_points else "oidv6"
    with open(os.path.join(ann, release + "-class-descriptions.csv"), "w", newline="") as f:
        f.write("LabelName,DisplayName\r\n")
        for i, c in enumerate(classes):
            f.write("%s,Class %d\r\n" % (c, i))
    ids = sorted("%016x" % rng.getrandbits(64) for _ in range(a.images))
    subsets = {}
    for i in ids:
        r = rng.random()
        subsets[i] = "train" if r < 0.8 else ("validation" if r < 0.9 else "test")
    with open(os.path.join(ann, "image_ids_and_rotation.csv"), "w", newline="") as f:
        f.write("ImageID,Subset,OriginalURL,OriginalLandingURL,License,AuthorProfileURL,Author,Title,OriginalSize,OriginalMD5,Thumbnail300KURL,Rotation\r\n")
        for i in ids:
            f.write("%s,%s,,,,,,,,,,0\r\n" % (i, subsets[i]))
    sizes = {i: (max(4, int(rng.randint(300, 1024) * a.scale)), max(4, int(rng.randint(300, 1024) * a.scale))) for i in ids}
    rows = {s: {"labels": [], "boxes": [], "masks": []} for s in ("train", "validation", "test")}
    for i in ids:
        s = subsets[i]
        for _ in range(spread(rng, a.labels)):
            rows[s]["labels"].append("%s,verification,%s,%d" % (i, rng.choice(classes), rng.random() < 0.8))
        for n in range(spread(rng, a.boxes)):
            label = rng.choice(classes)
            x0, x1 = sorted(round(rng.random(), 6) for _ in range(2))
            y0, y1 = sorted(round(rng.random(), 6) for _ in range(2))
            flags = ",".join(str(rng.choice((-1, 0, 1))) for _ in range(5))
            rows[s]["boxes"].append("%s,xclick,%s,1,%r,%r,%r,%r,%s" % (i, label, x0, x1, y0, y1, flags))
            if a.masks and rng.random() < a.masks:
                box_id = "%08x" % n
                path = "%s_%s_%s.png" % (i, label.replace("/", ""), box_id)
                rows[s]["masks"].append("%s,%s,%s,%s,%r,%r,%r,%r,%r," % (path, i, label, box_id, x0, x1, y0, y1,
                                                                         round(rng.random(), 2)))
                mdir = os.path.join(a.out, "masks", s)
                os.makedirs(mdir, exist_ok=True)
                w, h = max(1, sizes[i][0] // 4), max(1, sizes[i][1] // 4)
                with open(os.path.join(mdir, path), "wb") as f:
                    f.write(png(w, h, [[255 if int(x0 * w) <= x <= int(x1 * w) else 0 for x in range(w)] for _ in range(h)]))
    for s, kinds in rows.items():
        prefix = "oidv6-train" if s == "train" else s
        for kind, header, suffix in (("labels", "ImageID,Source,LabelName,Confidence", "annotations-human-imagelabels"),
                                     ("boxes", BOX_HEADER, "annotations-bbox"),
                                     ("masks", MASK_HEADER, "annotations-object-segmentation")):
            lines = kinds[kind]
            if not lines:
                continue
            if a.shuffle:
                lines = shuffled_keeping_each_image_in_order(lines, rng, 1 if kind == "masks" else 0)
            name = ("%s-%s.csv" % (prefix, suffix)) if kind != "masks" else ("%s-%s.csv" % (s, suffix))
            with open(os.path.join(ann, name), "w", newline="") as f:
                f.write(header + "\r\n")
                for line in lines:
                    f.write(line + "\r\n")
    if a.v7_points:
        write_points(ann, ids, subsets, classes, a.v7_points, random.Random(a.seed + 7))
    if a.meta:
        with open(os.path.join(ann, "images.meta"), "w") as f:
            f.write("# <image name> <height> <width>\n\n")
            for i in ids:
                f.write("%s %d %d\n" % (i, sizes[i][1], sizes[i][0]))
    if a.files:
        for i in ids:
            d = os.path.join(a.out, "images", subsets[i])
            os.makedirs(d, exist_ok=True)
            w, h = sizes[i]
            shade = int(i[:2], 16)
            with open(os.path.join(d, i + ".png"), "wb") as f:
                f.write(png(w, h, [[shade] * w] * h))


if __name__ == "__main__":
    main()

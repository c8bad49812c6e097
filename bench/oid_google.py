"""Google's own Open Images V6 layout, for `bench/gen_oid.py OUT --layout google`.

The default layout of gen_oid.py is kind to a reader: 13-column boxes, empty URL columns, 600
classes, labels and boxes on every image. Google's V6 download is not, and this writes its shape
(figures for the full train split, `--images 9011219`; every count scales with --images, the number
of described train images):

  annotations/oidv6-class-descriptions.csv                 19,957 classes, header LabelName,DisplayName
  annotations/class-descriptions-boxable.csv               the 600 boxable ones, no header
  annotations/bbox_labels_600_hierarchy.json               a tree over the boxable classes
  annotations/oidv6-train-images-with-labels-with-rotation.csv   12 columns, Flickr URLs, authors and
                                                           titles (commas, quotes, non-ASCII), MD5s
  annotations/{validation,test}-images-with-rotation.csv   the same columns (0.46 % and 1.39 % of train)
  annotations/oidv6-train-annotations-human-imagelabels.csv  about 6.4 per described image
                                                           (verification / crowdsource-verification,
                                                           Confidence 0 or 1; 14.3 for validation/test)
  annotations/oidv6-train-annotations-bbox.csv             21 columns (XClick1X ... XClick4Y), 8.4 boxes on
                                                           19.3 % of the images, six decimals, activemil
                                                           rows with -1 clicks
  annotations/{validation,test}-annotations-bbox.csv       13 columns, every image boxable
  annotations/{train,validation,test}-annotations-object-segmentation.csv
                                                           masks of 18.4 % of the train boxes (8 % / 11 %),
                                                           Clicks as `x y b;...` triples, rows in no
                                                           particular order (as Google ships them), and
                                                           no mask PNGs
  annotations/images.meta                                  with --meta

Every file but the masks is sorted by ImageID, as Google's are. --shuffle puts the rows of every
annotation file in random order, each image's rows keeping their relative order (so a conversion
gives the same output as from the sorted files).

Deterministic for a given --seed whatever the number of worker processes: the images are made in
chunks of fixed size, each from its own random generator, by up to two processes; the chunks'
parts are then joined in order. Standard library only.
"""
import base64
import json
import os
import random
import shutil
import tempfile
from multiprocessing import Pool

FULL_TRAIN = 9011219
VALIDATION_SHARE = 41620 / FULL_TRAIN
TEST_SHARE = 125436 / FULL_TRAIN
CLASSES = 19957
BOXABLE = 600
CHUNK = 50000
BUCKETS = 64

DESCRIPTION_HEADER = ("ImageID,Subset,OriginalURL,OriginalLandingURL,License,AuthorProfileURL,Author,Title,"
                      "OriginalSize,OriginalMD5,Thumbnail300KURL,Rotation")
LABEL_HEADER = "ImageID,Source,LabelName,Confidence"
BOX_HEADER = "ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,IsDepiction,IsInside"
CLICK_HEADER = ",XClick1X,XClick2X,XClick3X,XClick4X,XClick1Y,XClick2Y,XClick3Y,XClick4Y"
MASK_HEADER = "MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks"

# per subset: labels drawn per image (the boxes' classes come on top: 6.4 and 14.3 in all), boxable share, boxes per boxable image, masks per box
SHAPE = {"train": (5.8, 0.193, 8.4, 0.184), "validation": (13.6, 1.0, 7.3, 0.081), "test": (13.6, 1.0, 7.5, 0.107)}
FILES = {  # (subset, kind) -> file name
    ("train", "descriptions"): "oidv6-train-images-with-labels-with-rotation.csv",
    ("train", "labels"): "oidv6-train-annotations-human-imagelabels.csv",
    ("train", "boxes"): "oidv6-train-annotations-bbox.csv",
    ("train", "masks"): "train-annotations-object-segmentation.csv",
}
for _s in ("validation", "test"):
    FILES[(_s, "descriptions")] = _s + "-images-with-rotation.csv"
    FILES[(_s, "labels")] = _s + "-annotations-human-imagelabels.csv"
    FILES[(_s, "boxes")] = _s + "-annotations-bbox.csv"
    FILES[(_s, "masks")] = _s + "-annotations-object-segmentation.csv"

FREEBASE = "0123456789bcdfghjklmnpqrstvwxyz_"
WORDS = ("Dog", "Cat", "Tortoise", "Container", "Magpie", "Sea turtle", "Football", "Ambulance", "Ladder",
         "Toothbrush", "Syringe", "Sink", "Toy", "Organ", "Apple", "Human eye", "Cosmetics", "Paddle", "Snowman",
         "Beer", "Chopsticks", "Human beard", "Bird", "Parking meter", "Traffic light", "Croissant", "Cucumber",
         "Radish", "Towel", "Doll", "Skull", "Washing machine", "Glove", "Tick", "Belt", "Sunglasses", "Banjo",
         "Cart", "Ball", "Backpack", "Bicycle", "Home appliance", "Centipede", "Boat", "Surfboard", "Boot",
         "Headphones", "Hot dog", "Shorts", "Fast food", "Bus", "Boy", "Screwdriver", "Bicycle wheel", "Barge",
         "Laptop", "Miniskirt", "Drill (Tool)", "Dress", "Bear", "Waffle", "Pancake", "Brown bear", "Woodpecker",
         "Blue jay", "Pretzel", "Bagel", "Tower", "Teapot", "Person", "Bow and arrow", "Swimwear", "Beehive",
         "Brassiere", "Bee", "Bat (Animal)", "Starfish", "Popcorn", "Burrito", "Chainsaw", "Balloon", "Wrench",
         "Tent", "Land vehicle")
ODD_NAMES = ("Jalapeño", "Crème brûlée", "Piñata", "Café au lait", "Smörgåsbord", "Tofu (food)",
             "Ground \"squirrel\"", "Salt, table", "Bird's nest", "Mille-feuille", "Dango (団子)")
AUTHORS = ("Michael Beat", "Karen", "José Luis Hernández", "Øystein Stuhaug", "Zoë", "李小龍", "Jean-François",
           "Mr. \"T\" Photography", "Smith, John", "Ана Петрова", "dave", "Ángel", "photo_lover_77", "Müller")
TITLES = ("Three boys on a hill", "...die FNF-Kerze", "IMG_4021", "Paris, je t'aime", "\"Untitled\"",
          "Sunset at the beach, Malibu", "Café del Mar", "Лето 2009", "北京 2008", "DSC00231.JPG",
          "my dog \"Rex\", asleep", "Ballon d'Or", "", "Zürich – Hauptbahnhof", "Tom's 3rd birthday, 2007")
LICENSES = ("https://creativecommons.org/licenses/by/2.0/", "https://creativecommons.org/licenses/by-sa/2.0/",
            "https://creativecommons.org/licenses/by-nd/2.0/", "https://creativecommons.org/licenses/by-nc/2.0/")


def csv_cell(text):
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def six(value):
    """Google's six-decimal coordinate, trailing zeros kept: 0.012500."""
    return "%.6f" % value


def short(value, places):
    """A coordinate as the segmentation file writes it: rounded, trailing zeros dropped (0.8875)."""
    text = ("%." + str(places) + "f") % value
    text = text.rstrip("0")
    return text + "0" if text.endswith(".") else text


def class_list(seed):
    rng = random.Random(seed * 7919 + 1)
    mids, seen = [], set()
    while len(mids) < CLASSES - 1:
        mid = "/m/0" + "".join(rng.choice(FREEBASE) for _ in range(rng.choice((4, 4, 5, 6))))
        if mid not in seen and mid != "/m/0bl9f":
            seen.add(mid)
            mids.append(mid)
    mids.sort()
    names = []
    for i in range(len(mids)):
        r = rng.random()
        if r < 0.02:
            names.append(rng.choice(ODD_NAMES))
        elif r < 0.5:
            names.append(rng.choice(WORDS))
        else:
            names.append(rng.choice(WORDS) + " " + rng.choice(WORDS).lower())
    boxable = sorted(rng.sample(range(len(mids)), BOXABLE - 1))
    return ["/m/0bl9f"] + mids, ["Entity"] + names, ["/m/0bl9f"] + [mids[i] for i in boxable]


def hierarchy(boxable, seed):
    """Entity over 20 groups over the rest; some groups' members have parts, as Google's tree does."""
    rng = random.Random(seed * 31 + 3)
    groups, rest = boxable[1:21], boxable[21:]
    nodes = {g: {"LabelName": g} for g in groups}
    for i, mid in enumerate(rest):
        parent = nodes[groups[i % len(groups)]]
        child = {"LabelName": mid}
        key = "Part" if rng.random() < 0.05 else "Subcategory"
        parent.setdefault(key, []).append(child)
    return {"LabelName": "/m/0bl9f", "Subcategory": [nodes[g] for g in groups]}


def image_count(images):
    return {"train": images, "validation": max(1, round(images * VALIDATION_SHARE)),
            "test": max(1, round(images * TEST_SHARE))}


def make_chunk(job):
    """Writes one chunk's rows of every file into parts/<chunk>-<file>; returns nothing."""
    seed, parts, chunk, subset, first, count, mids, boxable, meta = job
    rng = random.Random((seed * 1000003 + chunk) * 4 + ("train", "validation", "test").index(subset))
    label_mean, boxable_share, box_mean, mask_share = SHAPE[subset]
    clicks = subset == "train"
    # ImageIDs: 64-bit hex, increasing with the image's index in its subset, so every file is sorted
    stride = (1 << 64) // max(1, image_count_total[subset])
    spread_bits = max(1, stride.bit_length() - 1)
    out = {kind: [] for kind in ("descriptions", "labels", "boxes", "masks", "meta")}
    n_mids = len(mids)
    for k in range(first, first + count):
        iid = "%016x" % (k * stride + rng.getrandbits(spread_bits) % stride)
        photo = rng.randrange(10 ** 9, 6 * 10 ** 10)
        server = rng.randrange(1, 9999)
        farm = rng.randrange(1, 10)
        secret = "%010x" % rng.getrandbits(40)
        user = rng.choice(AUTHORS)
        handle = "".join(c for c in user.lower().replace(" ", "-") if c.isascii() and (c.isalnum() or c == "-")) or "user"
        r = rng.random()
        rotation = "0.0" if r < 0.9 else ("" if r < 0.97 else rng.choice(("90.0", "180.0", "270.0")))
        thumb = "" if rng.random() < 0.05 else "https://c%d.staticflickr.com/%d/%d/%d_%010x_z.jpg%s" % (
            rng.randrange(1, 9), farm, server, photo, rng.getrandbits(40), "?zz=1" if rng.random() < 0.3 else "")
        md5 = base64.b64encode(rng.getrandbits(128).to_bytes(16, "big")).decode()
        out["descriptions"].append(
            "%s,%s,https://farm%d.staticflickr.com/%d/%d_%s_o.jpg,https://www.flickr.com/photos/%s/%d,%s,"
            "https://www.flickr.com/people/%s/,%s,%s,%d,%s,%s,%s\n" % (
                iid, subset, farm, server, photo, secret, handle, photo, rng.choice(LICENSES), handle,
                csv_cell(user), csv_cell(rng.choice(TITLES)), rng.randrange(20000, 9000000), md5, thumb, rotation))
        if meta:
            out["meta"].append("%s %d %d\n" % (iid, rng.choice((768, 683, 1024, 575)), rng.choice((1024, 1024, 768))))
        box_classes = []
        if rng.random() < boxable_share:
            for _ in range(1 + int(rng.random() * (2 * box_mean - 1))):
                label = boxable[1 + int((BOXABLE - 1) * rng.random() ** 2)]
                box_classes.append(label)
                x0, x1 = sorted((rng.random(), rng.random()))
                y0, y1 = sorted((rng.random(), rng.random()))
                x0, x1, y0, y1 = six(x0), six(x1), six(y0), six(y1)
                active = clicks and rng.random() < 0.12
                flags = "%d,%d,%d,%d,%d" % (rng.random() < 0.6, rng.random() < 0.3, rng.random() < 0.05,
                                            rng.random() < 0.05, rng.random() < 0.03)
                row = "%s,%s,%s,1,%s,%s,%s,%s,%s" % (iid, "activemil" if active else "xclick", label, x0, x1, y0, y1, flags)
                if clicks:
                    if active:
                        row += ",-1.000000" * 8
                    else:
                        row += ",%s,%s,%s,%s,%s,%s,%s,%s" % (six(rng.uniform(float(x0), float(x1))), x0, x1,
                                                             six(rng.uniform(float(x0), float(x1))), y0,
                                                             six(rng.uniform(float(y0), float(y1))),
                                                             six(rng.uniform(float(y0), float(y1))), y1)
                out["boxes"].append(row + "\n")
                if rng.random() < mask_share:
                    box_id = "%08x" % rng.getrandbits(32)
                    points = ";".join("%.5f %.5f %d" % (rng.uniform(float(x0), float(x1)), rng.uniform(float(y0), float(y1)),
                                                        rng.random() < 0.5) for _ in range(rng.randrange(8, 15)))
                    out["masks"].append("%s_%s_%s.png,%s,%s,%s,%s,%s,%s,%s,%s,%s\n" % (
                        iid, label.replace("/", ""), box_id, iid, label, box_id, short(float(x0), 6),
                        short(float(x1), 6), short(float(y0), 6), short(float(y1), 6), short(rng.random(), 5), points))
        labels = sorted(set(box_classes))
        for _ in range(int(rng.random() * 2 * label_mean + 0.5) - len(labels)):
            labels.append(mids[int(n_mids * rng.random() ** 3)])
        for label in labels:
            source = "crowdsource-verification" if rng.random() < 0.3 else "verification"
            confidence = 1 if label in box_classes or rng.random() < 0.7 else 0
            out["labels"].append("%s,%s,%s,%d\n" % (iid, source, label, confidence))
    for kind, lines in out.items():
        with open(os.path.join(parts, "%05d-%s-%s" % (chunk, subset, kind)), "w", encoding="utf-8", newline="") as f:
            f.writelines(lines)


image_count_total = {}


def _init(counts):
    image_count_total.update(counts)


def join(parts, names, target, header):
    with open(target, "wb") as out:
        if header:
            out.write((header + "\n").encode())
        for name in names:
            with open(os.path.join(parts, name), "rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)


def shuffle_file(path, seed, id_column, header_lines):
    """Rows in random positions, each image's rows keeping their order: rows go to BUCKETS files
    (an image's rows to buckets in ascending order), each bucket is shuffled in memory with each
    image's rows put back in their order, and the buckets are joined. Memory: one bucket."""
    rng = random.Random(seed)
    folder = tempfile.mkdtemp(dir=os.path.dirname(path))
    buckets = [open(os.path.join(folder, "%02d" % b), "w", encoding="utf-8", newline="") for b in range(BUCKETS)]
    with open(path, encoding="utf-8", newline="") as f:
        head = [f.readline() for _ in range(header_lines)]
        group, group_id = [], None
        for line in f:
            image = line.split(",", id_column + 1)[id_column]
            if image != group_id and group:
                for b, row in zip(sorted(rng.randrange(BUCKETS) for _ in group), group):
                    buckets[b].write(row)
                group = []
            group_id = image
            group.append(line)
        for b, row in zip(sorted(rng.randrange(BUCKETS) for _ in group), group):
            buckets[b].write(row)
    for b in buckets:
        b.close()
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.writelines(head)
        for b in range(BUCKETS):
            with open(os.path.join(folder, "%02d" % b), encoding="utf-8", newline="") as f:
                lines = f.readlines()
            order = list(range(len(lines)))
            rng.shuffle(order)
            ids = [line.split(",", id_column + 1)[id_column] for line in lines]
            queues = {}
            for i, line in enumerate(lines):
                queues.setdefault(ids[i], []).append(line)
            for q in queues.values():
                q.reverse()
            out.writelines(queues[ids[i]].pop() for i in order)
    shutil.rmtree(folder)


def write(out, images, seed=1, meta=False, shuffle=False, workers=2):
    ann = os.path.join(out, "annotations")
    os.makedirs(ann, exist_ok=True)
    mids, names, boxable = class_list(seed)
    with open(os.path.join(ann, "oidv6-class-descriptions.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("LabelName,DisplayName\n")
        f.writelines("%s,%s\n" % (m, csv_cell(n)) for m, n in zip(mids, names))
    display = dict(zip(mids, names))
    with open(os.path.join(ann, "class-descriptions-boxable.csv"), "w", encoding="utf-8", newline="") as f:
        f.writelines("%s,%s\n" % (m, csv_cell(display[m])) for m in sorted(boxable))
    with open(os.path.join(ann, "bbox_labels_600_hierarchy.json"), "w", encoding="utf-8") as f:
        json.dump(hierarchy(boxable, seed), f, indent=4)
    counts = image_count(images)
    parts = tempfile.mkdtemp(prefix=".parts-", dir=out)
    jobs, chunk = [], 0
    for subset in ("train", "validation", "test"):
        for first in range(0, counts[subset], CHUNK):
            jobs.append((seed, parts, chunk, subset, first, min(CHUNK, counts[subset] - first), mids, boxable, meta))
            chunk += 1
    if workers > 1:
        with Pool(workers, initializer=_init, initargs=(counts,)) as pool:
            for _ in pool.imap_unordered(make_chunk, jobs):
                pass
    else:
        _init(counts)
        for job in jobs:
            make_chunk(job)
    for subset in ("train", "validation", "test"):
        names = sorted(n for n in os.listdir(parts) if n.split("-")[1] == subset)
        for kind in ("descriptions", "labels", "boxes", "masks"):
            header = {"descriptions": DESCRIPTION_HEADER, "labels": LABEL_HEADER, "masks": MASK_HEADER,
                      "boxes": BOX_HEADER + (CLICK_HEADER if subset == "train" else "")}[kind]
            target = os.path.join(ann, FILES[(subset, kind)])
            join(parts, [n for n in names if n.endswith("-" + kind)], target, header)
            if kind == "masks" or (shuffle and kind != "descriptions"):
                shuffle_file(target, seed * 101 + hash_name(FILES[(subset, kind)]), 1 if kind == "masks" else 0, 1)
    if meta:
        names = sorted(os.listdir(parts))
        with open(os.path.join(ann, "images.meta"), "wb") as f:
            f.write(b"# <image name> <height> <width>\n\n")
        with open(os.path.join(ann, "images.meta"), "ab") as f:
            for name in [n for n in names if n.endswith("-meta")]:
                with open(os.path.join(parts, name), "rb") as part:
                    shutil.copyfileobj(part, f, 1 << 20)
    shutil.rmtree(parts)


def hash_name(name):
    """A stable number for a file name (Python's hash() of a str changes from run to run)."""
    value = 0
    for c in name.encode():
        value = (value * 131 + c) % (1 << 31)
    return value

#!/usr/bin/python3
"""Checks that every sample design and every frozen version 1 design conforms
to data/hairline-design.schema.json and that the schema refuses what the
loader refuses (a few representative invalid designs). Uses Debian's python3-jsonschema (Draft 2020-12)."""
import copy
import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("1..0 # SKIP python3-jsonschema is not installed")
    sys.exit(0)

top = os.environ.get("HL_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
schema = json.load(open(os.path.join(top, "data", "hairline-design.schema.json"), encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)

samples = sorted(glob.glob(os.path.join(top, "data", "samples", "*.json")))
results = []

for path in samples:
    errors = [e.message for e in validator.iter_errors(json.load(open(path, encoding="utf-8")))]
    results.append((not errors, "sample conforms: " + os.path.basename(path) + ("" if not errors else " — " + errors[0])))

base = json.load(open(samples[0], encoding="utf-8"))

def broken(description, change):
    doc = copy.deepcopy(base)
    change(doc)
    ok = not validator.is_valid(doc)
    results.append((ok, "schema refuses " + description))

broken("a density given as text", lambda d: d["views"][0]["zones"][0].__setitem__("density", "lots"))
broken("a density above 400", lambda d: d["views"][0]["zones"][0].__setitem__("density", 401))
broken("a missing boundary", lambda d: d["views"][0]["zones"][0].pop("boundary"))
broken("an unknown landmark", lambda d: d["views"][0]["landmarks"].__setitem__("chin", [1, 2]))
broken("a bad colour", lambda d: d["views"][0]["zones"][0].__setitem__("shade", "black"))
broken("a newer version", lambda d: d.__setitem__("version", 5))
broken("a head breadth out of range", lambda d: d.__setitem__("head", {"breadth_mm": 300, "length_mm": 200, "height_mm": 125}))
broken("a head without its height", lambda d: d.__setitem__("head", {"breadth_mm": 152, "length_mm": 200}))
broken("a zone on the head in a view without a pose", lambda d: (d["views"][0].pop("pose", None), d["views"][0]["zones"][0].__setitem__("on_head", True)))
broken("an on_head that is not a boolean", lambda d: d["views"][0]["zones"][0].__setitem__("on_head", 1))
broken("a pitch out of range", lambda d: d["views"][0].__setitem__("pose", {"yaw_deg": 0, "pitch_deg": 120, "scale": 10, "centre_x": 0, "centre_y": 0}))
broken("a pose with an unknown key", lambda d: d["views"][0].__setitem__("pose", {"yaw_deg": 0, "pitch_deg": 0, "scale": 10, "centre_x": 0, "centre_y": 0, "tilt": 1}))
broken("a three-number point", lambda d: d["views"][0]["hairline"].__setitem__(0, [1, 2, 3]))
broken("an unknown key in a session", lambda d: d["views"][0]["zones"][0]["sessions"][0].__setitem__("x", 1))
broken("no views", lambda d: d.__setitem__("views", []))
broken("a corner index out of range", lambda d: d["views"][0]["zones"][0].__setitem__("boundary_corners", [0, 4096]))
broken("a negative corner index", lambda d: d["views"][0].__setitem__("hairline_corners", [-1, 2]))
broken("an unknown head chart", lambda d: d["views"][0].__setitem__("photo", {"chart": "side", "width": 2400, "height": 3000}))
broken("a head chart with a path", lambda d: d["views"][0].__setitem__("photo", {"chart": "front", "path": "a.png", "width": 2400, "height": 3000}))
broken("a photo with neither path nor chart", lambda d: d["views"][0].__setitem__("photo", {"width": 2400, "height": 3000}))
broken("corners that are not an array", lambda d: d["views"][0]["zones"][0].__setitem__("boundary_corners", 3))
broken("a corner index that is not an integer", lambda d: d["views"][0].__setitem__("hairline_corners", [1.5]))
broken("a repeated corner index", lambda d: d["views"][0]["zones"][0].__setitem__("boundary_corners", [2, 2]))

# Version 1 files, frozen as this build's predecessor wrote them, still conform.
for path in sorted(glob.glob(os.path.join(top, "tests", "data", "v1", "*.json"))):
    errors = [e.message for e in validator.iter_errors(json.load(open(path, encoding="utf-8")))]
    results.append((not errors, "version 1 file conforms: " + os.path.basename(path) + ("" if not errors else " — " + errors[0])))

def record(doc):
    doc["version"] = 3
    doc["client_details"] = {"age": 41, "fitzpatrick": "III", "hair_colour": "#2a211c", "consent_date": "2026-10-01"}
    doc["records"] = [{"session": 1, "date": "2026-10-02", "duration_min": 150, "needle": "3RL", "dilution": "1:3",
                       "zones": ["Frontal band"],
                       "photos": [{"path": "p.jpg", "width": 10, "height": 10, "view": doc["views"][0]["name"],
                                   "alignment": {"pairs": [{"photo": [0, 0], "view": [1, 1]}, {"photo": [5, 0], "view": [6, 1]}]}}]}]
    return doc

recorded = record(copy.deepcopy(base))
results.append((validator.is_valid(recorded), "schema accepts a treatment record"))

def broken_record(description, change):
    doc = record(copy.deepcopy(base))
    change(doc)
    results.append((not validator.is_valid(doc), "schema refuses " + description))

broken_record("a record without its session", lambda d: d["records"][0].pop("session"))
broken_record("a record of session 5", lambda d: d["records"][0].__setitem__("session", 5))
broken_record("a negative duration", lambda d: d["records"][0].__setitem__("duration_min", -5))
broken_record("a dilution that is not two numbers", lambda d: d["records"][0].__setitem__("dilution", "1:3:4"))
broken_record("a date not written YYYY-MM-DD", lambda d: d["records"][0].__setitem__("date", "02/10/2026"))
broken_record("a Fitzpatrick type VII", lambda d: d["client_details"].__setitem__("fitzpatrick", "VII"))
broken_record("a progress photo without a view", lambda d: d["records"][0]["photos"][0].pop("view"))
broken_record("an alignment of one pair", lambda d: d["records"][0]["photos"][0]["alignment"].__setitem__("pairs", [{"photo": [0, 0], "view": [1, 1]}]))

corners = copy.deepcopy(base)
corners["views"][0]["hairline_corners"] = [0, 4]
results.append((validator.is_valid(corners), "schema accepts hairline corners"))

chart_sample = [p for p in samples if os.path.basename(p) == "head-chart-consultation.json"]
if chart_sample:
    on_head = json.load(open(chart_sample[0], encoding="utf-8"))
    for zone in on_head["views"][1]["zones"]:
        zone["on_head"] = True
    results.append((validator.is_valid(on_head), "schema accepts zones on the head in views with a pose"))

kept = copy.deepcopy(base)
kept["future_key"] = {"anything": [1, 2]}
kept["views"][0]["zones"][0]["future_zone_key"] = True
results.append((validator.is_valid(kept), "schema accepts unknown keys where the loader keeps them"))

print("1..%d" % len(results))
for i, (ok, text) in enumerate(results, 1):
    print("%s %d %s" % ("ok" if ok else "not ok", i, text))
sys.exit(0 if all(ok for ok, _ in results) else 1)

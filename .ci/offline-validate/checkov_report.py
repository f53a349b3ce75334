"""Summarise checkov's JSON report: one count line per framework, then every failed check and every file
checkov could not parse, so that a CI log says what to fix without checkov's full (passed-checks) listing.

usage: checkov_report.py CHECKOV_JSON RENDER_DIR
Exit code: 0 when nothing failed and everything parsed, 1 otherwise (the 'zero failed checks' rule)."""
import json, os, sys

path, root = sys.argv[1], sys.argv[2]
try:
    with open(path) as fh:
        data = json.load(fh)
except (OSError, ValueError) as e:
    sys.exit(f"checkov wrote no readable JSON report ({e}): see its log above")

# One framework gives an object, several a list; nothing to scan gives a bare summary object.
reports = data if isinstance(data, list) else [data]
bad = 0
for r in reports:
    kind = r.get('check_type', 'checkov')
    s = r.get('summary', r)
    print(f"{kind}: passed {s.get('passed', 0)}, failed {s.get('failed', 0)}, "
          f"skipped {s.get('skipped', 0)}, parsing errors {s.get('parsing_errors', 0)}, "
          f"resources {s.get('resource_count', 0)}")
    res = r.get('results', {})
    for f in res.get('parsing_errors', []):
        print(f"  PARSE ERROR {os.path.relpath(f, root)} (checkov skipped this file)")
        bad += 1
    for c in sorted(res.get('failed_checks', []), key=lambda c: (c.get('file_path', ''), c.get('check_id', ''))):
        lines = c.get('file_line_range') or ['?', '?']
        where = f"{c.get('file_path', '?').lstrip('/')}:{lines[0]}-{lines[1]}"
        print(f"  FAILED {c['check_id']} {c.get('resource', '?')} @ {where}: {c.get('check_name', '')}")
        bad += 1
    if s.get('failed', 0) or s.get('parsing_errors', 0):
        bad = bad or 1
sys.exit(1 if bad else 0)

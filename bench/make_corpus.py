#!/usr/bin/env python3
"""Writes a synthetic corpus of statements for `make bench`, in the published shape of
the sample (title line, category, date stamp, lead, 内容は以下の通り。, inner title,
preamble, sections of numbered paragraphs, page chrome).

Deterministic: the same --seed, count and inputs give byte-identical files. Release i
depends only on (seed, i), so the corpus of 50 is the newest 50 of the corpus of 500.

  make_corpus.py --count 500 --out DIR [--seed 1] [--manifest FILE]
  make_corpus.py --count 500 --out DIR --extra     # one more release, newer than all

The text is recombined from the two fixture statements' sentences (split on 。), with
glossary terms (Content/glossary.yml) and topic signals (Content/topics.yml) mixed in
through sentence templates. Python 3 standard library only.
"""
import argparse
import datetime
import hashlib
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
FIXTURES = [
    os.path.join(REPO, "Tests/CommuniqueTests/Fixtures/statements/2024-07-28-japan-us-2plus2.txt"),
    os.path.join(REPO, "Tests/CommuniqueTests/Fixtures/statements/2025-03-21-japan-us-2plus2.txt"),
]
GLOSSARY = os.path.join(REPO, "Content/glossary.yml")
TOPICS = os.path.join(REPO, "Content/topics.yml")

NEWEST = datetime.date(2026, 6, 26)

# --- People (fictional) -------------------------------------------------------------
# (kanji name, reading) for Japanese ministers; (katakana, English) for counterparts.
JP_DEFENCE = [
    ("田中一郎", "たなか・いちろう"), ("山本健太", "やまもと・けんた"), ("中村誠", "なかむら・まこと"),
    ("小林直樹", "こばやし・なおき"), ("加藤正明", "かとう・まさあき"), ("吉田浩二", "よしだ・こうじ"),
    ("山田隆", "やまだ・たかし"), ("佐々木学", "ささき・まなぶ"), ("松本大輔", "まつもと・だいすけ"),
    ("井上修", "いのうえ・おさむ"), ("木村亮", "きむら・りょう"), ("林和也", "はやし・かずや"),
]
JP_FOREIGN = [
    ("佐藤花子", "さとう・はなこ"), ("鈴木恵子", "すずき・けいこ"), ("高橋真理", "たかはし・まり"),
    ("伊藤裕子", "いとう・ゆうこ"), ("渡辺明美", "わたなべ・あけみ"), ("山口久美子", "やまぐち・くみこ"),
    ("森田聡", "もりた・さとし"), ("清水陽一", "しみず・よういち"), ("池田和子", "いけだ・かずこ"),
    ("橋本徹也", "はしもと・てつや"), ("石川美穂", "いしかわ・みほ"), ("前田純一", "まえだ・じゅんいち"),
]
COUNTERPARTS = {
    # country key: (short 米/豪/英/比, country name in titles, defence title, foreign title,
    #               English defence title, English foreign title, defence people, foreign people)
    "us": ("米", "米国", "国防長官", "国務長官",
           "Secretary of Defense of the United States of America",
           "Secretary of State of the United States of America",
           [("ジェーン・ミラー", "Jane Miller"), ("ウィリアム・ムーア", "William Moore"),
            ("リチャード・アンダーソン", "Richard Anderson"), ("トーマス・ジャクソン", "Thomas Jackson"),
            ("ポール・ホワイト", "Paul White"), ("スティーブン・ハリス", "Steven Harris")],
           [("ジョン・スミス", "John Smith"), ("ロバート・ジョンソン", "Robert Johnson"),
            ("マイケル・ブラウン", "Michael Brown"), ("デビッド・ウィルソン", "David Wilson"),
            ("ジェームズ・テイラー", "James Taylor"), ("ケネス・ウォーカー", "Kenneth Walker")]),
    "au": ("豪", "豪州", "国防大臣", "外務大臣",
           "Minister of Defence of Australia", "Minister for Foreign Affairs of Australia",
           [("ピーター・ハリソン", "Peter Harrison"), ("アンドリュー・キング", "Andrew King"),
            ("マーク・ライト", "Mark Wright")],
           [("サラ・マーティン", "Sarah Martin"), ("ルーシー・グリーン", "Lucy Green"),
            ("クレア・ヤング", "Claire Young")]),
    "uk": ("英", "英国", "国防大臣", "外務大臣",
           "Secretary of State for Defence of the United Kingdom",
           "Secretary of State for Foreign, Commonwealth and Development Affairs of the United Kingdom",
           [("エドワード・クラーク", "Edward Clark"), ("ジョージ・ヒル", "George Hill"),
            ("ヘンリー・スコット", "Henry Scott")],
           [("エミリー・ルイス", "Emily Lewis"), ("オリバー・ベイカー", "Oliver Baker"),
            ("ソフィー・アダムズ", "Sophie Adams")]),
    "ph": ("比", "フィリピン", "国防大臣", "外務大臣",
           "Secretary of National Defense of the Philippines", "Secretary of Foreign Affairs of the Philippines",
           [("カルロス・サントス", "Carlos Santos"), ("ミゲル・ガルシア", "Miguel Garcia")],
           [("マリア・レイエス", "Maria Reyes"), ("アナ・クルス", "Ana Cruz")]),
}
PLACES = {
    "us": ["東京", "ワシントンD.C.", "東京", "ホノルル"],
    "au": ["東京", "キャンベラ", "シドニー"],
    "uk": ["東京", "ロンドン"],
    "ph": ["東京", "マニラ"],
}

# --- Meetings -----------------------------------------------------------------------
# key: (name, alias or None, counterpart, four ministers?, weight)
MEETINGS = [
    ("日米安全保障協議委員会", "2+2", "us", True, 35),
    ("日米防衛相会談", None, "us", False, 25),
    ("日豪外務・防衛閣僚協議", "2+2", "au", True, 10),
    ("日英外務・防衛閣僚会合", "2+2", "uk", True, 8),
    ("日比外務・防衛閣僚会合", "2+2", "ph", True, 7),
    ("日豪防衛相会談", None, "au", False, 8),
    ("日英防衛相会談", None, "uk", False, 7),
]
TITLE_ENDINGS = ["を実施", "の開催について", "の結果概要"]

# --- Sections -----------------------------------------------------------------------
# heading: topic ids whose signals its paragraphs favour.
SECTIONS = {
    "総論": ["indo-pacific", "deterrence", "nuclear-extended-deterrence"],
    "地域情勢": ["china", "senkaku-east-china-sea", "taiwan", "south-china-sea", "north-korea", "russia-ukraine",
             "missiles-wmd", "nansei-islands", "regional-affairs"],
    "同盟の現代化": ["command-and-control", "counterstrike", "isr", "exercises", "cross-domain"],
    "米軍の態勢": ["us-forces-japan", "realignment", "okinawa-burden", "futenma-henoko", "incidents-and-accidents"],
    "経済安全保障": ["defense-industry", "technology"],
    "宇宙・サイバー": ["space", "cyber", "information-security", "cross-domain"],
    "防衛装備・技術協力": ["defense-industry", "technology"],
    "多国間協力": ["multilateral", "indo-pacific", "south-china-sea"],
    "在日米軍再編": ["realignment", "okinawa-burden", "futenma-henoko"],
    "同盟の抑止力・対処力": ["deterrence", "command-and-control", "counterstrike", "isr"],
    "拡大抑止": ["nuclear-extended-deterrence", "deterrence", "missiles-wmd"],
    "情報保全": ["information-security", "cyber", "isr"],
    "訓練・演習": ["exercises", "nansei-islands", "cross-domain"],
}
# Sections only a meeting with the United States has.
US_ONLY = {"米軍の態勢", "在日米軍再編", "拡大抑止"}
# How many sections (4–8) and numbered paragraphs (3–12) a release has, weighted so
# that 500 releases make about 2,000–2,500 section pages and about 20,000 paragraphs.
SECTION_COUNT_WEIGHTS = {4: 14, 5: 3, 6: 1, 7: 1, 8: 1}
PARAGRAPH_MODE = 11

TEMPLATES = [
    "{both}は、{w}に関する協力を一層強化していくことで一致しました。",
    "{both}は、{w}をめぐる最近の動向について意見交換を行いました。",
    "{both}は、{w}の重要性を改めて確認しました。",
    "{both}は、{w}に係る二国間の取組の進展を歓迎しました。",
    "日本側から、{w}についての我が国の取組を説明しました。",
    "{other}側は、{w}に関する日本の取組への支持を表明しました。",
    "{both}は、{w}について引き続き緊密に連携していくことを確認しました。",
    "{both}は、{w}と{w2}の双方に関する認識のすり合わせを行いました。",
]
INTROS = [
    "{who}は、{h}について率直な意見交換を行いました。",
    "{who}は、{h}に関する具体的な取組について議論しました。",
    "{who}は、{h}に関する認識のすり合わせを行いました。",
    "{who}は、{h}をめぐる課題と今後の協力の方向性について議論を行いました。",
]
CHROME_ITEMS = [
    "人事発令 4月1日付け、1佐人事", "防衛白書の公表について", "日米共同統合演習「キーンソード」の実施について",
    "防衛省、近年の中国の日本周辺における活動状況をまとめた短い文書を公開", "自衛隊の災害派遣について",
    "防衛大臣記者会見", "令和8年度予算案の概要", "統合幕僚長記者会見", "防衛力整備計画の進捗について",
]
WEEKDAYS = "月火水木金土日"


# --- Inputs -------------------------------------------------------------------------

def read_sentences(paths):
    """Sentences (ending in 。) of the fixtures' numbered paragraphs, sub-items and section
    intros, as (paragraph sentences, sub-item sentences)."""
    sentences, items = [], []
    for path in paths:
        with open(path, encoding="utf-8-sig") as f:
            lines = [line.strip() for line in f]
        for line in lines:
            m = re.match(r"^\((\d+)\)", line)
            if m:
                line = line[m.end():]
            elif not line.startswith(("四閣僚は", "ア ", "イ ")):
                continue
            line = re.sub(r"^[アイ] ", "", line)
            for part in line.split("。"):
                part = part.strip()
                if len(part) < 12 or part.startswith("その上で") or "以下の点" in part:
                    continue
                # `…を深化させること。` is a sub-item, not a sentence of its own.
                (items if part.endswith("こと") else sentences).append(part + "。")
    # Deduplicate, keeping the first occurrence, so the pool does not depend on repeats.
    return list(dict.fromkeys(sentences)), list(dict.fromkeys(items))


def read_glossary_words(path):
    """Terms and aliases of the curated glossary, except people (a tiny reader for its flat YAML)."""
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^- term: *(.+?) *$", line)
            if m:
                entries.append({"words": [unquote(m.group(1))], "category": None})
                continue
            m = re.match(r"^ +aliases: *\[(.*)\] *$", line)
            if m and entries:
                entries[-1]["words"] += [unquote(a) for a in split_flow(m.group(1))]
            m = re.match(r"^ +category: *(\S+)", line)
            if m and entries:
                entries[-1]["category"] = m.group(1)
    return [w for e in entries if e["category"] != "person" for w in e["words"] if w and w != "2+2"]


def read_topic_signals(path):
    """{topic id: [signals]} from topics.yml (a tiny reader for its flat YAML)."""
    topics = {}
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^- id: *(\S+)", line)
            if m:
                current = m.group(1)
                topics[current] = []
                continue
            m = re.match(r"^ +signals: *\[(.*)\] *$", line)
            if m and current:
                topics[current] = [unquote(s) for s in split_flow(m.group(1))]
    return topics


def split_flow(text):
    out, cur, quote = [], "", None
    for ch in text:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            cur += ch
        elif ch == ",":
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def unquote(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        return s[1:-1]
    return s


def japanese_or_acronym(word):
    """Words that read naturally inside Japanese text: Japanese, or an acronym (ISR, DICAS)."""
    if any(ord(c) > 0x2FFF for c in word):
        return True
    return bool(re.fullmatch(r"[A-Z0-9][A-Z0-9\-]+", word))


# --- Dates --------------------------------------------------------------------------

def era_date(d):
    """令和6(2024)年7月28日 (平成 before 1 May 2019; 元 for the first year)."""
    if d >= datetime.date(2019, 5, 1):
        era, year = "令和", d.year - 2018
    else:
        era, year = "平成", d.year - 1988
    y = "元" if year == 1 else str(year)
    return f"{era}{y}({d.year})年{d.month}月{d.day}日({WEEKDAYS[d.weekday()]})"


def meeting_dates(seed, count):
    """Meeting dates, newest first: NEWEST, then 2–9 days earlier each time."""
    rng = random.Random(f"{seed}:dates")
    dates, d = [], NEWEST
    for _ in range(count):
        dates.append(d)
        d -= datetime.timedelta(days=rng.randint(2, 9))
    return dates


# --- One release --------------------------------------------------------------------

class Corpus:
    def __init__(self, seed):
        self.seed = seed
        self.sentences, self.items = read_sentences(FIXTURES)
        # Sentences a meeting without the United States can say (no 米国, 米軍, 日米 …).
        self.neutral = [s for s in self.sentences if not re.search(r"米国|米軍|日米|核を含む", s)]
        self.glossary = [w for w in read_glossary_words(GLOSSARY) if japanese_or_acronym(w)]
        self.topics = {k: [s for s in v if japanese_or_acronym(s)] for k, v in read_topic_signals(TOPICS).items()}
        if not self.sentences or not self.glossary or not self.topics:
            sys.exit("make_corpus.py: could not read sentences, glossary terms or topic signals")

    def release(self, index, date, release_id):
        rng = random.Random(f"{self.seed}:release:{index}")
        name, alias, country, four, _ = rng.choices(MEETINGS, weights=[m[4] for m in MEETINGS])[0]
        short, cname, def_title, for_title, def_en, for_en, def_people, for_people = COUNTERPARTS[country]
        # Ministers change every ~400 days (a cabinet), the same for every release of that time.
        term = (NEWEST - date).days // 400
        jdef = JP_DEFENCE[term % len(JP_DEFENCE)]
        jfor = JP_FOREIGN[(term * 5 + 3) % len(JP_FOREIGN)]
        cdef = def_people[(term + len(country)) % len(def_people)]
        cfor = for_people[(term * 3 + 1) % len(for_people)]
        place = rng.choice(PLACES[country])
        published = date + datetime.timedelta(days=rng.choice([0, 0, 1, 2, 3]))
        stamp = f"{published.year}-{published.month}-{published.day} {rng.randint(9, 19)}:{rng.choice(['00', '10', '15', '30', '45'])}"

        md = f"{date.month}月{date.day}日"
        announced = f"{rng.randint(12, 21)}時{rng.choice(['00', '15', '30', '45'])}分"
        alias_part = f"(「{alias}」)" if alias else ""
        ending = rng.choice(TITLE_ENDINGS)
        title = f"{name}{alias_part}{ending}({md})"
        verb = "開催" if ending == "の開催について" else "実施"
        hour, minute = rng.randint(9, 18), rng.choice(["00", "15", "30", "45"])
        pm = hour >= 12
        clock = f"{'午後' if pm else '午前'}{hour - 12 if pm and hour > 12 else hour}時" + ("" if minute == "00" else f"{minute}分")
        length = f"約1時間{rng.choice([10, 20, 30, 40])}分" if rng.random() < 0.7 else f"約{rng.choice([45, 50])}分"
        meeting_inner = f"{name}(日{short}「{alias}」)" if alias else name
        if four:
            lead = (f"防衛省は{era_date(date)}{announced}、同日、"
                    f"{jdef[0]}({jdef[1]})防衛大臣、{jfor[0]}({jfor[1]})外務大臣、"
                    f"{cdef[0].split('・')[-1]}{def_title}、{cfor[0].split('・')[-1]}{for_title}が、"
                    f"{name}{alias_part}を{place}において{verb}したことを公表した。")
            preamble = (f"{md}{clock}から{length}、{meeting_inner}が開催され、日本側からは、"
                        f"{jfor[0]}外務大臣及び{jdef[0]}防衛大臣が、{short}側からは、"
                        f"{cfor[0]}{cname}{for_title}(The Honorable {cfor[1]}, {for_en})及び"
                        f"{cdef[0]}{cname}{def_title}(The Honorable {cdef[1]}, {def_en})がそれぞれ出席したところ、"
                        f"概要以下のとおりです。")
            who = "四閣僚"
        else:
            lead = (f"防衛省は{era_date(date)}{announced}、同日、"
                    f"{jdef[0]}({jdef[1]})防衛大臣が、{cdef[0].split('・')[-1]}{cname}{def_title}との間で"
                    f"{name}を{place}において{verb}したことを公表した。")
            preamble = (f"{md}{clock}から{length}、{jdef[0]}防衛大臣は、"
                        f"{cdef[0]}{cname}{def_title}(The Honorable {cdef[1]}, {def_en})と"
                        f"{name}を行ったところ、概要以下のとおりです。")
            who = "両大臣"
        inner_title = f"{meeting_inner}(概要)"

        # Sections: 総論 first, then distinct others.
        count = rng.choices(list(SECTION_COUNT_WEIGHTS), weights=list(SECTION_COUNT_WEIGHTS.values()))[0]
        others = [h for h in SECTIONS if h != "総論" and (country == "us" or h not in US_ONLY)]
        headings = ["総論"] + rng.sample(others, min(count - 1, len(others)))

        both = f"日{short}双方"
        sections = []
        lines_out = []
        for heading in headings:
            intro = None
            if heading != "総論" and rng.random() < 0.6:
                intro = rng.choice(INTROS).format(who=who, h=self.phrase(rng, heading))
            n = int(round(rng.triangular(3, 12, PARAGRAPH_MODE)))
            paragraphs, subitems = [], 0
            for k in range(1, n + 1):
                text = self.paragraph(rng, heading, both, short, who)
                sub = []
                if rng.random() < 0.05:
                    text += f"{both}は、以下の点を確認しました。"
                    pool = self.items + self.pool(short)
                    for mark, s in zip("アイウ", rng.sample(pool, rng.randint(2, 3))):
                        sub.append(f"{mark} {self.localise(s, short, who)}")
                paragraphs.append(f"({k}){text}")
                paragraphs += sub
                subitems += len(sub)
            sections.append({"title": heading, "intro": intro is not None, "paragraphs": n, "subitems": subitems})
            lines_out.append(heading)
            if intro:
                lines_out.append(intro)
            lines_out += paragraphs

        chrome = ["Ranking読まれている記事", "- 24時間", "- 1週間", "- 1ヶ月"]
        chrome += ["- " + c for c in rng.sample(CHROME_ITEMS, rng.randint(2, 5))]
        text = "\n".join(
            [title, "- 防衛省関連", stamp, lead, "内容は以下の通り。", inner_title, preamble] + lines_out + chrome) + "\n"
        info = {"id": release_id, "title": title, "date": date.isoformat(), "meeting": name,
                "participants": 4 if four else 2, "sections": sections}
        return text, info

    def pool(self, short):
        return self.sentences if short == "米" or len(self.neutral) < 20 else self.neutral

    @staticmethod
    def localise(sentence, short, who):
        """A sentence of the fixtures (Japan–US, four ministers) said of this meeting."""
        if short != "米":
            sentence = sentence.replace("日米双方", f"日{short}双方").replace("米側", f"{short}側")
        return sentence.replace("四閣僚", who)

    def phrase(self, rng, heading):
        topic = rng.choice(SECTIONS[heading])
        signals = self.topics.get(topic) or [heading]
        return rng.choice([heading, rng.choice(signals)])

    def word(self, rng, heading):
        """A topic signal of the section's topics (mostly), or a glossary term."""
        if rng.random() < 0.65:
            topic = rng.choice(SECTIONS[heading])
            if self.topics.get(topic):
                return rng.choice(self.topics[topic])
        return rng.choice(self.glossary)

    def paragraph(self, rng, heading, both, short, who):
        """One to two recombined sentences, most with a topic signal or glossary term mixed in."""
        parts = [self.localise(s, short, who) for s in rng.sample(self.pool(short), rng.choice([1, 1, 1, 2]))]
        if rng.random() < 0.6:
            t = rng.choice(TEMPLATES)
            w = self.word(rng, heading)
            w2 = self.word(rng, heading)
            parts.insert(rng.randint(0, len(parts)), t.format(both=both, other=short, w=w, w2=w2))
        return "".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of releases")
    ap.add_argument("--out", required=True, help="folder for the statement .txt files")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--manifest", help="write what was generated (sections, paragraph counts) as JSON here")
    ap.add_argument("--extra", action="store_true",
                    help="write only one more release, a week newer than the newest (for the incremental bench)")
    args = ap.parse_args()

    corpus = Corpus(args.seed)
    os.makedirs(args.out, exist_ok=True)
    if args.extra:
        date = NEWEST + datetime.timedelta(days=7)
        jobs = [(args.count, date)]
    else:
        jobs = list(enumerate(meeting_dates(args.seed, args.count)))
    infos = []
    for index, date in jobs:
        release_id = f"{date.isoformat()}-bench-{index:04d}"
        text, info = corpus.release(index, date, release_id)
        with open(os.path.join(args.out, release_id + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        infos.append(info)
    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            json.dump({"seed": args.seed, "count": args.count, "extra": args.extra, "releases": infos},
                      f, ensure_ascii=False, indent=1)
    if not args.extra:
        sections = sum(len(r["sections"]) for r in infos)
        paragraphs = sum(s["paragraphs"] for r in infos for s in r["sections"])
        print(f"make_corpus: {len(infos)} releases, {sections} sections, {paragraphs} numbered paragraphs "
              f"({infos[-1]['date']} … {infos[0]['date']}) in {args.out}")


if __name__ == "__main__":
    main()

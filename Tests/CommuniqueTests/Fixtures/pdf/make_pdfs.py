"""Writes the PDF fixtures for the PDF import tests into the folder given as argument.

    make_pdfs.py OUT

For each statement PDF it also writes, next to it, `<name>.json`: the blocks it drew
(title, date, headings, paragraphs, in order, as the true text without the layout's
line breaks and hyphens), the running header and footer, the page numbers, and which
paragraphs it broke across a page. The tests compare the import against that.

The statements are invented; the text is laid out by hand (fixed lines, a running
header and footer on every page) so the tests know exactly where every break falls.
Needs reportlab (PyPI) and the IPA Gothic font (Debian's fonts-ipafont-gothic).
"""
import json
import os
import re
import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.lib import pdfencrypt
from reportlab import rl_config

# The same input gives the same PDF bytes (no creation date, no random document id).
rl_config.invariant = 1

IPA_GOTHIC = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"
PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 30 * mm
RIGHT = PAGE_WIDTH - 30 * mm
TOP = PAGE_HEIGHT - 40 * mm

# Japanese line-breaking (kinsoku): these never start a line.
NO_LINE_START = set("、。，．）」』】・ー")

JA_BLOCKS = [
    ("title", "日本国政府とアルカディア共和国政府との共同発表"),
    ("date", "令和7年3月1日"),
    ("paragraph", "日本国政府及びアルカディア共和国政府は、令和7年3月1日、東京において第3回の閣僚級協議を開催し、両国間の協力の現状と今後の方向性について幅広く意見交換を行った。双方は、以下のとおり発表する。"),
    ("heading", "１．総論"),
    ("paragraph", "(1) 双方は、法の支配に基づく自由で開かれた国際秩序を維持し強化することの重要性を確認し、あらゆる分野での協力を一層深めていくことで一致した。"),
    ("paragraph", "(2) 双方は、外交関係樹立70周年に当たる本年を「日アルカディア交流年」とし、文化、教育及び観光の各分野において記念事業を実施することを歓迎した。"),
    ("paragraph", "(3) 双方は、首脳及び閣僚の往来を定期化し、外務・防衛当局間の協議（いわゆる「2+2」）を年1回開催することで一致した。また、実務者レベルの対話を通じて、地域の安全保障環境に関する認識のすり合わせを継続することを確認した。"),
    ("heading", "２．経済協力"),
    ("paragraph", "(1) 双方は、重要鉱物のサプライチェーンの強靱化に向けて、探査、精錬及びリサイクルの各段階で共同事業を立ち上げることを決定した。日本側は、国際協力機構（JICA）を通じて技術協力を行う。"),
    ("paragraph", "(2) 双方は、再生可能エネルギー及び水素の分野での協力覚書に署名したことを歓迎し、2030年までに両国の企業による共同投資を倍増させるとの目標を共有した。"),
    ("paragraph", "(3) 双方は、デジタル貿易に関する協定の交渉を年内に開始することで一致し、データの自由な流通と個人情報の保護を両立させる規律の重要性を確認した。"),
    ("paragraph", "(4) 双方は、両国の中小企業の相互進出を後押しするため、商工会議所間の協力枠組みを新たに設けることを歓迎した。"),
    ("heading", "３．地域情勢"),
    ("paragraph", "(1) 双方は、海洋における力による一方的な現状変更の試みに強く反対し、国連海洋法条約に基づく紛争の平和的解決の重要性を改めて確認した。"),
    ("paragraph", "(2) 双方は、地域の人道状況に深い懸念を表明し、国際機関と連携して食料及び医療物資の支援を継続することで一致した。"),
    ("paragraph", "(3) 双方は、軍縮・不拡散の分野で協力し、包括的核実験禁止条約（CTBT）の早期発効に向けて共に取り組むことを確認した。"),
    ("paragraph", "双方は、本協議の成果を踏まえ、次回の協議を令和8年にアルカディア共和国で開催することで一致した。"),
]

EN_BLOCKS = [
    ("title", "Joint Statement by the Governments of Japan and the Republic of Arcadia"),
    ("date", "March 1, 2025"),
    ("paragraph", "The Government of Japan and the Government of the Republic of Arcadia held their third ministerial consultation in Tokyo on March 1, 2025, and reviewed the state of their cooperation and its direction in the years ahead. Both sides announce the following."),
    ("heading", "I. Overview"),
    ("paragraph", "1. Both sides reaffirmed the importance of maintaining and strengthening a free and open international order based on the rule of law, and agreed to deepen their cooperation in every field."),
    ("paragraph", "2. Both sides welcomed the designation of this year, the seventieth anniversary of their diplomatic relations, as the Japan-Arcadia Year of Exchange, with events in culture, education and tourism."),
    ("paragraph", "3. Both sides decided to hold the foreign and defense ministers' consultation (the \"2+2\") once a year, and to continue working-level dialogues on the regional security environment and on the interoperability of their coast guards."),
    ("heading", "II. Economic Cooperation"),
    ("paragraph", "4. Both sides decided to launch joint projects in the exploration, refining and recycling of critical minerals, to make their supply chains more resilient. Japan will provide technical cooperation through the Japan International Cooperation Agency (JICA)."),
    ("paragraph", "5. Both sides welcomed the signing of a memorandum of cooperation on renewable energy and hydrogen, and shared the goal of doubling joint investment by companies of both countries by 2030, with an eye to interoperability of their standards."),
    ("paragraph", "6. Both sides agreed to begin negotiations on an agreement on digital trade within the year, and confirmed the importance of rules that reconcile the free flow of data with the protection of personal information."),
    ("heading", "III. Regional Affairs"),
    ("paragraph", "7. Both sides strongly opposed any unilateral attempt to change the status quo by force at sea, and reaffirmed the importance of the peaceful settlement of disputes in accordance with the United Nations Convention on the Law of the Sea."),
    ("paragraph", "8. Both sides expressed deep concern over the humanitarian situation in the region and agreed to continue providing food and medical supplies together with international organizations, as part of their common rules-based approach to relief."),
    ("paragraph", "Both sides agreed to hold the next consultation in the Republic of Arcadia in 2026."),
]

# Where the English layout splits a word with a hyphen at a line's end (the fixture's
# "hyphenated line end"): the word, and the part that stays on the first line.
EN_HYPHENATIONS = {"interoperability": "inter", "rules-based": "rules-"}


def register_fonts():
    pdfmetrics.registerFont(TTFont("IPAGothic", IPA_GOTHIC))


class Layout:
    """Draws lines top to bottom, starting a page (with header and footer) when full."""

    def __init__(self, path, header, footer, page_number, body_font, size, leading, body_lines):
        self.canvas = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.bottom = TOP - body_lines * leading
        self.header, self.footer, self.page_number = header, footer, page_number
        self.body_font, self.size, self.leading = body_font, size, leading
        self.page = 0
        self.pages_of_block = {}
        self.new_page()

    def new_page(self):
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.y = TOP
        c = self.canvas
        c.setFont(self.body_font, 9)
        c.drawRightString(RIGHT, PAGE_HEIGHT - 15 * mm, self.header)
        c.drawString(LEFT, 12 * mm, self.footer)
        c.drawCentredString(PAGE_WIDTH / 2, 18 * mm, self.page_number(self.page))

    def line(self, text, x, block, font=None, size=None):
        if self.y < self.bottom:
            self.new_page()
        self.canvas.setFont(font or self.body_font, size or self.size)
        self.canvas.drawString(x, self.y, text)
        self.pages_of_block.setdefault(block, set()).add(self.page)
        self.y -= self.leading

    def space(self, points):
        self.y -= points

    def save(self):
        self.canvas.showPage()
        self.canvas.save()
        return self.page


def wrap_japanese(text, font, size, width, first_indent=0):
    """Breaks between any two characters but inside no Latin word or number (as word
    processors do by default), and never before closing punctuation."""
    lines, current = [], ""
    for unit in re.findall(r"[A-Za-z0-9+]+|.", text):
        limit = width - (first_indent if not lines else 0)
        if pdfmetrics.stringWidth(current + unit, font, size) > limit and current and unit not in NO_LINE_START:
            lines.append(current)
            current = ""
        current += unit
    lines.append(current)
    return lines


def wrap_english(text, font, size, width, first_indent=0):
    lines, current = [], ""
    for word in text.split(" "):
        candidate = (current + " " + word) if current else word
        width_here = width - (first_indent if not lines else 0)
        if pdfmetrics.stringWidth(candidate, font, size) <= width_here:
            current = candidate
            continue
        head = EN_HYPHENATIONS.get(word)
        if head is not None:
            first = (current + " " if current else "") + head + ("" if head.endswith("-") else "-")
            if pdfmetrics.stringWidth(first, font, size) <= width_here:
                lines.append(first)
                current = word[len(head):]
                continue
        lines.append(current)
        current = word
    lines.append(current)
    return lines


def write_statement(path, blocks, language, header, footer, page_number, font, bold, size, leading, body_lines):
    wrap = wrap_japanese if language == "ja" else wrap_english
    layout = Layout(path, header, footer, page_number, font, size, leading, body_lines)
    hyphenated = []
    for index, (kind, text) in enumerate(blocks):
        if kind == "title":
            for line in wrap(text, bold, size + 3, RIGHT - LEFT):
                layout.line(line, LEFT, index, bold, size + 3)
            layout.space(leading / 2)
        elif kind == "date":
            layout.canvas.setFont(font, size)
            layout.canvas.drawRightString(RIGHT, layout.y, text)
            layout.pages_of_block.setdefault(index, set()).add(layout.page)
            layout.y -= leading * 1.5
        elif kind == "heading":
            layout.space(leading / 2)
            layout.line(text, LEFT, index, bold, size)
        else:
            # A numbered paragraph hangs its lines under its text; an unnumbered one
            # indents its first line by one character, as Japanese documents do.
            numbered = text[0] in "(1234567890"
            indent = pdfmetrics.stringWidth("　" if language == "ja" else "    ", font, size)
            first_x = LEFT if numbered else LEFT + indent
            lines = wrap(text, font, size, RIGHT - LEFT, 0 if numbered else indent)
            for k, line in enumerate(lines):
                layout.line(line, first_x if k == 0 else LEFT, index)
                if line.endswith("-") and k + 1 < len(lines):
                    hyphenated.append(line.split(" ")[-1] + lines[k + 1].split(" ")[0])
    pages = layout.save()
    broken = [blocks[i][1] for i, p in sorted(layout.pages_of_block.items()) if len(p) > 1]
    assert broken, f"{path}: no paragraph breaks across a page; adjust the layout"
    assert pages == 3, f"{path}: {pages} pages, where the footer says 3"
    return {
        "language": language,
        "pages": pages,
        "header": header,
        "footer": footer,
        "pageNumbers": [page_number(n) for n in range(1, pages + 1)],
        "blocks": [{"kind": kind, "text": text} for kind, text in blocks],
        "brokenAcrossPages": broken,
        "hyphenatedLineEnds": hyphenated,
    }


def fullwidth_digits(n):
    return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def write_no_text_layer(path):
    """A 'scan': two pages of drawn shapes (grey bars where lines of text would be), no text."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    for page in range(2):
        c.setFillGray(0.6)
        y = TOP
        while y > 40 * mm:
            c.rect(LEFT, y, (RIGHT - LEFT) * (0.6 if int(y) % 7 == 0 else 1.0), 4 * mm, stroke=0, fill=1)
            y -= 8 * mm
        c.showPage()
    c.save()


def write_encrypted(path):
    encrypt = pdfencrypt.StandardEncryption("open-sesame", ownerPassword="owner-secret", strength=128)
    c = canvas.Canvas(path, pagesize=A4, encrypt=encrypt, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(LEFT, TOP, "This statement is protected by a password.")
    c.showPage()
    c.save()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    register_fonts()
    statements = {
        "ja-statement": write_statement(
            os.path.join(out, "ja-statement.pdf"), JA_BLOCKS, "ja",
            header="日本国・アルカディア共和国共同発表（仮訳）", footer="外務省",
            page_number=lambda n: "－" + fullwidth_digits(n) + "－",
            font="IPAGothic", bold="IPAGothic", size=13, leading=26, body_lines=16),
        "en-statement": write_statement(
            os.path.join(out, "en-statement.pdf"), EN_BLOCKS, "en",
            header="Japan-Arcadia Joint Statement (provisional translation)", footer="Ministry of Foreign Affairs",
            page_number=lambda n: f"Page {n} of 3",
            font="Helvetica", bold="Helvetica-Bold", size=13, leading=21, body_lines=16),
    }
    for name, expected in statements.items():
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    write_no_text_layer(os.path.join(out, "no-text-layer.pdf"))
    write_encrypted(os.path.join(out, "encrypted.pdf"))
    with open(os.path.join(out, "en-statement.pdf"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out, "truncated.pdf"), "wb") as f:
        f.write(whole[: len(whole) // 3])
    with open(os.path.join(out, "damaged.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n" + bytes((k * 37 + 11) % 256 for k in range(4096)))


if __name__ == "__main__":
    main()

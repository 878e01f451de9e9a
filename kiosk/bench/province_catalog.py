"""A province-sized catalog for the benchmarks and the tests: the shipped items and bundles, and
as many more service items as asked, each built on one of the shipped items (its form, rules,
documents) under a title of its own — a subject a province's halls serve (居住证, 公积金,
不动产登记 …) and what is done with it (首次申领, 补领, 变更 …) — so that searching among them
is searching among thousands of distinct, realistic titles, many alike (e.g. a dozen titles
begin with 社会保险 or end with 证明).

`write_province_catalog(dir, n)` writes it as YAML files with their pinyin.json (as
`kiosk catalog publish` would serve it); `province_catalog(n)` builds the same in memory, on the
shipped catalog's loaded items, for tests that need thousands of items but not the loading.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

from kiosk.flows.catalog import CATALOG_DIR, GUIDE_FILE, SEARCH_WORDS_FILE, Catalog, load_catalog
from kiosk.flows.pinyin_map import PINYIN_FILE, encode, transliterate

# (zh-Hans, zh-Hant, en)
SUBJECTS = [
    ("居住证", "居住證", "residence permit"), ("护照", "護照", "passport"),
    ("港澳通行证", "港澳通行證", "Hong Kong and Macao travel permit"),
    ("台湾通行证", "台灣通行證", "Taiwan travel permit"), ("驾驶证", "駕駛證", "driving licence"),
    ("机动车登记", "機動車登記", "vehicle registration"),
    ("住房公积金", "住房公積金", "housing provident fund"),
    ("不动产登记", "不動產登記", "real estate registration"),
    ("结婚登记", "結婚登記", "marriage registration"),
    ("离婚登记", "離婚登記", "divorce registration"),
    ("出生医学证明", "出生醫學證明", "medical birth certificate"),
    ("残疾人证", "殘疾人證", "disability certificate"),
    ("老年人优待证", "老年人優待證", "senior citizen card"),
    ("失业登记", "失業登記", "unemployment registration"),
    ("就业创业证", "就業創業證", "employment and enterprise card"),
    ("退休审批", "退休審批", "retirement approval"),
    ("养老保险", "養老保險", "pension insurance"), ("医疗保险", "醫療保險", "medical insurance"),
    ("工伤保险", "工傷保險", "work injury insurance"),
    ("生育保险", "生育保險", "maternity insurance"),
    ("最低生活保障", "最低生活保障", "minimum living allowance"),
    ("临时救助", "臨時救助", "temporary assistance"),
    ("高龄津贴", "高齡津貼", "old-age allowance"), ("殡葬补贴", "殯葬補貼", "funeral subsidy"),
    ("道路运输许可", "道路運輸許可", "road transport permit"),
    ("建筑施工许可", "建築施工許可", "construction permit"),
    ("排水许可", "排水許可", "drainage permit"), ("取水许可", "取水許可", "water intake permit"),
    ("药品经营许可", "藥品經營許可", "pharmaceutical trade licence"),
    ("医疗器械经营备案", "醫療器械經營備案", "medical device trade filing"),
    ("烟草专卖零售许可", "煙草專賣零售許可", "tobacco retail licence"),
    ("酒类流通备案", "酒類流通備案", "alcohol trade filing"),
    ("娱乐场所许可", "娛樂場所許可", "entertainment venue licence"),
    ("出版物经营许可", "出版物經營許可", "publication trade licence"),
    ("特种设备使用登记", "特種設備使用登記", "special equipment registration"),
    ("户外广告设置许可", "戶外廣告設置許可", "outdoor advertising permit"),
    ("城市道路占用许可", "城市道路佔用許可", "road occupation permit"),
    ("燃气经营许可", "燃氣經營許可", "gas supply licence"),
    ("教师资格认定", "教師資格認定", "teacher qualification"),
    ("学籍证明", "學籍證明", "school record certificate"),
    ("职业资格证书", "職業資格證書", "vocational qualification certificate"),
    ("税务登记", "稅務登記", "tax registration"), ("发票领用", "發票領用", "invoice issuance"),
    ("个人所得税纳税证明", "個人所得稅納稅證明", "individual income tax certificate"),
    ("企业设立登记", "企業設立登記", "company registration"),
    ("企业名称登记", "企業名稱登記", "company name registration"),
    ("农民专业合作社登记", "農民專業合作社登記", "farmers' cooperative registration"),
    ("林木采伐许可", "林木採伐許可", "tree felling permit"),
    ("动物防疫条件合格证", "動物防疫條件合格證", "animal epidemic prevention certificate"),
    ("农药经营许可", "農藥經營許可", "pesticide trade licence"),
    ("渔业捕捞许可", "漁業捕撈許可", "fishing licence"),
    ("宅基地审批", "宅基地審批", "rural homestead approval"),
    ("水电气报装", "水電氣報裝", "utility connection"), ("法律援助", "法律援助", "legal aid"),
    ("公证", "公證", "notarisation"), ("兵役登记", "兵役登記", "military service registration"),
    ("优抚对象认定", "優撫對象認定", "entitled group recognition"),
    ("献血证明", "獻血證明", "blood donation certificate"),
    ("婚育情况证明", "婚育情況證明", "marriage and childbirth certificate"),
    ("社会保险关系转移", "社會保險關係轉移", "social insurance transfer"),
]
QUALIFIERS = [
    ("首次申领", "首次申領", "first application"), ("补领", "補領", "replacement"),
    ("换领", "換領", "renewal"), ("变更", "變更", "change"), ("注销", "註銷", "cancellation"),
    ("延续", "延續", "extension"), ("查询", "查詢", "enquiry"), ("打印", "打印", "printout"),
    ("预约", "預約", "appointment"), ("备案", "備案", "filing"), ("审批", "審批", "approval"),
    ("核准", "核准", "authorisation"), ("证明开具", "證明開具", "certificate"),
    ("信息确认", "信息確認", "confirmation"), ("信息更正", "信息更正", "correction"),
    ("挂失", "掛失", "report of loss"), ("解除挂失", "解除掛失", "loss report withdrawn"),
    ("网上申请", "網上申請", "online application"), ("异地办理", "異地辦理", "away from home"),
    ("加急办理", "加急辦理", "urgent"), ("（个人）", "（個人）", "(individuals)"),
    ("（企业）", "（企業）", "(companies)"), ("（港澳台居民）", "（港澳臺居民）",
                                          "(Hong Kong, Macao and Taiwan residents)"),
    ("（外国人）", "（外國人）", "(foreigners)"), ("（老年人）", "（老年人）", "(seniors)"),
    ("（残疾人）", "（殘疾人）", "(people with disabilities)"),
    ("（退役军人）", "（退役軍人）", "(veterans)"), ("（学生）", "（學生）", "(students)"),
    ("（农村居民）", "（農村居民）", "(rural residents)"),
    ("（城镇职工）", "（城鎮職工）", "(urban employees)"),
    ("资格认定", "資格認定", "eligibility"), ("年度审验", "年度審驗", "annual review"),
    ("材料补正", "材料補正", "supplementary documents"),
    ("进度查询", "進度查詢", "progress enquiry"), ("结果领取", "結果領取", "collection"),
    ("撤回申请", "撤回申請", "withdrawal"), ("复核", "複核", "review"),
    ("费用减免", "費用減免", "fee waiver"), ("补贴申领", "補貼申領", "subsidy"),
    ("档案调取", "檔案調取", "records"), ("电子证照", "電子證照", "e-licence"),
    ("代办", "代辦", "by proxy"), ("联办", "聯辦", "joint procedure"),
    ("告知承诺", "告知承諾", "by commitment"), ("容缺受理", "容缺受理", "accepted pending"),
    ("跨省通办", "跨省通辦", "across provinces"), ("一件事", "一件事", "one-stop"),
    ("预审", "預審", "pre-check"), ("咨询", "諮詢", "advice"), ("投诉", "投訴", "complaint"),
]


@dataclasses.dataclass(frozen=True)
class GeneratedItem:
    id: str
    base: str  # the shipped item whose form, rules and documents it takes
    titles: dict[str, str]
    keywords: list[str]


def _shipped_services() -> list[str]:
    return sorted(p.stem for p in CATALOG_DIR.glob("*.yaml")
                  if p.name not in (GUIDE_FILE, SEARCH_WORDS_FILE)
                  and "bundle: true" not in p.read_text("utf-8"))


def shipped_count() -> int:
    """How many items (bundles too) the shipped catalog has: a province catalog of N items
    generates N minus these."""
    return len(load_catalog(CATALOG_DIR).services)


def generated_items(count: int) -> Iterator[GeneratedItem]:
    """`count` items, each with a title of its own (subjects × qualifiers, then numbered)."""
    bases = _shipped_services()
    n = 0
    for round_ in range(1, 10_000):
        for q in QUALIFIERS:
            for s in SUBJECTS:
                if n == count:
                    return
                suffix = "" if round_ == 1 else f"（{round_}）"
                titles = {"zh-Hans": s[0] + q[0] + suffix, "zh-Hant": s[1] + q[1] + suffix,
                          "en": f"{s[2][0].upper()}{s[2][1:]}: {q[2]}"
                                + ("" if round_ == 1 else f" ({round_})")}
                yield GeneratedItem(f"item-{n:05d}", bases[n % len(bases)], titles,
                                    [s[0], q[0].strip("（）"), s[2]])
                n += 1


def _yaml_line(key: str, value: dict[str, str] | list[str]) -> str:
    import json

    return f"{key}: {json.dumps(value, ensure_ascii=False)}"


def write_province_catalog(directory: Path, count: int) -> int:
    """The shipped catalog and `count` generated items as YAML files, with pinyin.json;
    returns how many service items there are in all."""
    directory.mkdir(parents=True, exist_ok=True)
    for p in CATALOG_DIR.glob("*"):
        if p.suffix in (".yaml", ".json"):
            (directory / p.name).write_bytes(p.read_bytes())
    texts: list[str] = []
    sources = {base: (CATALOG_DIR / f"{base}.yaml").read_text("utf-8")
               for base in _shipped_services()}
    for item in generated_items(count):
        text = sources[item.base]
        text = re.sub(r"^id: .*$", f"id: {item.id}", text, count=1, flags=re.MULTILINE)
        text = re.sub(r"^titles: .*$", _yaml_line("titles", item.titles), text, count=1,
                      flags=re.MULTILINE)
        text = re.sub(r"^keywords: .*$", _yaml_line("keywords", item.keywords), text,
                      count=1, flags=re.MULTILINE)
        (directory / f"{item.id}.yaml").write_text(text, "utf-8")
        texts += [*item.titles.values(), *item.keywords]
    shipped = load_catalog(CATALOG_DIR)
    (directory / PINYIN_FILE).write_bytes(encode(transliterate(
        [*shipped.searchable_texts(), *texts])))
    return len(shipped.services) + count


def province_catalog(count: int) -> Catalog:
    """The same catalog in memory: the shipped one's loaded items, copied under the generated
    ids and titles (their compiled rules shared), with the Pinyin of every title."""
    shipped = load_catalog(CATALOG_DIR)
    catalog = dataclasses.replace(shipped, services=dict(shipped.services),
                                  rules=dict(shipped.rules),
                                  commitment_blocks=dict(shipped.commitment_blocks),
                                  pinyin=dict(shipped.pinyin))
    catalog._search = None
    for item in generated_items(count):
        base = shipped.services[item.base]
        catalog.services[item.id] = base.model_copy(update={
            "id": item.id, "titles": item.titles, "keywords": item.keywords})
        catalog.rules[item.id] = shipped.rules[item.base]
        if item.base in shipped.commitment_blocks:
            catalog.commitment_blocks[item.id] = shipped.commitment_blocks[item.base]
    catalog.pinyin.update({t: tuple(p.split()) for t, p in transliterate(
        catalog.searchable_texts()).items() if t not in catalog.pinyin})
    catalog.search_index()
    return catalog

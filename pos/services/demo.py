"""Demo data: a jewellery wholesale showroom's catalog, customers and staff.

Deterministic (fixed seed), so screenshots and tests see the same shop every time.
Demo sign-in (documented in the README): 1001/1111 cashier, 2001/2222 and 2002/2323 packers,
3001/3333 manager, 9001/9999 admin.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from pos.config import Settings
from pos.db.database import Database
from pos.db.models import Order, Product, ProductBarcode, Staff
from pos.domain.codes import with_check_digit
from pos.domain.money import Money
from pos.domain.orders import transition
from pos.services import audit, customers, orders
from pos.services.staff import StaffInfo, add_staff

DEMO_STAFF = (
    ("9001", "系统管理员", "admin", "9999"),
    ("1001", "王丽", "cashier", "1111"),
    ("2001", "李强", "packer", "2222"),
    ("2002", "赵敏", "packer", "2323"),
    ("3001", "陈经理", "manager", "3333"),
)

_RINGS = (
    "素圈",
    "镶锆石",
    "编织纹",
    "开口",
    "麻花",
    "星月",
    "莫比乌斯",
    "尾戒",
    "情侣对戒",
    "复古雕花",
    "竹节",
    "蝴蝶结",
)
_GEMS = ("紫水晶", "石榴石", "托帕石", "橄榄石", "月光石", "碧玺", "海蓝宝", "黄水晶", "粉晶", "青金石")
_SHAPES = ("水滴", "心形", "椭圆", "方糖", "花朵", "六芒星", "圆形", "叶子")
_BRACELETS = ("串珠", "转运珠", "蛇骨链", "四叶草", "幸运绳", "竹节", "平安扣", "铃铛", "素面手镯", "麻花手镯")
_EARRINGS = ("耳钉", "耳线", "耳圈", "流苏耳坠", "珍珠耳钉", "锆石耳扣")
_NECKLACES = ("锁骨链", "O字链", "十字链", "珍珠项链", "字母项链", "天使之翼项链")

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
    "建华",
    "晓燕",
    "志强",
    "海燕",
)
_PLACES = (
    "浙江省义乌市国际商贸城二区",
    "广东省广州市荔湾区华林玉器街",
    "江苏省苏州市观前街",
    "湖南省长沙市黄兴南路",
    "四川省成都市春熙路",
    "山东省青岛市即墨路小商品市场",
    "福建省厦门市中山路",
    "河南省郑州市银基商贸城",
    "云南省昆明市景星街",
    "北京市西城区动物园批发市场",
)


def _catalog(rng: random.Random) -> list[tuple[str, str, str, int]]:
    """(item code, name, category, wholesale price in yuan) for a few hundred items."""
    items: list[tuple[str, str, str, int]] = []
    for style in _RINGS:
        for size in ("小号", "中号", "大号", "特大号"):
            items.append((f"YJ{1000 + len(items):04d}", f"925银{style}戒指 {size}", "银戒指", rng.randint(25, 180)))
    for gem in _GEMS:
        for shape in _SHAPES:
            items.append((f"BD{2000 + len(items):04d}", f"{gem}{shape}吊坠", "宝石吊坠", rng.randint(80, 800)))
    for style in _BRACELETS:
        for finish in ("亮面", "磨砂", "镀金", "镀玫瑰金", "氧化做旧"):
            items.append((f"SL{3000 + len(items):04d}", f"925银{style}手链 {finish}", "手链", rng.randint(40, 420)))
    for style in _EARRINGS:
        for gem in ("", "紫水晶", "月光石", "锆石", "珍珠"):
            items.append((f"ES{4000 + len(items):04d}", f"{gem}925银{style}", "耳饰", rng.randint(20, 260)))
    for style in _NECKLACES:
        for length in ("40cm", "45cm", "50cm"):
            items.append((f"XL{5000 + len(items):04d}", f"925银{style} {length}", "项链", rng.randint(60, 500)))
    for animal in "鼠牛虎兔龙蛇马羊猴鸡狗猪":
        for finish in ("银色", "金色"):
            items.append((f"ZZ{7000 + len(items):04d}", f"生肖{animal}转运珠 {finish}", "转运珠", rng.randint(15, 90)))
    for gem in _GEMS:
        for setting in ("镶银戒指", "手串", "耳钉", "胸针"):
            items.append((f"BS{6000 + len(items):04d}", f"天然{gem}{setting}", "宝石饰品", rng.randint(50, 900)))
    return items


def seed(db: Database) -> dict[str, int]:
    """Fill an empty database. Refuses to touch one that already has staff."""
    rng = random.Random(20261127)
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(Staff)):
            return {"skipped": 1}
    admin: StaffInfo | None = None
    staff: dict[str, StaffInfo] = {}
    for login, name, roles, pin in DEMO_STAFF:
        person = add_staff(db, admin, login_code=login, name=name, roles=roles, pin=pin)
        staff[login] = person
        admin = admin or person
    catalog = _catalog(rng)
    with db.transaction() as session:
        for index, (code, name, category, yuan) in enumerate(catalog):
            wholesale = Money.from_yuan(yuan)
            franchise = wholesale.percent(Decimal(90))
            product = Product(
                item_code=code,
                name=name,
                category=category,
                wholesale_price_fen=wholesale.fen,
                franchise_price_fen=franchise.fen,
                after_sales_note="银饰可免费清洗保养；人为损坏不退换" if "925" in name else "天然宝石，纹理各异",
            )
            product.barcodes = [ProductBarcode(barcode=with_check_digit(f"697123{index:06d}"))]
            session.add(product)
        audit.record(
            session,
            actor_id=admin.id if admin else None,
            action="demo.seed_catalog",
            entity="catalog",
            entity_id="demo",
            detail={"products": len(catalog)},
            at=db.now(),
        )
    cashier = staff["1001"]
    customer_numbers = []
    for i in range(40):
        name = _SURNAMES[i % len(_SURNAMES)] + _GIVEN[(i * 7) % len(_GIVEN)]
        is_franchise = i % 3 == 2
        created = customers.create_customer(
            db,
            cashier,
            name=name + ("饰品店" if is_franchise else ""),
            phone=f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
            address=f"{_PLACES[i % len(_PLACES)]}{rng.randint(1, 300)}号",
            customer_type="franchise" if is_franchise else "wholesale",
            allow_duplicate_phone=True,
        )
        if is_franchise:  # the contract is a manager's to enter: this year, 5% may come back
            year = db.business_day().year
            customers.set_contract(
                db, staff["3001"], created.number, start=date(year, 1, 1), end=date(year, 12, 31), ratio_permille=50
            )
        customer_numbers.append(created.number)
    # Two slips already started at the counter, so every screen has something to show; the second
    # waits in the bench queue (marked printed: the demo's paper is imaginary).
    numbers = []
    for customer_number, codes in (
        (customer_numbers[0], ("3*" + catalog[0][0], catalog[40][0])),
        (customer_numbers[2], (catalog[100][0], "2*" + catalog[150][0])),
    ):
        # at the station a new install is (结算台1): the open slip shows among its set-aside slips
        number = orders.open_order(db, cashier, customer_number, station=Settings().station_name)
        for code in codes:
            orders.add_scan(db, cashier, number, code)
        numbers.append(number)
    with db.transaction() as session:
        waiting = session.scalars(select(Order).where(Order.number == numbers[1])).one()
        waiting.status, waiting.printed_at = (
            transition(waiting.status, "print_for_checking", line_count=len(waiting.lines)),
            db.now(),
        )
    return {"staff": len(DEMO_STAFF), "products": len(catalog), "customers": len(customer_numbers)}

"""The last seats: never more seats sold than there are, while the customers buy at once."""

STARTER_FAILS_WITH = "only 3 seats"
PASSED = {
    "en": "No other customer could run between a buyer's check of seats_left and its update: "
    "exactly 3 seats were sold, and the other customers were told that they were sold out.",
    "ko": "한 구매자가 seats_left를 확인하고 갱신하는 사이에 다른 고객이 끼어들 수 "
    "없었습니다. 좌석은 정확히 3개 팔렸고, 나머지 고객은 매진되었다는 답을 받았습니다.",
}

CUSTOMERS = ("Ana", "Ben", "Cho", "Dev", "Eun")
SEATS = 3


def check(run):
    got = [c for c in CUSTOMERS if f"{c}: got a seat" in run.lines]
    sold_out = [c for c in CUSTOMERS if f"{c}: sold out" in run.lines]
    silent = [c for c in CUSTOMERS if c not in got and c not in sold_out]
    if silent:
        return run.fail(
            f"{', '.join(silent)} printed neither 'got a seat' nor 'sold out': every "
            "customer must still get an answer.",
            "'got a seat'도 'sold out'도 출력하지 않은 고객이 있습니다"
            f"({', '.join(silent)}). "
            "모든 고객이 여전히 답을 받아야 합니다.",
        )
    if len(got) > SEATS:
        more = ("", "")
        if run.uses("asyncio.Lock"):
            more = (
                " The lock must cover the whole stretch, from the check of seats_left to "
                "its update, the await included.",
                " 록은 seats_left를 확인하는 곳부터 갱신하는 곳까지, 그 사이의 await까지 "
                "모두 감싸야 합니다.",
            )
        return run.fail(
            f"{len(got)} customers got a seat, but there are only {SEATS} seats. Each "
            "buy() checked seats_left, then awaited pay() before taking its seat: during "
            "that await the other customers ran their check too, and still saw free seats."
            + more[0],
            f"좌석은 {SEATS}개뿐인데 고객 {len(got)}명이 좌석을 얻었습니다. buy()는 "
            "seats_left를 확인한 뒤 좌석을 차지하기 전에 pay()를 await 했습니다. 그 await "
            "동안 다른 고객들도 확인을 실행했고, 여전히 빈 좌석을 보았습니다."
            + more[1],
            timeline=True,
        )
    if len(got) < SEATS:
        return run.fail(
            f"Only {len(got)} customers got a seat although there are {SEATS} seats: "
            "a seat that is free must still be sold.",
            f"좌석이 {SEATS}개인데 고객 {len(got)}명만 좌석을 얻었습니다. 빈 좌석은 "
            "여전히 팔아야 합니다.",
        )
    if len(run.spans("pay(")) < SEATS:
        return run.fail(
            "Not every customer who got a seat paid for it: each of them must still "
            "await pay().",
            "좌석을 얻은 고객 중에 값을 치르지 않은 고객이 있습니다. 좌석을 얻은 고객은 "
            "모두 여전히 pay()를 await 해야 합니다.",
        )
    if run.most_at_once("buy(") < 2:
        return run.fail(
            "The customers bought one after another: main() must still start them all at "
            "once, one task each, and buy() must make them safe together.",
            "고객들이 차례로 하나씩 구매했습니다. main()은 여전히 고객마다 태스크를 하나씩 "
            "만들어 한꺼번에 시작해야 하고, 함께 실행되어도 안전하게 만드는 것은 buy()의 "
            "몫입니다.",
        )
    if "seats left: 0" not in run.lines:
        return run.fail(
            "main() must still print 'seats left: 0' at the end.",
            "main()은 여전히 마지막에 'seats left: 0'을 출력해야 합니다.",
        )
    return None

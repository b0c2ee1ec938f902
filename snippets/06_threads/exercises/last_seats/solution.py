import asyncio


class Venue:
    def __init__(self, seats):
        self.seats_left = seats
        self.lock = asyncio.Lock()


async def pay(customer):
    await asyncio.sleep(0.1)  # the card payment goes through


async def buy(venue, customer):
    async with venue.lock:
        if venue.seats_left > 0:
            await pay(customer)
            venue.seats_left -= 1
            print(f"{customer}: got a seat")
        else:
            print(f"{customer}: sold out")


async def main():
    venue = Venue(seats=3)
    async with asyncio.TaskGroup() as tg:
        for customer in ["Ana", "Ben", "Cho", "Dev", "Eun"]:
            tg.create_task(buy(venue, customer))
    print(f"seats left: {venue.seats_left}")


asyncio.run(main())

import asyncio


async def fetch(url, seconds):
    await asyncio.sleep(seconds)
    if url.startswith("/private"):
        raise PermissionError(f"{url} needs a login")
    return f"<html of {url}>"


async def main():
    urls = ["/home", "/private/inbox", "/about", "/private/admin", "/slow"]
    tasks = [asyncio.create_task(fetch(url, 0.1), name=url) for url in urls]
    tasks[-1].cancel()

    results = await asyncio.gather(*tasks, return_exceptions=True)

    pages, errors = {}, {}
    for url, result in zip(urls, results, strict=True):
        if isinstance(result, BaseException):
            errors[url] = result
        else:
            pages[url] = result
    print("pages:", list(pages))
    for url, exc in errors.items():
        print(f"{url}: {exc!r}")

    failures = [exc for exc in errors.values() if isinstance(exc, Exception)]
    if failures:
        try:
            raise ExceptionGroup("some pages failed", failures)
        except ExceptionGroup as group:
            print(f"{type(group).__name__}: {group}")


if __name__ == "__main__":
    asyncio.run(main())

"""Time the language server: from a ``didChange`` to its diagnostics, over stdio.

    python bench/lsp_latency.py [--edits N] [--words N] [--seed N]

Starts ``python -m newslint server`` as an editor would, opens a generated article of
about 1,000 words (``--words``; our own sentences, a few slips among them) as a Markdown
file in an empty temporary directory (so only the default rules apply), and types:
each edit inserts or deletes a word somewhere in the prose, as one incremental change,
and is timed until ``textDocument/publishDiagnostics`` arrives for that version. The
debounce is set to 0, so the figure is the server's own time: an editor adds its
``debounce`` (300 ms by default) on top. The first lint (rules loading) is left out of
the median. For comparison the same texts are linted in process with ``Linter.lint_text``.
Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Sentences of a made-up local story; a few carry the slips the rules exist for.
SENTENCES = (
    "The county council voted on Tuesday to close the old river bridge for eight months of repairs.",
    "Engineers found cracks in two of the supporting piers during an inspection in the spring.",
    "Drivers will be sent on a diversion of about four miles through the town centre.",
    '"We know this will be hard for people who cross the river every day," said the council leader, Janet Morrow.',
    "She said the work could not wait another winter.",
    "Local shopkeepers said the diversion would cost them trade in the weeks before Christmas.",
    '"Half of my customers come over that bridge," said Tom Adeyemi, who runs a bakery on the high street.',
    "The council said a temporary footbridge would open next to the old one by the end of the month.",
    "Buses will keep their usual timetables, although journeys may take up to ten minutes longer.",
    "The bridge was built in 1894 and carries about 12,000 vehicles a day.",
    "A report to the council last year warned that the piers had been damaged by repeated flooding.",
    "The repairs are expected to cost £3.4m, most of it from a government fund for ageing roads.",
    "Opposition councillors asked why the work had not started sooner.The council said it had waited for the money.",
    "Residents on the north bank have been asked to to share lifts where they can.",
    "Schools near the bridge will stagger their start times during the closure.",
    "The fire service said its response times would not be affected, because it has a station on each bank.",
    "A public meeting about the closure will be held at the town hall on Thursday evening.",
    "Cyclists and walkers will still be able to cross, using the temporary footbridge.",
    "The council has set up a page on its website with maps of the diversion.",
    "Work on the piers will be done at night where possible, to limit the noise for nearby homes.",
    "Contractors said they hoped to finish before the summer tourist season begins.",
    "The chamber of commerce asked the council to offer free parking in the town centre during the works.",
    "A spokesperson said that request would be considered at the next meeting of the cabinet.",
    "Some residents said they were relieved that the bridge was finally being repaired.",
    '"I have watched those cracks grow for years," said Margaret Hill, who lives beside the river.',
    "Others questioned whether eight months was realistic for work of this kind.",
    "The last major repair, in the 1970s, took more than a year to complete.",
    "Engineers said modern methods would allow them to strengthen the piers without draining the river.",
    "Boats will be kept away from the work site by a floating barrier.",
    "The council will publish weekly updates on the progress of the repairs, it said, TK.",
    "Traffic counts will be taken on the diversion route to check for problems.",
    "If the counts show long queues, the council said it would change the timing of traffic lights.",
)
HEADINGS = ("Diversion through the town", "Shops fear lost trade", "How the work will be done", "What happens next")


def article(words: int, seed: int) -> str:
    """Return a Markdown article of at least ``words`` words from ``SENTENCES``."""
    rng = random.Random(seed)
    parts = ["# River bridge to close for eight months of repairs", ""]
    count, headings = 0, list(HEADINGS)
    while count < words:
        paragraph = " ".join(rng.sample(SENTENCES, rng.randint(2, 3)))
        parts += [paragraph, ""]
        count += len(paragraph.split())
        if headings and rng.random() < 0.25:
            parts += [f"## {headings.pop(0)}", ""]
    return "\n".join(parts)


def _edit(text: str, rng: random.Random) -> tuple[int, int, str]:
    """Return one edit (start offset, end offset, new text) in the prose: a word in or out."""
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if line and not line.startswith("#")]
    row = rng.choice(prose)
    line = lines[row]
    spaces = [i for i, char in enumerate(line) if char == " "]
    at = rng.choice(spaces)
    base = sum(len(x) + 1 for x in lines[:row])
    following = line.find(" ", at + 1)
    if rng.random() < 0.5 and following > 0:
        return base + at, base + following, ""  # delete the next word
    return base + at, base + at, " " + rng.choice(("really", "also", "now", "still", "again"))


async def measure(edits: int, words: int, seed: int) -> None:
    """Drive a real server and print the latency figures."""
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    from newslint import Linter
    from newslint.server.positions import LineMap

    client = LanguageClient("newslint-bench", "1")
    arrived: dict[int, asyncio.Future[float]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        future = arrived.get(params.version or -1)
        if future is not None and not future.done():
            future.set_result(time.perf_counter())

    rng = random.Random(seed)
    text = article(words, seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bridge.md"
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        await client.start_io(sys.executable, "-m", "newslint", "server", cwd=str(REPO))
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                initialization_options={"debounce": 0},
                root_uri=Path(folder).as_uri(),
            )
        )
        client.initialized(types.InitializedParams())

        loop = asyncio.get_running_loop()
        arrived[1] = loop.create_future()
        started = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        first = await asyncio.wait_for(arrived[1], 60) - started

        times, texts = [], []
        for version in range(2, edits + 2):
            start, end, new = _edit(text, rng)
            lines = LineMap(text)
            where = types.Range(types.Position(*lines.position(start)), types.Position(*lines.position(end)))
            text = text[:start] + new + text[end:]
            texts.append(text)
            arrived[version] = loop.create_future()
            sent = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangePartial(range=where, text=new)],
                )
            )
            times.append(await asyncio.wait_for(arrived[version], 60) - sent)
            await asyncio.sleep(0.02)  # a typist's pause: the server is idle when the next edit comes
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()

        linter = Linter()
        linter.lint_text(texts[0] + " warm", path=str(path))
        in_process = []
        for body in texts:
            begin = time.perf_counter()
            linter.lint_text(body, path=str(path))
            in_process.append(time.perf_counter() - begin)

    ms = sorted(t * 1000 for t in times)
    print(f"article: {len(text.split())} words, {len(text):,} characters; {edits} edits, debounce 0")
    print(f"first lint after didOpen (rules loading): {first * 1000:.0f} ms")
    print(
        f"didChange -> publishDiagnostics: median {statistics.median(ms):.1f} ms, "
        f"p90 {ms[int(len(ms) * 0.9) - 1]:.1f} ms, min {ms[0]:.1f} ms, max {ms[-1]:.1f} ms"
    )
    print(f"Linter.lint_text on the same texts in process: median {statistics.median(in_process) * 1000:.1f} ms")


def main() -> None:
    """Parse the arguments and run the measurement."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=60, help="edits to time (default 60)")
    parser.add_argument("--words", type=int, default=1000, help="article length in words (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the article and the edits")
    args = parser.parse_args()
    asyncio.run(measure(args.edits, args.words, args.seed))


if __name__ == "__main__":
    main()

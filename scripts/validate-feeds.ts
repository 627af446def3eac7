/**
 * `npm run validate:feeds`: every RSS and Atom document Tidings publishes for the sample
 * content (first pages and archive pages), checked by the W3C Feed Validator, offline.
 * The validator is Python and is not a package of any registry we reach, so it is not
 * vendored here: point FEEDVALIDATOR_SRC at the `src` folder of a local checkout of
 * w3c/feedvalidator (it needs python3 with html5lib, e.g. Debian's python3-html5lib).
 * PYTHON picks the interpreter (default python3). Exit 1 when it reports anything: an
 * error or a warning, at the online validator's level ("AA").
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { openNodeAdapters } from '../src/adapters/node/node-adapters.ts';
import { createServices } from '../src/app/create-services.ts';
import { loadConfig } from '../src/config.ts';
import { createApp } from '../src/http/create-app.ts';
import { silentLogger } from '../src/log.ts';
import { loadSampleContent } from '../src/seed/load-sample-content.ts';

const PUBLIC_URL = 'https://news.example.com';

/** Our driver for the validator's own API (validateString, the AA filter, its text formatter). */
const DRIVER = `
import json, sys
sys.path.insert(0, sys.argv[1])
import feedvalidator
from feedvalidator import compatibility
from feedvalidator.formatter.text_plain import Formatter
report = {}
for path, url in json.loads(sys.stdin.read()):
    with open(path, 'rb') as f:
        data = f.read()
    try:
        events = feedvalidator.validateString(data, firstOccurrenceOnly=1, base=url)['loggedEvents']
    except feedvalidator.logging.ValidationFailure as failure:
        events = [failure.event]
    report[url] = list(Formatter(compatibility.AA(events)))
print(json.dumps(report))
`;

const source = process.env.FEEDVALIDATOR_SRC;
if (!source) {
  process.stderr.write('validate:feeds: set FEEDVALIDATOR_SRC to the src folder of a w3c/feedvalidator checkout\n');
  process.exit(2);
}

const dir = await mkdtemp(join(tmpdir(), 'tidings-validate-'));
try {
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'tidings.db'),
    FEEDS_DIR: join(dir, 'feeds'),
    ADMIN_TOKEN: 'validate-feeds-token-0123',
    PUBLIC_URL,
    FEED_ITEMS: '3', // small pages, so archive pages (?before=) exist and are checked too
    LOG_LEVEL: 'silent',
  });
  const services = createServices(config, await openNodeAdapters(config, silentLogger), { log: silentLogger });
  await loadSampleContent({ ...services, seedDir: config.seedDir, siteUrl: config.siteUrl });
  await services.publisher.publish('validate');
  const app = createApp(services);

  const documents: [path: string, url: string][] = [];
  // Every document, the tag and author feeds in their folders too (names use / on every platform).
  const names = (await readdir(config.feedsDir, { recursive: true })).map((n) => n.split(sep).join('/'));
  for (const name of names.filter((n) => /\.(?:rss|atom)$/.test(n)).sort()) {
    const path = join(config.feedsDir, name);
    documents.push([path, `${PUBLIC_URL}/feeds/${name}`]);
    const next = /<(?:atom:)?link[^>]*rel="next"[^>]*>/.exec(await readFile(path, 'utf8'))?.[0];
    const href = next && /href="([^"]+)"/.exec(next)?.[1]?.replace(/&amp;/g, '&');
    if (!href) continue;
    const page = await app.fetch(new Request(href));
    const archivePath = join(dir, `${name.replace(/\//g, '_')}.page2`);
    await writeFile(archivePath, new Uint8Array(await page.arrayBuffer()));
    documents.push([archivePath, href]);
  }
  await services.close();

  const python = process.env.PYTHON ?? 'python3';
  const run = promisify(execFile)(python, ['-c', DRIVER, source], { maxBuffer: 16 * 1024 * 1024 });
  run.child.stdin?.end(JSON.stringify(documents));
  const report = JSON.parse((await run).stdout) as Record<string, string[]>;
  let problems = 0;
  for (const [url, lines] of Object.entries(report)) {
    process.stdout.write(`${lines.length ? 'PROBLEMS' : 'valid   '} ${url}\n`);
    for (const line of lines) process.stdout.write(`    ${line}\n`);
    problems += lines.length;
  }
  process.stdout.write(`${Object.keys(report).length} documents, ${problems} problems\n`);
  process.exitCode = problems ? 1 : 0;
} finally {
  await rm(dir, { recursive: true, force: true });
}

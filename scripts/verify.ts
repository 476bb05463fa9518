/**
 * npm run verify: check the served index build's files against the checksums recorded when it was written
 * (src/store/checksums.ts). One line; exit 0 when they match, 1 when they do not (naming the build the
 * server would fall back to) or when there is no index.
 */
import { loadConfig } from "../src/config.ts";
import { describeFailure } from "../src/domain/errors.ts";
import { locateConfiguredIndex } from "../src/store/index-location.ts";

try {
  const config = loadConfig();
  const location = locateConfiguredIndex(config);
  const current = await location.readCurrent();
  if (!current) {
    console.error(`No index in ${location.label}; run \`npm run ingest\` to build it.`);
    process.exit(1);
  }
  const check = await location.verify(current);
  if (check.ok && check.files > 0) {
    console.log(location.remote
      ? `Index build ${current}: all ${check.files} files its manifest lists are in ${location.label} (on an object store the files are not downloaded to hash them; docs/SCALING.md).`
      : `Index build ${current}: all ${check.files} files match their checksums.`);
  } else if (check.ok) {
    console.log(`Index build ${current} records no checksums (built before they were recorded); run \`npm run ingest\` to rebuild it with them.`);
  } else {
    let fallback: string | undefined;
    for (const earlier of (await location.listBuilds()).filter((b) => b !== current)) {
      const other = await location.verify(earlier);
      if (other.ok && other.files > 0) {
        fallback = earlier;
        break;
      }
    }
    const serves = fallback ? `the server would serve the previous build ${fallback} instead` : "no earlier build passes, so the server will not start";
    console.error(`Index build ${current} failed its checksum check (${check.problem}); ${serves}. Run \`npm run ingest\` to rebuild the index.`);
    process.exit(1);
  }
} catch (error) {
  console.error(`Cannot verify: ${describeFailure(error)}`);
  process.exit(1);
}

/**
 * node --import tsx scripts/s3-stand-in.ts [bucket]: an S3-compatible store (s3rver, a dev dependency) on
 * 127.0.0.1 for trying DATA_DIR=s3://… by hand; prints the variables to export, runs until Ctrl-C, and
 * deletes its objects on exit. Not for production (it keeps objects in a temp folder).
 */
import { startS3StandIn } from "../src/bench/s3-stand-in.ts";

const bucket = process.argv[2] ?? "idx";
const s3 = await startS3StandIn(bucket);
console.log(`# s3rver on ${s3.endpoint}, bucket "${bucket}"; in another shell:`);
console.log(`export DATA_DIR=s3://${bucket}/review ${Object.entries(s3.env).map(([k, v]) => `${k}=${v}`).join(" ")}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void s3.stop().then(() => process.exit(0)));
}

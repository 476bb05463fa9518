import { segmentColumnMajor } from "./table-cells.ts";
export const segmentRowMajor = segmentColumnMajor;

/** What every simulated run reports: its round trips to Excel, their largest payloads, and `verify`'s differences on what it wrote (0: conforming). */
export interface SyncFigures {
  /** Listing the sheets and tables, as the task pane opens. */
  listSyncs: number;
  /** Reading (the candidature table; the record, for a replacement). */
  readSyncs: number;
  /** Writing, reading back, and the journal's line. */
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  differences: number;
}

// One line of `npm run bench`'s output, and what the summary table reads from it.

/** The strongest peer that runs on this machine, measured in the same run. */
export interface PeerComparison {
  /** Short name of the work, for the summary table. */
  work: string;
  /** Our figure, with its thread count. */
  ours: string;
  /** The peer, its figure and its thread count. */
  peer: string;
  /** Our cost ÷ the peer's in `unit` (time unless said): below 1 we lead, above 1 we trail. */
  ratio: number;
  unit?: string;
}

export interface BenchRow {
  name: string;
  figure: string;
  reference: string;
  ratio: number;
  bar: string;
  pass: boolean;
  /** Absent where no peer product does this work; the row's reference is then internal. */
  peer?: PeerComparison;
}

/**
 * `seedrandom/seedrandom` is the package's ARC4 generator alone — the one ALGORITHM.md §4 names —
 * without the six other generators `seedrandom`'s index bundles (about 6 KB of the task pane's
 * minified script). Same function, same types.
 */
declare module 'seedrandom/seedrandom' {
  import seedrandom from 'seedrandom';
  export default seedrandom;
}

// Node's source maps in the desk's own processes (web server, job worker): off unless
// asked for. Imported first, before any module it would otherwise keep a map for.

/** The Node option that asks for source-mapped stack traces. */
const ASK = "--enable-source-maps";

/**
 * Turns Node's source maps off unless the process was started with `--enable-source-maps`,
 * on its command line or in `NODE_OPTIONS`, so the server runs as `next start` runs it. tsx,
 * which runs the desk's scripts, turns them on in every process it starts; Node then reads
 * and keeps the map of each module it loads (Next's own and the build's server chunks: ~50 MB
 * of `.map` files, their original sources included). They held ~75 MB of the web server's live
 * heap; without them its peak RSS in the three-run intake benchmark fell from 640 to 418 MiB
 * (BENCHMARKS.md, ninth round). Stack traces then name the built files' lines; an operator who
 * wants the TypeScript lines starts the desk with `NODE_OPTIONS=--enable-source-maps`.
 */
function sourceMapsOnlyWhenAsked() {
  const nodeOptions = (process.env.NODE_OPTIONS ?? "").split(/\s+/);
  if (!process.execArgv.includes(ASK) && !nodeOptions.includes(ASK))
    process.setSourceMapsEnabled(false);
}

sourceMapsOnlyWhenAsked();

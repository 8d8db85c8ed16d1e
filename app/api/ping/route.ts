export const dynamic = "force-dynamic";

/**
 * A route that does nothing (no database, no session): the benchmark's measure
 * of what the framework and server alone cost per request (BENCHMARKS.md).
 */
export function GET() {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}

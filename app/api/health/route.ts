import { checkHealth } from "@/lib/system/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ok, body } = await checkHealth();
  return Response.json(body, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

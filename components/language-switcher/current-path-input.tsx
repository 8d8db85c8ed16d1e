"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** Hidden `back` field: the page being shown (also rendered on the server, so no JS needed). */
export function CurrentPathInput() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return <input type="hidden" name="back" value={query ? `${pathname}?${query}` : pathname} />;
}

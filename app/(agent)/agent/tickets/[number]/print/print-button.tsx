"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (the page itself is the print layout). */
export function PrintButton() {
  const t = useTranslations("archive");
  return (
    <Button type="button" onClick={() => window.print()} className="print:hidden">
      {t("printNow")}
    </Button>
  );
}

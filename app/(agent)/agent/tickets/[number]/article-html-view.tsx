"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * An HTML mail in a sandboxed frame (no scripts, forms or top navigation;
 * links open a new tab) served by the article HTML route with its own CSP,
 * or, switched, its plain text (`children`, rendered by the server). Remote
 * images load only after "Show images" for this article (`/images` after the
 * frame's address); `blockedImages` says whether the mail has any.
 */
export function ArticleHtmlView({
  src,
  subject,
  blockedImages,
  children,
}: {
  src: string;
  subject: string;
  blockedImages: boolean;
  children: React.ReactNode;
}) {
  const t = useTranslations("articles");
  const [plain, setPlain] = useState(false);
  const [images, setImages] = useState(false);
  const button =
    "rounded border border-zinc-300 px-2 py-0.5 hover:bg-zinc-100 aria-pressed:bg-zinc-200 dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-700";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <div role="group" aria-label={t("view")} className="flex gap-1">
          <button
            type="button"
            className={button}
            aria-pressed={!plain}
            onClick={() => setPlain(false)}
          >
            {t("formatted")}
          </button>
          <button
            type="button"
            className={button}
            aria-pressed={plain}
            onClick={() => setPlain(true)}
          >
            {t("plainText")}
          </button>
        </div>
        {!plain && blockedImages && !images && (
          <>
            <span className="text-zinc-600 dark:text-zinc-400">{t("imagesBlocked")}</span>
            <button type="button" className={button} onClick={() => setImages(true)}>
              {t("showImages")}
            </button>
          </>
        )}
      </div>
      {plain ? (
        children
      ) : (
        <div className="h-96 resize-y overflow-hidden rounded border border-zinc-200 dark:border-zinc-800">
          <iframe
            src={images ? `${src}/images` : src}
            title={t("frameTitle", { subject })}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            className="h-full w-full bg-white"
          />
        </div>
      )}
    </div>
  );
}

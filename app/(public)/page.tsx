import Link from "next/link";
import { LanguageSwitcher } from "@/components/language-switcher/language-switcher";
import { getMessages } from "@/lib/i18n/server";

export default async function HomePage() {
  const { t } = await getMessages();
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <header className="mb-8 flex items-center justify-between">
        <span className="text-lg font-semibold">{t.app.name}</span>
        <LanguageSwitcher back="/" />
      </header>
      <main id="main" className="space-y-4">
        <h1 className="text-3xl font-bold">{t.home.title}</h1>
        <p className="text-zinc-600 dark:text-zinc-400">{t.home.intro}</p>
        <p>
          <Link href="/login" className="text-blue-700 underline dark:text-blue-400">
            {t.home.agentLogin}
          </Link>
        </p>
      </main>
    </div>
  );
}

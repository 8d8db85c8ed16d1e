// The mail fetchers of one worker process: every active account whose lease it
// wins gets a loop that connects, runs a fetch pass, then waits for IDLE's news
// (or the poll interval where the server offers no IDLE), retrying failures
// with backoff. Started by the background worker (lib/jobs/background.ts).
import "server-only";
import type { ImapFlow } from "imapflow";
import { db } from "../../db";
import type { MailAccount } from "../../generated/sqlite/client";
import { acquireAccountLease, LeaseLostError, releaseAccountLease } from "./account-lease";
import { fetchMailAccount } from "./fetch-mail-account";
import { createImapClient } from "./imap-client";
import { recordFetchFailure, recordFetchSuccess } from "./record-fetch-result";

export interface MailFetcherOptions {
  /** This process's name in the lease (the worker id). */
  owner: string;
  /** How often to look for accounts nobody fetches (new, or their fetcher died), ms. */
  scanMs?: number;
  /** Lease length, ms; renewed every third of it. A dead fetcher's account is free after it. */
  leaseMs?: number;
  /** With IDLE the folder is still read this often (missed news, a silent server), ms. */
  idleRecheckMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/** Delay after the n-th failure in a row (1-based): 5 s doubling, capped at 5 minutes. */
export const fetchRetryDelayMs = (failures: number) =>
  Math.min(5_000 * 2 ** (failures - 1), 300_000);

/** A sleep that `wake()` ends early, and that does not start when woken meanwhile. */
function createWaiter() {
  let pending = false;
  let resolve: (() => void) | undefined;
  return {
    wake() {
      pending = true;
      resolve?.();
    },
    async sleep(ms: number) {
      if (!pending) {
        await new Promise<void>((done) => {
          resolve = done;
          setTimeout(done, ms).unref();
        });
      }
      pending = false;
      resolve = undefined;
    },
  };
}

const connectionKey = (a: MailAccount) =>
  JSON.stringify([a.host, a.port, a.security, a.username, a.passwordEncrypted, a.folder]);

/** Starts the fetchers of this process; `stop()` ends them and frees their leases. */
export function startMailFetchers(options: MailFetcherOptions) {
  const { owner } = options;
  const scanMs = options.scanMs ?? 15_000;
  const leaseMs = options.leaseMs ?? 90_000;
  const idleRecheckMs = options.idleRecheckMs ?? 5 * 60_000;
  const log =
    options.log ??
    ((message, error) => (error ? console.error(message, error) : console.log(message)));
  type Runner = { waiter: ReturnType<typeof createWaiter>; cut: () => void; done: Promise<void> };
  const running = new Map<number, Runner>();
  let stopped = false;

  async function runAccount(accountId: number, runner: Omit<Runner, "done">) {
    const { waiter } = runner;
    let client: ImapFlow | null = null;
    let key = "";
    let failures = 0;
    let lost = false;
    const renew = setInterval(() => {
      void acquireAccountLease({ accountId, owner, leaseMs })
        .then((held) => {
          if (held) return;
          lost = true;
          waiter.wake();
        })
        .catch(() => {});
    }, leaseMs / 3);
    const close = () => {
      client?.close();
      client = null;
    };
    // Stopping cuts a pass in flight: safe, a message leaves the server only after its commit.
    runner.cut = close;
    try {
      while (!stopped && !lost) {
        const account = await db.mailAccount.findUnique({ where: { id: accountId } });
        if (!account?.active) break;
        try {
          if (!client || !client.usable || key !== connectionKey(account)) {
            close();
            const fresh = createImapClient(account);
            fresh.on("error", (error) => log(`mail account ${accountId}: connection error`, error));
            fresh.on("exists", () => waiter.wake());
            fresh.on("close", () => waiter.wake());
            await fresh.connect();
            client = fresh;
            key = connectionKey(account);
          }
          await fetchMailAccount({ client, account, owner });
          await recordFetchSuccess(accountId);
          failures = 0;
          const idle = client.capabilities.has("IDLE");
          // With IDLE, imapflow idles once the connection is free and "exists" wakes us.
          await waiter.sleep(
            idle ? Math.max(idleRecheckMs, account.pollSeconds * 1000) : account.pollSeconds * 1000,
          );
        } catch (error) {
          if (error instanceof LeaseLostError || stopped) break;
          failures++;
          close();
          log(`mail account ${accountId}: fetch failed (${failures} in a row)`, error);
          await recordFetchFailure({ accountId, error }).catch((e) =>
            log(`mail account ${accountId}: could not record the failure`, e),
          );
          if (!stopped) await waiter.sleep(fetchRetryDelayMs(failures));
        }
      }
    } finally {
      clearInterval(renew);
      close();
      await releaseAccountLease({ accountId, owner }).catch(() => {});
    }
  }

  async function scan() {
    const accounts = await db.mailAccount.findMany({
      where: { active: true },
      select: { id: true },
    });
    for (const { id } of accounts) {
      if (stopped || running.has(id)) continue;
      if (!(await acquireAccountLease({ accountId: id, owner, leaseMs }))) continue;
      const runner: Runner = { waiter: createWaiter(), cut: () => {}, done: Promise.resolve() };
      runner.done = runAccount(id, runner)
        .catch((error) => log(`mail account ${id}: fetcher ended`, error))
        .finally(() => running.delete(id));
      running.set(id, runner);
    }
  }

  const timer = setInterval(
    () => void scan().catch((e) => log("mail fetchers: scan failed", e)),
    scanMs,
  );
  timer.unref();
  void scan().catch((e) => log("mail fetchers: scan failed", e));

  return {
    /** Account ids this process fetches now. */
    accounts: () => [...running.keys()],
    /** Looks for accounts at once (e.g. after one was created). */
    scan,
    /** Ends every fetcher (a pass in flight is cut: nothing is lost) and frees the leases. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const { waiter, cut } of running.values()) {
        cut();
        waiter.wake();
      }
      await Promise.all([...running.values()].map(({ done }) => done));
    },
  };
}

export type MailFetchers = ReturnType<typeof startMailFetchers>;

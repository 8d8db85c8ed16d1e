// A throwaway Dovecot IMAP server for tests (Debian's dovecot-imapd), started
// like the tests start PostgreSQL databases: own config in a temp dir, a free
// loopback port, plaintext login allowed there, one passwd-file user, Maildir.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { freePort } from "./free-port";

export const DOVECOT_BIN = process.env.DOVECOT_BIN ?? "/usr/sbin/dovecot";
/** Why tests that need Dovecot skip, or null when it is installed. */
export const dovecotMissing = fs.existsSync(DOVECOT_BIN)
  ? null
  : `dovecot not installed (${DOVECOT_BIN}): apt-get install dovecot-imapd`;

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A connected client for arranging and checking mailboxes (logged out by stop). */
  client: () => Promise<ImapFlow>;
  /** Appends raw messages to `folder` (created when missing); returns their UIDs. */
  append: (folder: string, messages: (Buffer | string)[]) => Promise<number[]>;
  /** Number of messages in `folder` (0 when it does not exist). */
  count: (folder: string) => Promise<number>;
  /** Stops the server (every connection is cut); `start()` runs it again on the same port and mail. */
  halt: () => Promise<void>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

async function waitForPort(port: number, up: boolean) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open === up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot port ${port} did not ${up ? "open" : "close"}`);
}

/** Starts Dovecot with IMAP on a free port; the caller stops it. */
export async function startDovecot(): Promise<Dovecot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-dovecot-"));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const user = "support";
  const password = "support-password-1";
  // Dovecot never gives mail to uid 0: as root, the mail belongs to "nobody".
  const own = process.getuid?.() ?? 0;
  const uid = own === 0 ? 65534 : own;
  const gid = own === 0 ? 65534 : (process.getgid?.() ?? 0);
  for (const sub of ["mail", "home"]) {
    fs.mkdirSync(path.join(dir, sub));
    fs.chownSync(path.join(dir, sub), uid, gid);
  }
  fs.writeFileSync(path.join(dir, "passwd"), `${user}:{PLAIN}${password}:::::\n`);
  const conf = path.join(dir, "dovecot.conf");
  fs.writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
  );
  let child: ChildProcess | null = null;
  const clients: ImapFlow[] = [];

  const start = async () => {
    child = spawn(DOVECOT_BIN, ["-F", "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    try {
      await waitForPort(port, true);
    } catch (error) {
      const log = fs.existsSync(path.join(dir, "dovecot.log"))
        ? fs.readFileSync(path.join(dir, "dovecot.log"), "utf8")
        : "";
      throw new Error(`${(error as Error).message}\n${out}\n${log}`);
    }
  };
  const halt = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once("exit", r));
    running.kill("SIGTERM");
    await exited;
    await waitForPort(port, false);
  };
  const client = async () => {
    const c = new ImapFlow({
      host: "127.0.0.1",
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
    });
    c.on("error", () => {});
    await c.connect();
    clients.push(c);
    return c;
  };

  await start();
  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    client,
    async append(folder, messages) {
      const c = await client();
      try {
        if (folder !== "INBOX") await c.mailboxCreate(folder).catch(() => {});
        const uids: number[] = [];
        for (const message of messages) {
          const result = await c.append(folder, message);
          if (result && result.uid) uids.push(result.uid);
        }
        return uids;
      } finally {
        await c.logout().catch(() => c.close());
      }
    },
    async count(folder) {
      const c = await client();
      try {
        const status = await c.status(folder, { messages: true }).catch(() => null);
        return (status && status.messages) || 0;
      } finally {
        await c.logout().catch(() => c.close());
      }
    },
    halt,
    start,
    async stop() {
      for (const c of clients) c.close();
      await halt();
      spawnSync("rm", ["-rf", dir]);
    },
  };
}

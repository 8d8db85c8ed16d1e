// A real load balancer for scale-out tests: Debian's nginx (`apt-get install
// nginx-light`), started in the foreground with its own config in a temp dir,
// listening on a free loopback port in front of the given web processes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export interface Nginx {
  url: string;
  /** The upstream ("127.0.0.1:port") that served each request so far, from the access log. */
  upstreams: () => string[];
  stop: () => Promise<void>;
}

const NGINX = process.env.NGINX_PATH || "/usr/sbin/nginx";

/** Round-robin over `backends` (base URLs); the README's example, minus TLS. */
export async function startNginx(backends: string[]): Promise<Nginx> {
  if (!fs.existsSync(NGINX))
    throw new Error(`${NGINX} not found: apt-get install -y nginx-light (or set NGINX_PATH)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-nginx-"));
  const port = await freePort();
  const servers = backends.map((b) => `    server ${new URL(b).host};`).join("\n");
  const temp = (name: string) => path.join(dir, name);
  fs.writeFileSync(
    temp("nginx.conf"),
    `worker_processes 1;
pid ${temp("nginx.pid")};
error_log ${temp("error.log")} warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  log_format upstream '$upstream_addr $status';
  access_log ${temp("access.log")} upstream;
  client_max_body_size 30m;
  upstream helpdesk {
${servers}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://helpdesk;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
    }
  }
}
`,
  );
  const child = spawn(
    NGINX,
    ["-p", dir, "-e", temp("error.log"), "-c", temp("nginx.conf"), "-g", "daemon off;"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${log}`);
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    upstreams: () =>
      fs
        .readFileSync(temp("access.log"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(" ")[0]),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

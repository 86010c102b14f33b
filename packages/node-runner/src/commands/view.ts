import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createStaticServer } from '@camkit/web-viewer/serve';
import { Command } from 'commander';
import { CliError } from '../errors.js';
import type { Log } from '../log.js';
import { defaultViewerDir } from '../view/viewer-dir.js';
import { int } from '../options/arg-parsers.js';

/** `camkit view RUN_DIR`: serves the viewer at / and the run dir read-only at /run/. */
export function viewCommand(log: () => Log): Command {
  return new Command('view')
    .description('serve the web viewer (at /) and a run directory (at /run/), read-only, on 127.0.0.1')
    .argument('<run-dir>', 'a directory holding manifest.json (from camkit explain or camkit demo)')
    .option('--port <n>', 'port (0: any free port)', int(0), 8080)
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--viewer-dir <dir>', 'built viewer to serve (default: the one @camkit/web-viewer exports)')
    .action(async (runDir: string, o: { port: number; host: string; viewerDir?: string }) => {
      if (!existsSync(join(runDir, 'manifest.json'))) {
        throw new CliError(`view: ${runDir} has no manifest.json (run camkit explain or camkit demo first)`);
      }
      const viewerDir = o.viewerDir ? resolve(o.viewerDir) : defaultViewerDir();
      if (!viewerDir || !existsSync(join(viewerDir, 'index.html'))) {
        const where = viewerDir
          ? `${viewerDir}/index.html missing`
          : '@camkit/web-viewer/dist/index.html does not resolve';
        throw new CliError(
          `view: the web viewer is not built (${where}); run: pnpm --filter @camkit/web-viewer build`,
        );
      }
      const server = createStaticServer([
        { prefix: '/run/', dir: resolve(runDir) },
        { prefix: '/', dir: viewerDir },
      ]);
      await new Promise<void>((res, rej) => {
        server.once('error', (err: NodeJS.ErrnoException) =>
          rej(new CliError(`--port ${o.port}: cannot listen on ${o.host} (${err.code ?? err.message})`)),
        );
        server.listen(o.port, o.host, () => res());
      });
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : o.port;
      process.stdout.write(
        `camkit viewer: http://${o.host}:${port}/ (run: ${resolve(runDir)}; Ctrl-C to stop)\n`,
      );
      log().info('serving read-only; only GET/HEAD inside the viewer and the run directory');
      await new Promise<void>((res) => {
        const stop = () => server.close(() => res());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

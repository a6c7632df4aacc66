import { accessSync, constants, existsSync } from 'node:fs';
import { ensureSystemPackage, SystemPackageError } from '../../common/system-packages';

/** Debian's fonts-noto-cjk: the Chinese font the PDFs embed when the official fonts are absent. */
export const NOTO_CJK_SERIF = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

export interface PrintingLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * The PDFs of official documents need Chromium and a CJK font. The embedded (`npm start`) setup
 * installs them like PostgreSQL (as root, when missing); anywhere else, or without root, a
 * missing piece is a warning, not a stop: everything but the PDF download works, and that one
 * answers 503 naming what to install.
 */
export async function ensurePrintingPackages(
  chromiumPath: string,
  install: boolean,
  log: PrintingLog,
): Promise<void> {
  const needs = [
    {
      pkg: { debian: 'chromium', purpose: `Chromium to print documents to PDF (${chromiumPath})` },
      present: () => executable(chromiumPath),
    },
    {
      pkg: { debian: 'fonts-noto-cjk', purpose: 'the Noto CJK fonts for Chinese text in PDFs' },
      present: () => existsSync(NOTO_CJK_SERIF),
    },
  ];
  for (const { pkg, present } of needs) {
    if (present()) continue;
    if (!install) {
      log.warn(
        `PDF downloads of documents are unavailable until ${pkg.purpose} is installed (Debian package ${pkg.debian}).`,
      );
      continue;
    }
    try {
      await ensureSystemPackage(pkg, present, log);
    } catch (error) {
      if (!(error instanceof SystemPackageError)) throw error;
      log.warn(`${error.message} Until then, PDF downloads of documents answer 503.`);
    }
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

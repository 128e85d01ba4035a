// The files of a workspace that may name a service's resources (task definition JSON,
// CloudFormation/CDK-synthesized templates, Terraform), for `doctor --format sarif --workspace DIR`.
// A bounded walk: dependency, VCS and build folders are skipped, symbolic links are not followed,
// and the number of folders and files and each file's size are capped, so a large repository
// costs little. Matching the text to lines is src/doctor/sarifLocations.ts's. No vscode, no AWS SDK.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInfrastructureFileName, type WorkspaceFile } from '../doctor/sarifLocations';

export interface WalkLimits {
  /** Files read at most. */
  readonly maxFiles: number;
  /** Folders opened at most. */
  readonly maxDirectories: number;
  /** A larger file is skipped. */
  readonly maxFileBytes: number;
  /** Folders below the workspace at most. */
  readonly maxDepth: number;
}

export const WALK_LIMITS: WalkLimits = { maxFiles: 500, maxDirectories: 2000, maxFileBytes: 512 * 1024, maxDepth: 8 };

/** Folders that hold dependencies, version control or build output, never the infrastructure someone wrote. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', '.terraform', '.venv', 'venv', '__pycache__', '.vscode-test']);

/**
 * The candidate files under `root`, breadth first and in name order (so the first file that names
 * a resource is the same on every run), with their paths relative to `root` in `/` form.
 */
export function readWorkspaceFiles(root: string, limits: WalkLimits = WALK_LIMITS): WorkspaceFile[] {
  const files: WorkspaceFile[] = [];
  const queue: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  let directories = 0;
  while (queue.length > 0 && files.length < limits.maxFiles && directories < limits.maxDirectories) {
    const { dir, depth } = queue.shift() as { dir: string; depth: number };
    directories++;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to point at there
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < limits.maxDepth && !SKIPPED_DIRECTORIES.has(entry.name)) queue.push({ dir: full, depth: depth + 1 });
      } else if (entry.isFile() && isInfrastructureFileName(entry.name) && files.length < limits.maxFiles) {
        try {
          if (fs.statSync(full).size > limits.maxFileBytes) continue;
          files.push({ path: path.relative(root, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
        } catch {
          // gone or unreadable since the listing: skip it
        }
      }
    }
  }
  return files;
}

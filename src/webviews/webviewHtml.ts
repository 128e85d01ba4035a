/**
 * The webview side both forms' panels share: the panel's options (scripts on, resources only
 * from dist/webview and media) and icon, and the page: CSP default-src 'none', scripts only
 * with a fresh nonce, every resource through asWebviewUri, the codicons, a "Loading the form…"
 * placeholder in <main id="app"> until the script renders.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface FormPage {
  readonly title: string;
  /** Stylesheets after the codicons', each as path parts under the extension. */
  readonly styles: ReadonlyArray<readonly string[]>;
  /** The bundled script, as path parts under the extension. */
  readonly script: readonly string[];
}

/** Shows a form's page in its panel: the webview's options (scripts on, resources only from dist/webview and media), the icon, the HTML. */
export function showFormPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, page: FormPage): void {
  panel.webview.options = {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'ecs-studio.svg');
  panel.webview.html = formWebviewHtml(panel.webview, extensionUri, page);
}

/** The HTML of a form's webview. */
export function formWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: FormPage): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (parts: readonly string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const links = [['dist', 'webview', 'codicon.css'], ...page.styles].map((parts) => `<link rel="stylesheet" href="${asset(parts)}">\n`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p>${escapeHtml(vscode.l10n.t('Loading the form…'))}</p></main>
<script nonce="${nonce}" src="${asset(page.script)}"></script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

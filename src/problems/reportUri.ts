import * as vscode from 'vscode';
import { REPORT_SCHEME, serviceReportPath, type ServiceKey } from '../model/documentPaths';

export { serviceKeyId, parseServiceReportPath, REPORT_SCHEME, type ServiceKey } from '../model/documentPaths';

/** The read-only document of a service's doctor report. */
export function reportUri(key: ServiceKey): vscode.Uri {
  return vscode.Uri.from({ scheme: REPORT_SCHEME, path: serviceReportPath(key) });
}

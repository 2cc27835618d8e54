/**
 * `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it. A
 * summary's places are its `relatedLocations`; an item hint (level note) relates to its summary.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, linkedPlaces, ruleDocUrl, type Finding, type Severity } from '../engine/index.js';
import { HOMEPAGE, PRODUCT_NAME, VERSION } from '../version.js';
import type { FileReport } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface SarifResult {
  locations: Array<{ physicalLocation: { artifactLocation: object } }>;
}

/** A summary's related places (an item hint's summary) as relatedLocations, in the result's own file or, for a trace/* finding, another one. */
function withRelatedLocations<R extends SarifResult>(result: R, finding: Finding, root: string): R {
  const places = linkedPlaces(finding);
  if (places.length === 0) return result;
  const own = result.locations[0].physicalLocation.artifactLocation;
  return {
    ...result,
    relatedLocations: places.map((place, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: place.file !== undefined ? artifactLocation(place.file, root) : own, region: { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn } },
      message: { text: place.message },
    })),
  };
}

/**
 * A file's SARIF artifactLocation: under the working folder, a relative URI against %SRCROOT%
 * with each path segment percent-encoded (`#` and `?` included, which encodeURI leaves as they
 * are and which would cut the URI short); elsewhere an absolute file: URI, so that no location
 * climbs out of %SRCROOT% with "../".
 */
export function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const segments = file.split('/');
  if (path.isAbsolute(file) || segments[0] === '..') return { uri: pathToFileURL(path.resolve(root, file)).href };
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** SARIF 2.1.0 for the reports; `root` is the working folder the reports' paths are relative to. */
export function formatSarif(reports: readonly FileReport[], root = process.cwd()): string {
  const rules = allRules.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.rationale },
    help: { text: rule.meta.howToFix, markdown: rule.meta.howToFix },
    helpUri: ruleDocUrl(rule.meta.id),
    defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
    properties: { tags: [rule.meta.family, 'strategy'], documentTypes: rule.meta.types },
  }));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = reports.flatMap((report) => report.findings.map((finding) => withRelatedLocations({
    ruleId: finding.ruleId,
    ...(index.has(finding.ruleId) ? { ruleIndex: index.get(finding.ruleId) } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(report.file, root),
        region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
      },
    }],
    properties: { docType: report.docType, severity: finding.severity },
  }, finding, root)));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: PRODUCT_NAME, version: VERSION, semanticVersion: VERSION, informationUri: HOMEPAGE, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
      results,
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

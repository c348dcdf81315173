import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnBadge, renderBadgeSvg } from '../../harness/reporting/matrix/badge';
import { renderMatrixHtml, type MatrixPageOptions } from '../../harness/reporting/matrix/html';
import { matrixJson, type MatrixModel } from '../../harness/reporting/matrix/model';

/** Writes matrix.json, index.html and badges/<id>.svg into the matrix folder. */
export function writeMatrix(dir: string, model: MatrixModel, options: MatrixPageOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  // Badges of targets no longer registered would otherwise linger and be embedded as if current.
  rmSync(join(dir, 'badges'), { recursive: true, force: true });
  mkdirSync(join(dir, 'badges'));
  for (const c of model.columns) writeFileSync(join(dir, 'badges', `${c.id}.svg`), renderBadgeSvg(columnBadge(c)));
  writeFileSync(join(dir, 'matrix.json'), `${JSON.stringify(matrixJson(model), null, 2)}\n`);
  writeFileSync(join(dir, 'index.html'), renderMatrixHtml(model, options));
}

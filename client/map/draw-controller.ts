/**
 * Route drawing and vertex editing with terra-draw: a linestring mode to draw a new route (click to add
 * points, double-click or click the last point to finish) and a select mode to drag, insert (midpoints)
 * and delete (right-click) vertices of one route. The controller owns no scenario state: it reports
 * finished lines and the workspace turns them into undoable edits.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { dropRepeatedPositions, type LonLat } from '../../shared/index';
import { COLOURS } from './layers/theme';

export interface DrawCallbacks {
  /** A new line was drawn (at least two points). */
  onDrawn(line: LonLat[]): void;
  /** The edited line changed (a vertex dragged, inserted or deleted). */
  onEdited(line: LonLat[]): void;
}

const EDIT_ACTIONS = new Set(['dragCoordinate', 'insertMidpoint', 'deleteCoordinate', 'dragFeature', 'edit']);

/** The feature's positions, without a point repeated by a double click where the line was started. */
function lineOf(feature: GeoJSONStoreFeatures | undefined): LonLat[] | null {
  if (!feature || feature.geometry.type !== 'LineString') return null;
  return dropRepeatedPositions(
    (feature.geometry.coordinates as number[][]).map(([x, y]) => [x, y] as LonLat),
  );
}

export class DrawController {
  private readonly draw: TerraDraw;
  private editedId: string | number | null = null;

  constructor(
    map: MapLibreMap,
    private readonly callbacks: DrawCallbacks,
  ) {
    const accent = COLOURS.routeSelected;
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 6 }),
      modes: [
        new TerraDrawLineStringMode({
          styles: {
            lineStringColor: accent,
            lineStringWidth: 3,
            closingPointColor: '#ffffff',
            closingPointOutlineColor: accent,
            closingPointOutlineWidth: 2,
            closingPointWidth: 5,
          },
        }),
        new TerraDrawSelectMode({
          flags: {
            linestring: {
              feature: {
                draggable: false,
                coordinates: { draggable: true, midpoints: true, deletable: true },
              },
            },
          },
          allowManualDeselection: false,
          styles: {
            selectedLineStringColor: accent,
            selectedLineStringWidth: 3,
            selectionPointColor: '#ffffff',
            selectionPointOutlineColor: accent,
            selectionPointOutlineWidth: 2,
            selectionPointWidth: 5,
            midPointColor: accent,
            midPointOutlineColor: '#ffffff',
            midPointWidth: 3,
          },
        }),
      ],
    });
    this.draw.start();
    this.draw.on('finish', (id, context) => this.onFinish(id, context.mode, context.action));
  }

  private onFinish(id: string | number, mode: string, action: string): void {
    const line = lineOf(this.draw.getSnapshotFeature(id));
    if (mode === 'linestring' && action === 'draw') {
      this.draw.removeFeatures([id]);
      if (line && line.length >= 2) this.callbacks.onDrawn(line);
      return;
    }
    if (id === this.editedId && EDIT_ACTIONS.has(action) && line && line.length >= 2)
      this.callbacks.onEdited(line);
  }

  /** Starts drawing a new line. */
  startDrawing(): void {
    this.stop();
    this.draw.setMode('linestring');
  }

  /** Shows `line` with draggable vertices and midpoints. */
  startEditing(line: readonly LonLat[]): void {
    this.stop();
    const id = this.draw.getFeatureId();
    const [result] = this.draw.addFeatures([
      {
        id,
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: line.map(([x, y]) => [x, y]) },
        properties: { mode: 'linestring' },
      },
    ]);
    if (!result?.valid) return;
    this.editedId = id;
    this.draw.setMode('select');
    this.draw.selectFeature(id);
  }

  /** Replaces the edited line's geometry (after undo/redo), keeping the selection. */
  updateEditedLine(line: readonly LonLat[]): void {
    if (this.editedId === null) return;
    const current = lineOf(this.draw.getSnapshotFeature(this.editedId));
    if (
      current &&
      current.length === line.length &&
      current.every((p, i) => p[0] === line[i][0] && p[1] === line[i][1])
    ) {
      return;
    }
    this.startEditing(line);
  }

  /** Leaves drawing or editing; removes the draw layers' features. */
  stop(): void {
    this.editedId = null;
    if (this.draw.getMode() !== 'static') this.draw.setMode('static');
    this.draw.clear();
  }

  destroy(): void {
    this.draw.stop();
  }
}

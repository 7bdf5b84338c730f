import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Served by the gateway (the gateway's Maven build passes --outDir: its classes' static/ folder). Two pages, each with
// its own entry: the operators' portal at "/" (index.html, signs in) and the public portal at "/public/"
// (public/index.html, signs in nobody and loads none of the operators' code). Rolldown splits what both use (OpenLayers,
// ECharts) into shared chunks. "public/" is a page here, not Vite's folder of files copied as they are: publicDir is off.
export default defineConfig({
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // OpenLayers and ECharts are large by nature; each page's chunk is loaded when the page is opened.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        portal: fileURLToPath(new URL('./index.html', import.meta.url)),
        public: fileURLToPath(new URL('./public/index.html', import.meta.url)),
      },
    },
  },
});

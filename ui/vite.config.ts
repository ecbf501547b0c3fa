/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The app is served by Tauri from ui/dist under a strict CSP (tauri.conf.json): everything,
// fonts included, must be a file of its own ('self'), never inlined as data: or fetched remotely.
export default defineConfig({
  plugins: [react()],
  base: "./",
  clearScreen: false,
  server: { fs: { allow: [".."] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari16",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});

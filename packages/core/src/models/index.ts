// models: public API of this folder, re-exported by src/index.ts.
export {};

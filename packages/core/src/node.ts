// Node-only helpers (fs): model load/save, .npy files.
export {};

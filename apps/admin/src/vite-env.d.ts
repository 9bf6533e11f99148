/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the API; default `/api` (same origin, as served by the API itself). */
  readonly VITE_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

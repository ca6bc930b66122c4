/** Lucide's per-icon modules (the package types only its index): each default-exports the icon's nodes. */
declare module 'lucide/dist/esm/icons/*.mjs' {
  const icon: import('lucide').IconNode;
  export default icon;
}

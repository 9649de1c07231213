// Shoelace <sl-input> as a generic Lit form field (cherry-picked, registers the element).
import '@shoelace-style/shoelace/dist/components/input/input.js';

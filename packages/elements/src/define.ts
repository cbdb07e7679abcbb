// Registers every element of the library under its default `cwm-*` tag. Safe to import twice.
import { defineAll } from './define-all.js';

defineAll();

export * from './index.js';

/**
 * Tests of the model of {@code dev.s3notify.core}, from outside its package as plugins use it: builders, records'
 * rules, digests. (The model's own package holds its classes only.)
 */
package dev.s3notify.core.model;

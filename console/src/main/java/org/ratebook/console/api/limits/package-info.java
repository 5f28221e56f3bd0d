/**
 * Walls 3 and 4 at the API's edge: bounded request bodies, text fields and dates, no NUL bytes, and problem
 * JSON for unknown paths and wrong content types. Each refusal is a 4xx problem that names the limit, and
 * nothing is stored. Decision 018.
 */
package org.ratebook.console.api.limits;

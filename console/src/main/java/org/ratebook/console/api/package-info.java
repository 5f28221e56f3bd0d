/**
 * The REST API, {@code /api/v1}. The tenant always comes from the API key. Money is written as decimal
 * strings with the currency beside it; errors are RFC 7807 problem details and change nothing.
 */
package org.ratebook.console.api;

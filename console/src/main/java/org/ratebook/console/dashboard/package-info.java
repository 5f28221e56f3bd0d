/** The landing page: the finance team's figures as server-rendered SVG charts, each with its table and CSV. */
package org.ratebook.console.dashboard;

/**
 * The rule-pack model: a pack is data tables (the catalog) plus DRL sources per category. Its content hash
 * identifies the compiled form, so tenants on identical content share one compiled KieBase.
 */
package org.ratebook.rules.pack;

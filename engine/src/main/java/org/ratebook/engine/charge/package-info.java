/** One-off charges: amounts entered for an account by hand (a setup fee, an hour of support), invoiced once. */
package org.ratebook.engine.charge;

/** Invoice documents rendered as PDF with PDFBox. */
package org.ratebook.engine.invoicing.pdf;

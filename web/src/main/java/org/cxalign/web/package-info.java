/** The JAX-RS API of CX Align, mounted at {@code /api}. */
package org.cxalign.web;

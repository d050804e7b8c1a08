/**
 * Health checks of the application, packaged as a library of the EAR ({@code lib/}) so that
 * WildFly's MicroProfile Health finds them.
 */
package org.cxalign.health;
